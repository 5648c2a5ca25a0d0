// A workshop's saved cost assumptions, as every evaluation of the workshop reads them, and the cost of its roadmap.
import { describe, expect, it } from 'vitest';
import { emptyWorkshopState, type UseCase, type WorkshopState } from '../../../../shared/domain';
import { DEFAULT_COST_ASSUMPTIONS, estimateCost, formatMoney } from '../../../../shared/cost';
import { COST_MODEL_RULE, defaultPack, type Evaluation } from '../../../../shared/engine';
import { BUDGET_RISK_RULE, evaluateWorkshop, withBudgetRisk, workshopCost, workshopCostAssumptions, workshopCostRoadmap } from '../../../../shared/workshop';
import { BUSY_DATA_CENTRE_ANSWERS, OWN_LANGUAGE_MODEL_ANSWERS } from '../cost/fixtures';

const pack = defaultPack();

function useCase(id: string, name: string, answers: UseCase['answers'], roomChoices: UseCase['roomChoices'] = {}): UseCase {
  return { id, name, description: '', answers, dontKnow: [], notes: {}, roomChoices };
}

/** A firm with a data centre and the skills to run it, and a busy model of its own (the answers cost-criterion.test.ts prices too). */
const drafting = useCase('6f1c1f4e-2d7a-4c59-9f5e-3f0f5b1d2a01', 'Drafting', { ...OWN_LANGUAGE_MODEL_ANSWERS });
const state: WorkshopState = { ...emptyWorkshopState(), answers: { ...BUSY_DATA_CENTRE_ANSWERS }, useCases: [drafting] };

function lands(e: Evaluation, decision: string): string | null {
  return e.useCases[0]!.outcomes.find((o) => o.decision === decision)!.option;
}

describe('workshopCostAssumptions', () => {
  it('lays the room’s values over the defaults', () => {
    expect(workshopCostAssumptions({})).toEqual(DEFAULT_COST_ASSUMPTIONS);
    expect(workshopCostAssumptions(undefined)).toEqual(DEFAULT_COST_ASSUMPTIONS);
    expect(workshopCostAssumptions({ cloudHourlyPrice: 7, monthlyBudget: null })).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice: 7 });
    expect(workshopCostAssumptions({ throughputVision: 50_000, onPremisesFixedMonthly: 0 })).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, throughputVision: 50_000, onPremisesFixedMonthly: 0 });
  });

  it('keeps the valid fields when one is somehow not valid', () => {
    expect(workshopCostAssumptions({ cloudHourlyPrice: 7, spotDiscount: 3, colour: 1 })).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice: 7 });
    expect(workshopCostAssumptions({ throughputSpeech: 0 })).toEqual(DEFAULT_COST_ASSUMPTIONS);
  });
});

describe('evaluateWorkshop with the cost model', () => {
  it('prices each use case’s placements with the workshop’s assumptions once its volumes are answered', () => {
    const cheap = evaluateWorkshop(pack, { ...state, costAssumptions: { cloudHourlyPrice: 1 } });
    const dear = evaluateWorkshop(pack, { ...state, costAssumptions: { cloudHourlyPrice: 30 } });
    expect(cheap.costAssumptions.cloudHourlyPrice).toBe(1);
    expect(cheap.evaluation.useCases[0]!.firedRules).toContain(COST_MODEL_RULE);
    const cloudCost = (e: typeof cheap) =>
      e.evaluation.useCases[0]!.decisions.find((d) => d.id === 'serving-placement')!.ranking.find((r) => r.option === 'cloud')!.criteria.find((c) => c.criterion === 'cost')!.score;
    expect(cloudCost(dear)).toBeLessThan(cloudCost(cheap));
    // and where the use case runs follows: rented at 1 USD an hour, owned at 30
    expect(lands(cheap.evaluation, 'serving-placement')).toBe('cloud');
    expect(lands(dear.evaluation, 'serving-placement')).toBe('on-premises');
    // without volumes there is nothing to price
    const unanswered = { ...state, useCases: [useCase(drafting.id, 'Drafting', { task: 'language-generation' })] };
    expect(evaluateWorkshop(pack, unanswered).evaluation.useCases[0]!.firedRules).not.toContain(COST_MODEL_RULE);
  });
});

describe('workshopCost', () => {
  it('prices the roadmap where each deployment option puts its use cases, sourced as the evaluation settled them', () => {
    // The room builds the drafting model itself (its own platform scores a hair below a managed one).
    const built: WorkshopState = { ...state, useCases: [{ ...drafting, roomChoices: { sourcing: { option: 'custom-platform', reason: 'The model team runs its own stack.' } } }] };
    const { evaluation, costAssumptions } = evaluateWorkshop(pack, built);
    const roadmap = workshopCostRoadmap(built, evaluation)!;
    expect(roadmap.organisation).toEqual({ sustainedGpuUtilization: 0.85, spareAccelerators: 0, egressTbPerMonth: null, existingOnPremCapacity: 'significant' });
    expect(roadmap.useCases).toEqual([
      {
        id: drafting.id,
        name: 'Drafting',
        task: 'language-generation',
        requestsNow: 10_000_000,
        requestsInProduction: 365_000_000,
        trainingGpuHours: 2_000,
        interruptionTolerance: 'none',
        sourcing: 'custom-platform',
        customization: 'high',
      },
    ]);
    expect(lands(evaluation, 'sourcing')).toBe('custom-platform');
    expect(roadmap.placements).toEqual({
      cloud: [{ serving: 'cloud', training: 'cloud' }],
      'on-premises': [{ serving: 'on-premises', training: 'on-premises' }],
      // a hybrid estate puts each part where the use case itself ranks it best: with its data in the cloud, both stay there
      hybrid: [{ serving: 'cloud', training: 'cloud' }],
    });
    const cost = workshopCost(built, evaluation, costAssumptions)!;
    expect(cost).toEqual(estimateCost(roadmap, costAssumptions));
    // 365,000,000 / 10,000 = 36,500 serving h and 2,000 training h, owned at 85% = 620.5 busy h per accelerator:
    // cloud 4 × 38,500 = 154,000
    // on-premises 38,500 / 620.5 = 62.05 → 63 accelerators × 833.33 × 1.35 = 70,875 + 10,000 (a quarter of 40,000) = 80,875
    // hybrid: both parts rented, as under cloud: 154,000
    expect(cost.production.monthly).toEqual({ cloud: 154_000, 'on-premises': expect.closeTo(80_875, 6), hybrid: 154_000 });
    expect(cost.production.options['on-premises'].accelerators).toEqual({ dataCentre: 63, spareUsed: 0, bought: 63, edge: 0 });
    expect(cost.production.options.cloud.useCases.map((u) => u.name)).toEqual(['Drafting']);
  });

  it('has nothing to price without use cases or without any volume or training answered', () => {
    const { evaluation, costAssumptions } = evaluateWorkshop(pack, state);
    expect(workshopCost({ ...state, useCases: [] }, evaluation, costAssumptions)).toBeNull();
    const blank = { ...state, useCases: [useCase(drafting.id, 'Drafting', { task: 'vision' })] };
    const e = evaluateWorkshop(pack, blank);
    expect(workshopCost(blank, e.evaluation, e.costAssumptions)).toBeNull();
  });
});

describe('the budget as a risk of the deployment', () => {
  it('raises a High risk with the figures when the outcome costs more than the monthly budget at production volume, and none within it', () => {
    const over: WorkshopState = { ...state, costAssumptions: { monthlyBudget: 10_000 } };
    const { evaluation, costAssumptions, decided } = evaluateWorkshop(pack, over);
    const deployment = evaluation.decisions.find((d) => d.id === 'deployment')!;
    const risk = deployment.risks.find((r) => r.rule === BUDGET_RISK_RULE)!;
    const estimate = workshopCost(over, evaluation, costAssumptions)!;
    const outcome = (decided['deployment'] ?? deployment.recommended) as 'cloud' | 'on-premises' | 'hybrid';
    expect(risk).toMatchObject({ severity: 'high', option: outcome });
    expect(risk.message).toBe(`At production volume ${deployment.ranking.find((r) => r.option === outcome)!.label} costs ${formatMoney(estimate.production.monthly[outcome], 'USD')} a month, ${(estimate.production.monthly[outcome] / 10_000).toFixed(1)} times the monthly budget of 10,000 USD.`);
    expect(risk.action).toMatch(/^Set budget alerts at 50%, 80% and 100% of the budget/);
    expect(deployment.risks[0]!.severity).toBe('high');
    // Within a generous budget, or with none, no such risk.
    for (const budget of [{ monthlyBudget: 10_000_000 }, {}] as Array<Record<string, number>>) {
      const within = evaluateWorkshop(pack, { ...state, costAssumptions: budget }).evaluation.decisions.find((d) => d.id === 'deployment')!;
      expect(within.risks.some((r) => r.rule === BUDGET_RISK_RULE)).toBe(false);
    }
  });

  it('raises none for a room’s choice of a deployment decision that does not apply: the choice is set aside', () => {
    const over: WorkshopState = { ...state, costAssumptions: { monthlyBudget: 10_000 } };
    const { evaluation, costAssumptions } = evaluateWorkshop(pack, over);
    const estimate = workshopCost(over, evaluation, costAssumptions)!;
    expect(estimate.production.budget.byOption.cloud.status).toBe('over');
    const notApplying = {
      decisions: evaluation.decisions.map((d) =>
        d.id === 'deployment' ? { ...d, applicable: false, notApplicableBecause: [{ rule: 'custom.no-deployment', consideration: 'deployment', reason: 'It runs nothing of its own.' }], recommended: null, risks: [] } : d,
      ),
    };
    expect(withBudgetRisk(notApplying, estimate, { deployment: 'cloud' })).toBe(notApplying);
    // While the decision applies, the same choice is the outcome over budget.
    const applying = { decisions: notApplying.decisions.map((d) => (d.id === 'deployment' ? { ...d, applicable: true } : d)) };
    expect(withBudgetRisk(applying, estimate, { deployment: 'cloud' }).decisions.find((d) => d.id === 'deployment')!.risks).toMatchObject([{ rule: BUDGET_RISK_RULE, option: 'cloud' }]);
  });
});
