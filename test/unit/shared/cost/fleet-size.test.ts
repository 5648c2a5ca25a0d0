import { describe, expect, it } from 'vitest';
import { amortizedHardwarePerAccelerator, fleetSize, ownedCostPerBusyHour } from '../../../../shared/cost';
import { DEFAULTS } from './fixtures';

describe('fleetSize', () => {
  it('is ceil(hours / (730 × utilization))', () => {
    expect(fleetSize(2_500, 0.6)).toBe(6); // 2,500 / 438 = 5.71 → 6
    expect(fleetSize(2_190, 0.5)).toBe(6); // 2,190 / 365 = 6 exactly → 6, not 7
    expect(fleetSize(730, 1)).toBe(1);
    expect(fleetSize(731, 1)).toBe(2);
    expect(fleetSize(0.001, 1)).toBe(1); // any load needs a whole accelerator
    expect(fleetSize(0, 0.5)).toBe(0);
  });

  it('does not buy an extra accelerator for floating-point noise', () => {
    // 730 × 0.7 = 510.99999999999994 in floating point, so 1,022 / it = 2.0000000000000004.
    expect(fleetSize(1_022, 0.7)).toBe(2);
  });
});

describe('owned accelerator economics', () => {
  it('amortizes the purchase straight-line and adds the overhead per busy hour', () => {
    expect(amortizedHardwarePerAccelerator(DEFAULTS)).toBeCloseTo(833.3333, 4); // 30,000 / 36
    // k = 30,000 × 1.35 / (730 × 36) = 40,500 / 26,280 = 1.541096: what an hour of work costs on a fully busy accelerator
    expect(ownedCostPerBusyHour(DEFAULTS)).toBeCloseTo(40_500 / 26_280, 12);
    // 20,000 / 40 = 500 a month, × 1.5 with 50% overhead = 750 / 730 an hour
    expect(ownedCostPerBusyHour({ ...DEFAULTS, acceleratorPurchasePrice: 20_000, amortizationMonths: 40, onPremisesOverheadRatio: 0.5 })).toBeCloseTo(750 / 730, 12);
  });
});
