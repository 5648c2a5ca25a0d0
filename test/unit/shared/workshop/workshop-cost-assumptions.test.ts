// A workshop's saved cost assumptions, as every evaluation of the workshop reads them.
import { describe, expect, it } from 'vitest';
import { emptyWorkshopState } from '../../../../shared/domain';
import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { COST_MODEL_RULE, defaultPack } from '../../../../shared/engine';
import { evaluateWorkshop, workshopCostAssumptions } from '../../../../shared/workshop';

describe('workshopCostAssumptions', () => {
  it('lays the room’s values over the defaults', () => {
    expect(workshopCostAssumptions({})).toEqual(DEFAULT_COST_ASSUMPTIONS);
    expect(workshopCostAssumptions(undefined)).toEqual(DEFAULT_COST_ASSUMPTIONS);
    expect(workshopCostAssumptions({ cloudHourlyPrice: 7, monthlyBudget: null })).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice: 7 });
  });

  it('keeps the valid fields when one is somehow not valid', () => {
    expect(workshopCostAssumptions({ cloudHourlyPrice: 7, spotDiscount: 3, colour: 1 })).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice: 7 });
  });
});

describe('evaluateWorkshop with the cost model', () => {
  it('scores cost with the workshop’s assumptions once the volumes are answered', () => {
    const state = { ...emptyWorkshopState(), answers: { monthlyTrainingGpuHours: 2000, monthlyInferenceRequests: 5_000_000, sustainedGpuUtilization: 0.7 } };
    const cheap = evaluateWorkshop(defaultPack(), { ...state, costAssumptions: { cloudHourlyPrice: 1 } });
    const dear = evaluateWorkshop(defaultPack(), { ...state, costAssumptions: { cloudHourlyPrice: 20 } });
    expect(cheap.costAssumptions.cloudHourlyPrice).toBe(1);
    expect(cheap.evaluation.firedRules).toContain(COST_MODEL_RULE);
    const cloudCost = (e: typeof cheap) => e.evaluation.decisions[0]!.ranking.find((r) => r.option === 'cloud')!.criteria.find((c) => c.criterion === 'cost')!.score;
    expect(cloudCost(dear)).toBeLessThan(cloudCost(cheap));
  });
});
