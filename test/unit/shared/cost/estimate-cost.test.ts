import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST_ASSUMPTIONS,
  DEPLOYMENT_OPTIONS,
  breakdownTotal,
  estimateCost,
  fleetSize,
  ownedCostPerBusyHour,
  priceWorkload,
  resolveWorkload,
  type CostInputs,
} from '../../../../shared/cost';
import { assumptionsArb, expectClose, inputsArb } from './arbitraries';
import { CASE_A_INPUTS, CASE_B_ASSUMPTIONS, CASE_B_INPUTS } from './fixtures';

describe('estimateCost', () => {
  it('case A with the defaults, figure by figure', () => {
    const e = estimateCost(CASE_A_INPUTS);
    // cloud = 5,200 + 2,000 + 180 = 7,380; on-premises = 4,000 + 1,000 + 0 + 3,000 = 8,000;
    // hybrid = 5,200 + 1,666.67 + 144 + 1,000 = 8,010.67 (see the option tests for each part)
    expect(e.monthly.cloud).toBeCloseTo(7_380, 9);
    expect(e.monthly['on-premises']).toBeCloseTo(8_000, 9);
    expect(e.monthly.hybrid).toBeCloseTo(8_010.6667, 4);
    // all on demand: 8,000 + 2,000 + 180 = 10,180; spot saves 4 × 2,000 × 0.5 × 0.7 = 2,800
    expect(e.cloudOnDemand.monthly).toBeCloseTo(10_180, 9);
    expect(e.spotSavings).toBeCloseTo(2_800, 9);
    expect(e.accelerators).toEqual({ 'on-premises': 6, hybrid: 2 });
    expect(e.breakevenUtilization).toBeCloseTo(0.618728, 6);
    // production ×10: T = 20,000, I = 5,000, G = 20,000 GB
    // cloud = 10 × 7,380 = 73,800; on-premises: n = ceil(25,000 / 438) = ceil(57.08) = 58 → 58 × 833.33 × 1.6 = 77,333.33
    // hybrid: n = ceil(5,000 / 438) = ceil(11.42) = 12 → 12 × 833.33 × 1.6 = 16,000; + 52,000 training + 1,440 egress = 69,440
    expect(e.scale.production.volumeFactor).toBe(10);
    expect(e.scale.production.monthly.cloud).toBeCloseTo(73_800, 8);
    expect(e.scale.production.monthly['on-premises']).toBeCloseTo(77_333.3333, 4);
    expect(e.scale.production.monthly.hybrid).toBeCloseTo(69_440, 8);
    expect(e.scale.production.accelerators).toEqual({ 'on-premises': 58, hybrid: 12 });
    expect(e.scale.production.cloudOnDemand).toBeCloseTo(101_800, 8);
    expect(e.budget.status).toBe('none');
    expect(e.unknownInputs).toEqual([]);
    expect(e.assumptions).toEqual(DEFAULT_COST_ASSUMPTIONS);
  });

  it('case B with its own assumptions and a budget of 12,000', () => {
    const e = estimateCost(CASE_B_INPUTS, CASE_B_ASSUMPTIONS);
    expect(e.monthly).toEqual({ cloud: expect.closeTo(3_347, 9), 'on-premises': expect.closeTo(4_500, 9), hybrid: expect.closeTo(2_855.3333, 4) });
    expect(e.breakdown['on-premises']).toEqual({ training: expect.closeTo(2_000, 9), inference: expect.closeTo(1_000, 9), egress: 0, overhead: 1_500 });
    // on demand: 3,650 + 1,825 + 500 = 5,975
    expect(e.cloudOnDemand.monthly).toBeCloseTo(5_975, 9);
    expect(e.breakevenUtilization).toBeCloseTo(2_250 / 3_347, 12);
    // pilot: the cheapest, hybrid, is 2,855.33 / 12,000 = 24% → ok; every option is under 80%
    expect(e.budget).toEqual({
      monthlyBudget: 12_000,
      status: 'ok',
      cheapestOption: 'hybrid',
      byOption: {
        cloud: { status: 'ok', shareOfBudget: expect.closeTo(3_347 / 12_000, 12) },
        'on-premises': { status: 'ok', shareOfBudget: 0.375 },
        hybrid: { status: 'ok', shareOfBudget: expect.closeTo(2_855.3333 / 12_000, 6) },
      },
    });
    expect(e.scale.pilot.budget).toEqual(e.budget);
    // production ×4: cloud 13,388 (over); on-premises n = 8,760 / 365 = 24 → 24 × 500 × 1.5 = 18,000 (over);
    // hybrid n = 2,920 / 365 = 8 → 6,000 + 4,088 training + 2,000 × 2/3 egress = 11,421.33 → 95% → warning
    expect(e.scale.production.monthly).toEqual({
      cloud: expect.closeTo(13_388, 8),
      'on-premises': expect.closeTo(18_000, 8),
      hybrid: expect.closeTo(11_421.3333, 4),
    });
    expect(e.scale.production.budget.status).toBe('warning');
    expect(e.scale.production.budget.byOption.cloud.status).toBe('over');
    expect(e.scale.production.budget.byOption['on-premises'].status).toBe('over');
  });

  it('reports unknown answers, and with none prices nothing', () => {
    const e = estimateCost({});
    expect(e.unknownInputs).toHaveLength(5);
    expect(e.monthly).toEqual({ cloud: 0, 'on-premises': 0, hybrid: 0 });
    expect(e.notes).toHaveLength(5);
    expect(e.breakevenUtilization).toBeCloseTo(0.456621, 6);
  });

  it('is deterministic: the same input gives a deep-equal output, and the input is not changed (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const inputsCopy = structuredClone(inputs);
        const aCopy = structuredClone(a);
        expect(estimateCost(inputs, a)).toEqual(estimateCost(inputsCopy, aCopy));
        expect(inputs).toEqual(inputsCopy);
        expect(a).toEqual(aCopy);
      }),
    );
  });

  it('has breakdowns that add up to the monthly totals, all non-negative (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const e = estimateCost(inputs, a);
        for (const option of DEPLOYMENT_OPTIONS) {
          expect(breakdownTotal(e.breakdown[option])).toBe(e.monthly[option]);
          for (const part of Object.values(e.breakdown[option])) expect(part).toBeGreaterThanOrEqual(0);
        }
        expect(e.cloudOnDemand.monthly).toBeGreaterThanOrEqual(e.monthly.cloud);
      }),
    );
  });

  it('spot lowers the training cost by exactly the discount on the interruptible share (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const e = estimateCost(inputs, a);
        const { trainingHours: T, interruptibleShare: s } = e.workload;
        const interruptibleOnDemand = a.cloudHourlyPrice * T * s;
        // on-demand training − spot training = d × (on-demand cost of the interruptible share), to within
        // floating-point noise on the scale of the whole bill (a tiny training share beside a large one).
        const noise = 1e-9 * Math.max(1, e.cloudOnDemand.monthly);
        expect(Math.abs(e.cloudOnDemand.breakdown.training - e.breakdown.cloud.training - a.spotDiscount * interruptibleOnDemand)).toBeLessThanOrEqual(noise);
        expect(Math.abs(e.spotSavings - a.spotDiscount * interruptibleOnDemand)).toBeLessThanOrEqual(noise);
        // the rest of the bill does not move
        expect(e.breakdown.cloud.inference).toBe(e.cloudOnDemand.breakdown.inference);
        expect(e.breakdown.cloud.egress).toBe(e.cloudOnDemand.breakdown.egress);
        // hybrid rents its training the same way
        expect(e.breakdown.hybrid.training).toBe(e.breakdown.cloud.training);
      }),
    );
  });

  it('rents linearly with volume: cloud at k × the volume costs k × as much (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, fc.double({ min: 0.01, max: 1_000, noNaN: true }), (inputs, a, k) => {
        const scaled: CostInputs = {
          ...inputs,
          monthlyTrainingGpuHours: inputs.monthlyTrainingGpuHours! * k,
          monthlyInferenceRequests: inputs.monthlyInferenceRequests! * k,
          egressTbPerMonth: inputs.egressTbPerMonth! * k,
        };
        const base = estimateCost(inputs, a);
        const big = estimateCost(scaled, a);
        expectClose(big.monthly.cloud, k * base.monthly.cloud);
        expectClose(big.cloudOnDemand.monthly, k * base.cloudOnDemand.monthly);
        for (const part of ['training', 'inference', 'egress'] as const) expectClose(big.breakdown.cloud[part], k * base.breakdown.cloud[part]);
        // and the production level is the pilot times the scale factor
        expectClose(base.scale.production.monthly.cloud, a.pilotToProductionScale * base.monthly.cloud);
      }),
    );
  });

  it('owns linearly with volume up to whole accelerators (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, fc.integer({ min: 1, max: 50 }), (inputs, a, k) => {
        const w = resolveWorkload(inputs, a).workload;
        const base = priceWorkload(w, a);
        const big = priceWorkload({ ...w, trainingHours: w.trainingHours * k, inferenceHours: w.inferenceHours * k, egressGb: w.egressGb * k }, a);
        const hours = w.trainingHours + w.inferenceHours;
        // k × the load never needs more than k × the fleet, and never less than the fractional fleet
        expect(big.accelerators['on-premises']).toBeLessThanOrEqual(k * base.accelerators['on-premises']);
        expect(big.monthly['on-premises']).toBeLessThanOrEqual(k * base.monthly['on-premises'] * (1 + 1e-12));
        expect(big.monthly['on-premises']).toBeGreaterThanOrEqual(((k * hours * ownedCostPerBusyHour(a)) / w.utilization) * (1 - 1e-9));
      }),
    );
  });

  it('owns exactly linearly when the load fills whole accelerators', () => {
    // u = 1, T = 730 × 3, I = 730 × 2 → 5 accelerators; ×7 → 35 accelerators, exactly 7 × the cost
    const inputs: CostInputs = { monthlyTrainingGpuHours: 2_190, monthlyInferenceRequests: 1_460 * 10_000, sustainedGpuUtilization: 1 };
    const base = estimateCost(inputs, { ...DEFAULT_COST_ASSUMPTIONS, pilotToProductionScale: 7 });
    expect(base.accelerators['on-premises']).toBe(5);
    expect(base.scale.production.accelerators['on-premises']).toBe(35);
    expectClose(base.scale.production.monthly['on-premises'], 7 * base.monthly['on-premises']);
    expect(fleetSize(7 * 3_650, 1)).toBe(35);
  });

  it('makes owning relatively cheaper as utilization rises: the cloud / on-premises ratio never falls (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (inputs, a, u1, u2) => {
        const [low, high] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const w = resolveWorkload(inputs, a).workload;
        const atLow = priceWorkload({ ...w, utilization: low }, a).monthly;
        const atHigh = priceWorkload({ ...w, utilization: high }, a).monthly;
        expect(atHigh.cloud / atHigh['on-premises']).toBeGreaterThanOrEqual((atLow.cloud / atLow['on-premises']) * (1 - 1e-12));
      }),
    );
  });
});
