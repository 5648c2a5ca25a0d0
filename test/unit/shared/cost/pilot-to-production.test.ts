import { describe, expect, it } from 'vitest';
import { estimateCost, pilotToProduction } from '../../../../shared/cost';
import { CASE_B_ASSUMPTIONS, CASE_B_INPUTS } from './fixtures';

describe('pilotToProduction', () => {
  it('steps the volume from the pilot to production and checks each point against the budget', () => {
    // case B, ×1 to ×4 in 3 steps: cloud = 3,347 × f → 3,347 / 6,694 / 10,041 / 13,388 against a 12,000 budget
    const series = pilotToProduction(CASE_B_INPUTS, CASE_B_ASSUMPTIONS, { steps: 3 });
    expect(series.monthlyBudget).toBe(12_000);
    expect(series.points.map((p) => p.volumeFactor)).toEqual([1, 2, 3, 4]);
    const cloud = series.points.map((p) => p.monthly.cloud);
    [3_347, 6_694, 10_041, 13_388].forEach((v, i) => expect(cloud[i]).toBeCloseTo(v, 8));
    // 10,041 / 12,000 = 84% → warning; 13,388 → over
    expect(series.points.map((p) => p.budget.cloud)).toEqual(['ok', 'ok', 'warning', 'over']);
    // on-premises at ×2: n = 4,380 / 365 = 12 → 12 × 500 × 1.5 = 9,000 (77% → ok); ×3: 18 → 13,500 → over
    expect(series.points.map((p) => p.monthly['on-premises'])).toEqual([4_500, 9_000, 13_500, 18_000]);
    expect(series.points.map((p) => p.budget['on-premises'])).toEqual(['ok', 'ok', 'over', 'over']);
  });

  it('starts at the estimate and ends at its production level', () => {
    const estimate = estimateCost(CASE_B_INPUTS, CASE_B_ASSUMPTIONS);
    const series = pilotToProduction(CASE_B_INPUTS, CASE_B_ASSUMPTIONS);
    expect(series.points).toHaveLength(11);
    expect(series.points[0]!.monthly).toEqual(estimate.scale.pilot.monthly);
    expect(series.points[10]!.monthly).toEqual(estimate.scale.production.monthly);
    expect(series.points[10]!.cloudOnDemand).toBe(estimate.scale.production.cloudOnDemand);
  });

  it('is a single point when production is the pilot', () => {
    const series = pilotToProduction(CASE_B_INPUTS, { ...CASE_B_ASSUMPTIONS, pilotToProductionScale: 1 }, { steps: 2 });
    expect(series.points.map((p) => p.volumeFactor)).toEqual([1, 1, 1]);
  });
});
