import { describe, expect, it } from 'vitest';
import { breakdownTotal, cloudCost, cloudTrainingCost, resolveWorkload, type Workload } from '../../../../shared/cost';
import { CASE_A_INPUTS, CASE_B_ASSUMPTIONS, CASE_B_INPUTS, DEFAULTS } from './fixtures';

const workloadA = resolveWorkload(CASE_A_INPUTS, DEFAULTS).workload;
const workloadB = resolveWorkload(CASE_B_INPUTS, CASE_B_ASSUMPTIONS).workload;

describe('cloudCost', () => {
  it('case A: spot on half the training', () => {
    // training = 4 × 2,000 × (1 − 0.7 × 0.5) = 8,000 × 0.65 = 5,200; inference = 4 × 500 = 2,000; egress = 2,000 × 0.09 = 180
    const spot = cloudCost(workloadA, DEFAULTS, 'spot');
    expect(spot.training).toBeCloseTo(5_200, 9);
    expect(spot.inference).toBe(2_000);
    expect(spot.egress).toBeCloseTo(180, 9);
    expect(spot.overhead).toBe(0);
    expect(breakdownTotal(spot)).toBeCloseTo(7_380, 9);
    // on demand: training = 4 × 2,000 = 8,000; total = 8,000 + 2,000 + 180 = 10,180
    const onDemand = cloudCost(workloadA, DEFAULTS, 'on-demand');
    expect(onDemand).toEqual({ training: 8_000, inference: 2_000, egress: spot.egress, overhead: 0 });
  });

  it('case B: spot on 90% of the training at 80% off', () => {
    // training = 2.5 × 1,460 × (1 − 0.8 × 0.9) = 3,650 × 0.28 = 1,022; inference = 2.5 × 730 = 1,825; egress = 10,000 × 0.05 = 500
    const spot = cloudCost(workloadB, CASE_B_ASSUMPTIONS, 'spot');
    expect(spot.training).toBeCloseTo(1_022, 9);
    expect(spot.inference).toBe(1_825);
    expect(spot.egress).toBe(500);
    expect(breakdownTotal(spot)).toBeCloseTo(3_347, 9);
    expect(cloudTrainingCost(workloadB, CASE_B_ASSUMPTIONS, 'on-demand')).toBe(3_650);
  });

  it('uses no spot when nothing may be interrupted', () => {
    const w: Workload = { ...workloadA, interruptibleShare: 0 };
    expect(cloudCost(w, DEFAULTS, 'spot')).toEqual(cloudCost(w, DEFAULTS, 'on-demand'));
  });
});
