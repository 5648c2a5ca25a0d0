import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_OPTIONS, costSignals, estimateCost } from '../../../../shared/cost';
import { assumptionsArb, inputsArb } from './arbitraries';
import { CASE_A_INPUTS, DEFAULTS } from './fixtures';

describe('costSignals', () => {
  it('scores production volume by default: cheapest / own, with the numbers in the rationale', () => {
    // production ×10: cloud 73,800; on-premises 77,333.33; hybrid 69,440 (see estimate-cost.test.ts)
    const signals = costSignals(estimateCost(CASE_A_INPUTS));
    expect(signals.map((s) => s.option)).toEqual(['cloud', 'on-premises', 'hybrid']);
    expect(signals[0]!.relativeCost).toBeCloseTo(69_440 / 73_800, 12); // 0.9409
    expect(signals[1]!.relativeCost).toBeCloseTo(69_440 / 77_333.3333, 6); // 0.8979
    expect(signals[2]!.relativeCost).toBe(1);
    expect(signals[0]!.rationale).toBe(
      'At production volume (10× the pilot) cloud costs 73,800 USD a month, 1.06× the cheapest (hybrid: 69,440 USD). ' +
        'Spot capacity for interruptible training saves 28,000 USD (all on demand: 101,800 USD). ' +
        'Renting is cheaper than owning below 62% sustained utilization; the fleet would run at the stated 60%.',
    );
    expect(signals[1]!.rationale).toBe(
      'At production volume (10× the pilot) on-premises costs 77,333 USD a month, 1.11× the cheapest (hybrid: 69,440 USD). ' +
        'It owns 58 accelerators at the stated 60% sustained utilization; owning beats renting above 62%.',
    );
    expect(signals[2]!.rationale).toBe(
      'At production volume (10× the pilot) hybrid is the cheapest option at 69,440 USD a month, against 73,800 USD for cloud and 77,333 USD for on-premises. ' +
        'It owns 12 accelerators for inference and rents training in the cloud, spot where tolerated.',
    );
  });

  it('can score the pilot volume instead', () => {
    // pilot: cloud 7,380 is the cheapest; on-premises 8,000 → 0.9225
    const signals = costSignals(estimateCost(CASE_A_INPUTS), { scale: 'pilot' });
    expect(signals[0]!.relativeCost).toBe(1);
    expect(signals[1]!.relativeCost).toBeCloseTo(7_380 / 8_000, 12);
    expect(signals[0]!.rationale).toMatch(/^At the pilot volume cloud is the cheapest option at 7,380 USD a month/);
  });

  it('says when owning never wins and when utilization was assumed', () => {
    const signals = costSignals(estimateCost({ monthlyTrainingGpuHours: 1_000 }, { ...DEFAULTS, cloudHourlyPrice: 1 }));
    expect(signals[1]!.rationale).toContain('at an assumed 50% sustained utilization; owning never beats renting within 0-100% utilization');
    expect(signals[0]!.rationale).toContain('Renting stays cheaper than owning at any utilization at these prices.');
  });

  it('scores everything 1 when nothing costs anything', () => {
    const signals = costSignals(estimateCost({}));
    expect(signals.map((s) => s.relativeCost)).toEqual([1, 1, 1]);
    expect(signals[0]!.rationale).toContain('no option costs anything');
  });

  it('keeps scores in 0..1 with exactly the cheapest at 1, and names its own figure (property)', () => {
    fc.assert(
      fc.property(inputsArb, assumptionsArb, (inputs, a) => {
        const estimate = estimateCost(inputs, a);
        const signals = costSignals(estimate);
        const cheapest = Math.min(...DEPLOYMENT_OPTIONS.map((o) => estimate.scale.production.monthly[o]));
        for (const s of signals) {
          expect(s.relativeCost).toBeGreaterThan(0);
          expect(s.relativeCost).toBeLessThanOrEqual(1);
          expect(s.relativeCost === 1).toBe(s.monthly === cheapest);
          expect(s.rationale).toContain(s.option);
          expect(s.rationale).toMatch(/\d USD a month/);
        }
      }),
    );
  });
});
