import { describe, expect, it } from 'vitest';
import { breakdownTotal, cloudCost, hybridCost, onPremisesCost, resolveWorkload, type Workload } from '../../../../shared/cost';
import { CASE_A_INPUTS, CASE_B_ASSUMPTIONS, CASE_B_INPUTS, DEFAULTS } from './fixtures';

const workloadA = resolveWorkload(CASE_A_INPUTS, DEFAULTS).workload;
const workloadB = resolveWorkload(CASE_B_INPUTS, CASE_B_ASSUMPTIONS).workload;

describe('hybridCost', () => {
  it('case A: inference owned, training rented with spot, egress on the cloud share of hours', () => {
    // n = ceil(500 / 438) = 2; inference = 2 × 833.33 = 1,666.67; overhead = 0.6 × 1,666.67 = 1,000;
    // training = 5,200 (as cloud with spot); egress = 180 × 2,000 / 2,500 = 144; total = 8,010.67
    const hybrid = hybridCost(workloadA, DEFAULTS);
    expect(hybrid.accelerators).toBe(2);
    expect(hybrid.breakdown.inference).toBeCloseTo(1_666.6667, 4);
    expect(hybrid.breakdown.overhead).toBeCloseTo(1_000, 9);
    expect(hybrid.breakdown.training).toBeCloseTo(5_200, 9);
    expect(hybrid.breakdown.egress).toBeCloseTo(144, 9);
    expect(breakdownTotal(hybrid.breakdown)).toBeCloseTo(8_010.6667, 4);
  });

  it('case B', () => {
    // n = 730 / 365 = 2; inference = 1,000; overhead = 500; training = 1,022; egress = 500 × 1,460 / 2,190 = 333.33
    // total = 1,000 + 500 + 1,022 + 333.33 = 2,855.33
    const hybrid = hybridCost(workloadB, CASE_B_ASSUMPTIONS);
    expect(hybrid.accelerators).toBe(2);
    expect(hybrid.breakdown).toEqual({
      training: expect.closeTo(1_022, 9),
      inference: 1_000,
      egress: expect.closeTo(333.3333, 4),
      overhead: 500,
    });
    expect(breakdownTotal(hybrid.breakdown)).toBeCloseTo(2_855.3333, 4);
  });

  it('is all cloud when there is no inference and all owned when there is no training', () => {
    const trainingOnly: Workload = { ...workloadA, inferenceHours: 0, inferenceRequests: 0 };
    expect(breakdownTotal(hybridCost(trainingOnly, DEFAULTS).breakdown)).toBeCloseTo(breakdownTotal(cloudCost(trainingOnly, DEFAULTS, 'spot')), 9);
    const inferenceOnly: Workload = { ...workloadA, trainingHours: 0, egressGb: 1_000 };
    expect(breakdownTotal(hybridCost(inferenceOnly, DEFAULTS).breakdown)).toBeCloseTo(breakdownTotal(onPremisesCost(inferenceOnly, DEFAULTS).breakdown), 9);
  });
});
