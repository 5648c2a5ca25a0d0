import { describe, expect, it } from 'vitest';
import { breakdownTotal, onPremisesCost, resolveWorkload } from '../../../../shared/cost';
import { CASE_A_INPUTS, CASE_B_ASSUMPTIONS, CASE_B_INPUTS, DEFAULTS } from './fixtures';

const workloadA = resolveWorkload(CASE_A_INPUTS, DEFAULTS).workload;
const workloadB = resolveWorkload(CASE_B_INPUTS, CASE_B_ASSUMPTIONS).workload;

describe('onPremisesCost', () => {
  it('case A: 6 accelerators, hardware split by hours, 60% overhead', () => {
    // n = ceil(2,500 / 438) = 6; hardware = 6 × 833.33 = 5,000; training = 5,000 × 2,000/2,500 = 4,000;
    // inference = 1,000; overhead = 0.6 × 5,000 = 3,000; total 8,000
    const owned = onPremisesCost(workloadA, DEFAULTS);
    expect(owned.accelerators).toBe(6);
    expect(owned.breakdown.training).toBeCloseTo(4_000, 9);
    expect(owned.breakdown.inference).toBeCloseTo(1_000, 9);
    expect(owned.breakdown.egress).toBe(0);
    expect(owned.breakdown.overhead).toBeCloseTo(3_000, 9);
    expect(breakdownTotal(owned.breakdown)).toBeCloseTo(8_000, 9);
  });

  it('case B: 6 accelerators exactly', () => {
    // n = 2,190 / 365 = 6; hardware = 6 × 500 = 3,000 → training 2,000 (2/3), inference 1,000; overhead 1,500; total 4,500
    const owned = onPremisesCost(workloadB, CASE_B_ASSUMPTIONS);
    expect(owned.accelerators).toBe(6);
    expect(owned.breakdown.training).toBeCloseTo(2_000, 9);
    expect(owned.breakdown.inference).toBeCloseTo(1_000, 9);
    expect(owned.breakdown.overhead).toBe(1_500);
    expect(breakdownTotal(owned.breakdown)).toBeCloseTo(4_500, 9);
  });

  it('owns nothing and costs nothing without a workload', () => {
    const none = resolveWorkload({}, DEFAULTS).workload;
    expect(onPremisesCost(none, DEFAULTS)).toEqual({ accelerators: 0, breakdown: { training: 0, inference: 0, egress: 0, overhead: 0 } });
  });
});
