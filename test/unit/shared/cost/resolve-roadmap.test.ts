import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERRUPTIBLE_SHARE, TASKS, TASK_THROUGHPUT, resolveRoadmap, type UseCaseCostInput } from '../../../../shared/cost';
import { assumptionsArb, organisationArb } from './arbitraries';
import { CONTRACTS, DEFAULTS, INSPECTION, SUPPORT, WORKED_ORGANISATION } from './fixtures';

/**
 * A use case resolved from no usable answer: no task (priced at 10,000 requests an accelerator-hour, the most
 * demanding task's throughput), no volume, no training, nothing interruptible, its own platform.
 */
const NOTHING_USABLE = {
  task: null,
  throughput: 10_000,
  requests: { pilot: 0, production: 0 },
  trainingHours: 0,
  interruptibleShare: 0,
  sourcing: 'custom-platform',
};

describe('resolveRoadmap', () => {
  it('reads the worked example into volumes, throughput, shares and GB, with nothing to say', () => {
    expect(resolveRoadmap(WORKED_ORGANISATION, [SUPPORT, INSPECTION, CONTRACTS], DEFAULTS)).toEqual({
      utilization: 0.5,
      utilizationKnown: true,
      spareAccelerators: 2,
      // 10 TB × 1,000
      egressGb: 10_000,
      // 'some' capacity already runs: half the fixed cost of an owned estate is new
      newFixedCostShare: 0.5,
      useCases: [
        {
          id: 'support',
          name: 'Support assistant',
          task: 'language-generation',
          throughput: 10_000,
          requests: { pilot: 200_000, production: 2_000_000 },
          trainingHours: 0,
          interruptibleShare: 0,
          sourcing: 'foundation-model-apis',
        },
        {
          id: 'inspection',
          name: 'Visual inspection',
          task: 'vision',
          throughput: 1_000_000,
          requests: { pilot: 73_000_000, production: 365_000_000 },
          trainingHours: 730,
          interruptibleShare: 0.9,
          sourcing: 'custom-platform',
        },
        {
          id: 'contracts',
          name: 'Contract review',
          task: 'language-generation',
          throughput: 10_000,
          requests: { pilot: 365_000, production: 3_650_000 },
          trainingHours: 365,
          interruptibleShare: 0.5,
          sourcing: 'managed-ml-platform',
        },
      ],
      // the assistant's training hours are not given (null): it trains nothing
      notes: ['Support assistant: training hours are not given; priced as no training.'],
    });
  });

  it('gives each task the throughput of its own assumption', () => {
    for (const task of TASKS) {
      const r = resolveRoadmap({}, [{ id: 'x', name: 'X', task }], { ...DEFAULTS, [TASK_THROUGHPUT[task]]: 1_234 });
      expect(r.useCases[0]!.throughput, task).toBe(1_234);
    }
    // defaults: a vision model serves 100 × what a language model does
    const throughput = (task: string) => resolveRoadmap({}, [{ id: 'x', name: 'X', task }], DEFAULTS).useCases[0]!.throughput;
    expect(Object.fromEntries(TASKS.map((task) => [task, throughput(task)]))).toEqual({
      'language-generation': 10_000,
      vision: 1_000_000,
      speech: 20_000,
      'tabular-prediction': 20_000_000,
      recommendation: 5_000_000,
      'industry-task': 1_000_000,
    });
  });

  it('maps interruption tolerance to the documented interruptible share', () => {
    expect(INTERRUPTIBLE_SHARE).toEqual({ none: 0, some: 0.5, high: 0.9 });
    for (const tolerance of ['none', 'some', 'high'] as const) {
      expect(resolveRoadmap({}, [{ id: 'x', name: 'X', interruptionTolerance: tolerance }], DEFAULTS).useCases[0]!.interruptibleShare).toBe(INTERRUPTIBLE_SHARE[tolerance]);
    }
  });

  it('takes what nobody answered conservatively, and says so for each', () => {
    const r = resolveRoadmap({}, [{ id: 'x', name: '  ' }], DEFAULTS);
    expect(r).toEqual({
      utilization: 0.5,
      utilizationKnown: false,
      spareAccelerators: 0,
      egressGb: 0,
      newFixedCostShare: 1,
      useCases: [
        { id: 'x', name: 'A use case', ...NOTHING_USABLE },
      ],
      notes: [
        'Sustained utilization is not known: owned accelerators are sized at 50%.',
        'A use case: what it must do is not known, so it is priced at 10,000 requests per accelerator-hour, the throughput assumed for a task not known.',
        'A use case: no request volume is given, so it serves nothing in this estimate.',
        'A use case: training hours are not given; priced as no training.',
        'Existing data-centre capacity is not known: an owned estate carries all of its fixed cost.',
      ],
    });
  });

  it('prices production at today’s volume when only today’s is given, and the pilot at 0 when only production’s is', () => {
    const r = resolveRoadmap(
      { existingOnPremCapacity: 'none' },
      [
        { id: 'a', name: 'Now only', task: 'vision', requestsNow: 5_000, trainingGpuHours: 0 },
        { id: 'b', name: 'Later only', task: 'vision', requestsInProduction: 9_000, trainingGpuHours: 0 },
      ],
      DEFAULTS,
    );
    expect(r.useCases.map((u) => u.requests)).toEqual([
      { pilot: 5_000, production: 5_000 },
      { pilot: 0, production: 9_000 },
    ]);
    expect(r.notes).toEqual([
      'Sustained utilization is not known: owned accelerators are sized at 50%.',
      "Now only: the production volume is not given; production is priced at today's 5,000 requests a month.",
      "Later only: today's volume is not given; the pilot is priced at 0 requests.",
    ]);
  });

  it('treats unusable answers as not given', () => {
    const bad = {
      id: 'x',
      name: 'Bad',
      task: 'poetry',
      requestsNow: -5,
      requestsInProduction: Number.NaN,
      trainingGpuHours: Number.POSITIVE_INFINITY,
      interruptionTolerance: 'lots',
      sourcing: 'a friend',
    } satisfies UseCaseCostInput;
    const r = resolveRoadmap({ sustainedGpuUtilization: 1.5, spareAccelerators: -3, egressTbPerMonth: Number.NaN, existingOnPremCapacity: 'plenty' }, [bad], DEFAULTS);
    expect(r.utilization).toBe(0.5);
    expect(r.utilizationKnown).toBe(false);
    expect(r.spareAccelerators).toBe(0);
    expect(r.egressGb).toBe(0);
    expect(r.newFixedCostShare).toBe(1);
    expect(r.useCases[0]).toEqual({ id: 'x', name: 'Bad', ...NOTHING_USABLE });
  });

  it('sizes a stated 0% utilization at 1% rather than an endless fleet, and says so', () => {
    const r = resolveRoadmap({ sustainedGpuUtilization: 0, existingOnPremCapacity: 'none' }, [], DEFAULTS);
    expect(r.utilization).toBe(0.01);
    expect(r.utilizationKnown).toBe(true);
    expect(r.notes).toEqual(['A sustained utilization of 0% is sized at 1%: lower would mean an endless fleet.']);
  });

  it('counts whole spare accelerators and the share of the fixed cost that is new', () => {
    expect(resolveRoadmap({ spareAccelerators: 3.7 }, [], DEFAULTS).spareAccelerators).toBe(3);
    const share = (existingOnPremCapacity: string) => resolveRoadmap({ existingOnPremCapacity }, [], DEFAULTS).newFixedCostShare;
    expect([share('none'), share('some'), share('significant')]).toEqual([1, 0.5, 0.25]);
  });

  it('never throws and keeps every figure usable, whatever the answers (property)', () => {
    const anyAnswer = fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(undefined));
    const useCase = fc.record({
      id: fc.string(),
      name: fc.string(),
      task: anyAnswer,
      requestsNow: anyAnswer,
      requestsInProduction: anyAnswer,
      trainingGpuHours: anyAnswer,
      interruptionTolerance: anyAnswer,
      sourcing: anyAnswer,
    }) as fc.Arbitrary<UseCaseCostInput>;
    fc.assert(
      fc.property(fc.oneof(organisationArb, fc.record({ sustainedGpuUtilization: anyAnswer, spareAccelerators: anyAnswer })), fc.array(useCase, { maxLength: 4 }), assumptionsArb, (org, useCases, a) => {
        const r = resolveRoadmap(org as never, useCases, a);
        expect(r.utilization).toBeGreaterThanOrEqual(0.01);
        expect(r.utilization).toBeLessThanOrEqual(1);
        expect(Number.isInteger(r.spareAccelerators) && r.spareAccelerators >= 0).toBe(true);
        for (const u of r.useCases) {
          for (const v of [u.throughput, u.requests.pilot, u.requests.production, u.trainingHours]) expect(Number.isFinite(v) && v >= 0).toBe(true);
          expect(u.name.trim()).not.toBe('');
        }
      }),
    );
  });
});
