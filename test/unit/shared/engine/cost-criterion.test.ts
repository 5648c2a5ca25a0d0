// The cost model feeding the engine's cost criterion: direction, rationale, determinism, linearity in the weights.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_ASSUMPTIONS, estimateCost, formatUsd, type CostAssumptions } from '../../../../shared/cost';
import {
  COST_MODEL_RULE,
  costAdjustment,
  costInputsFromAnswers,
  defaultPack,
  evaluate,
  factorInfluence,
  missingCostVolumes,
  sensitivitySweep,
  stakeholderRankings,
  type Answers,
  type DecisionEvaluation,
  type Evaluation,
} from '../../../../shared/engine';
import { answersArb, weightsArb } from './arbitraries';

const pack = defaultPack();
const fast = { robustness: { samples: 200 } };

// A steady, well-used fleet: owning is cheaper at the default prices.
const busy: Answers = {
  sustainedGpuUtilization: 0.8,
  monthlyTrainingGpuHours: 4000,
  monthlyInferenceRequests: 20_000_000,
  interruptionTolerance: 'none',
  egressTbPerMonth: 10,
};
// A lightly used fleet: renting is cheaper.
const idle: Answers = { ...busy, sustainedGpuUtilization: 0.15 };

const withPrice = (cloudHourlyPrice: number): CostAssumptions => ({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice });

function deployment(e: Evaluation): DecisionEvaluation {
  return e.decisions.find((d) => d.id === 'deployment')!;
}

function costScore(e: Evaluation, option: string): number {
  return deployment(e).ranking.find((r) => r.option === option)!.criteria.find((c) => c.criterion === 'cost')!.score;
}

function costReason(e: Evaluation, option: string) {
  return deployment(e).ranking.find((r) => r.option === option)!.reasons.find((r) => r.rule === COST_MODEL_RULE);
}

/**
 * Whether two live options are tied up to floating-point dust. Then the option a flip point names and the one
 * the ranking puts first may differ by pack order against rounding (a pre-existing engine edge, cost model or not).
 */
function tied(d: DecisionEvaluation): boolean {
  const live = d.ranking.filter((r) => !r.excluded);
  return live.some((a, i) => live.some((b, j) => j > i && Math.abs(a.score - b.score) < 1e-9));
}

function topOf(evaluation: Evaluation, decision: string): string | null {
  return evaluation.decisions.find((x) => x.id === decision)!.ranking.find((r) => !r.excluded)?.option ?? null;
}

describe('the cost model in the cost criterion', () => {
  it('changes nothing without assumptions, and nothing until both volumes are answered', () => {
    const without = evaluate(pack, busy, undefined, fast);
    expect(without.firedRules).not.toContain(COST_MODEL_RULE);
    expect(deployment(without).ranking.every((r) => r.reasons.every((x) => x.rule !== COST_MODEL_RULE))).toBe(true);

    const noInference = { ...busy, monthlyInferenceRequests: null };
    expect(missingCostVolumes(noInference)).toEqual(['monthlyInferenceRequests']);
    expect(missingCostVolumes({})).toEqual(['monthlyTrainingGpuHours', 'monthlyInferenceRequests']);
    expect(missingCostVolumes(busy)).toEqual([]);
    expect(JSON.stringify(evaluate(pack, noInference, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS }))).toBe(
      JSON.stringify(evaluate(pack, noInference, undefined, fast)),
    );
    // Volumes of zero cost nothing under every option: no signal, no adjustment.
    expect(costAdjustment(pack, { monthlyTrainingGpuHours: 0, monthlyInferenceRequests: 0 }, DEFAULT_COST_ASSUMPTIONS)).toBeNull();
  });

  it('cites the cost model as a fired rule on every deployment option, and nowhere else', () => {
    const e = evaluate(pack, busy, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    expect(e.firedRules[e.firedRules.length - 1]).toBe(COST_MODEL_RULE);
    for (const option of ['cloud', 'on-premises', 'hybrid']) {
      expect(costReason(e, option)).toMatchObject({ rule: 'cost-model', consideration: 'cost-at-scale', criterion: 'cost' });
    }
    for (const d of e.decisions.filter((x) => x.id !== 'deployment')) {
      for (const r of d.ranking) expect(r.reasons.some((x) => x.rule === COST_MODEL_RULE)).toBe(false);
    }
  });

  it('raises the cheapest option’s cost score and lowers the dearest, by SPAN × (relative cost − mean)', () => {
    const estimate = estimateCost(costInputsFromAnswers(busy), DEFAULT_COST_ASSUMPTIONS);
    const monthly = estimate.scale.production.monthly;
    expect(monthly['on-premises']).toBeLessThan(monthly.cloud);
    const plain = evaluate(pack, busy, undefined, fast);
    const costed = evaluate(pack, busy, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    expect(costScore(costed, 'on-premises')).toBeGreaterThan(costScore(plain, 'on-premises'));
    expect(costScore(costed, 'cloud')).toBeLessThan(costScore(plain, 'cloud'));

    // Hand-computed: relative cost = cheapest / own, centred on the mean, times 0.3, rounded to 3 decimals.
    const cheapest = Math.min(monthly.cloud, monthly['on-premises'], monthly.hybrid);
    const relative = { cloud: cheapest / monthly.cloud, 'on-premises': cheapest / monthly['on-premises'], hybrid: cheapest / monthly.hybrid };
    const mean = (relative.cloud + relative['on-premises'] + relative.hybrid) / 3;
    for (const option of ['cloud', 'on-premises', 'hybrid'] as const) {
      expect(costReason(costed, option)!.by).toBeCloseTo(0.3 * (relative[option] - mean), 3);
    }
    const total = ['cloud', 'on-premises', 'hybrid'].reduce((sum, o) => sum + costReason(costed, o)!.by, 0);
    expect(Math.abs(total)).toBeLessThanOrEqual(0.002);

    // At low utilization the cloud is cheapest and gains instead.
    const idleCosted = evaluate(pack, idle, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    expect(costReason(idleCosted, 'cloud')!.by).toBeGreaterThan(0);
    expect(costReason(idleCosted, 'on-premises')!.by).toBeLessThan(0);
  });

  it('moves scores in the right direction as the cloud price rises, and can change the recommendation', () => {
    const cheapCloud = evaluate(pack, busy, undefined, { ...fast, costAssumptions: withPrice(1) });
    const dearCloud = evaluate(pack, busy, undefined, { ...fast, costAssumptions: withPrice(12) });
    expect(costScore(dearCloud, 'cloud')).toBeLessThan(costScore(cheapCloud, 'cloud'));
    expect(costScore(dearCloud, 'on-premises')).toBeGreaterThan(costScore(cheapCloud, 'on-premises'));

    // A busy fleet but some data centre and middling operations: cheap cloud keeps the cloud on top, dear cloud loses it.
    const answers: Answers = { ...busy, sustainedGpuUtilization: 0.85, workloadPattern: 'steady', existingOnPremCapacity: 'some', opsExpertise: 'medium' };
    const weights = { cost: 5, control: 1, compliance: 1, agility: 3, performance: 1, operability: 3, flexibility: 1 };
    const low = evaluate(pack, answers, weights, { ...fast, costAssumptions: withPrice(1) });
    const high = evaluate(pack, answers, weights, { ...fast, costAssumptions: withPrice(30) });
    expect(deployment(low).recommended).toBe('cloud');
    expect(deployment(high).recommended).not.toBe('cloud');
  });

  it('names the numbers in the rationale', () => {
    const e = evaluate(pack, busy, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    const monthly = estimateCost(costInputsFromAnswers(busy), DEFAULT_COST_ASSUMPTIONS).scale.production.monthly;
    const reason = costReason(e, 'on-premises')!;
    expect(reason.rationale).toContain('At production volume (10× the pilot)');
    for (const option of ['cloud', 'on-premises', 'hybrid'] as const) expect(reason.rationale).toContain(formatUsd(monthly[option]));
    expect(reason.rationale).toMatch(/relative cost 1\.00 against the options' mean 0\.\d\d, so the cost score moves \+0\.\d{3}/);
    expect(costReason(e, 'cloud')!.rationale).toMatch(/cloud costs [\d,]+ USD a month, \d+\.\d\d× the cheapest/);
    expect(costReason(e, 'cloud')!.rationale).toMatch(/cost score moves −0\.\d{3}/);
  });

  it('is deterministic and independent of the weights (so scores stay linear in them)', () => {
    fc.assert(
      fc.property(answersArb(pack), weightsArb(pack), weightsArb(pack), (answers, a, b) => {
        const options = { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS };
        const first = JSON.stringify(evaluate(pack, answers, a, options));
        expect(JSON.stringify(evaluate(pack, { ...answers }, { ...a }, { ...options }))).toBe(first);
        const adjustments = (e: Evaluation) => deployment(e).ranking.map((r) => [r.option, r.reasons.find((x) => x.rule === COST_MODEL_RULE)?.by ?? null]).sort();
        const scores = (e: Evaluation) =>
          Object.fromEntries(deployment(e).ranking.map((r) => [r.option, r.criteria.map((c) => c.score)]));
        expect(adjustments(evaluate(pack, answers, b, options))).toEqual(adjustments(evaluate(pack, answers, a, options)));
        expect(scores(evaluate(pack, answers, b, options))).toEqual(scores(evaluate(pack, answers, a, options)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every flip point exact: just past it, the top option is the one named', () => {
    const costAssumptions = withPrice(6);
    fc.assert(
      fc.property(answersArb(pack), weightsArb(pack), (answers, weights) => {
        const evaluation = evaluate(pack, answers, weights, { robustness: { samples: 1 }, costAssumptions });
        for (const d of evaluation.decisions) {
          if (tied(d)) continue;
          for (const flip of d.flipPoints) {
            for (const [target, direction] of [
              [flip.raise, 1],
              [flip.lower, -1],
            ] as const) {
              if (!target) continue;
              const step = Math.max(1e-10, Math.abs(target.atWeight) * 1e-9);
              const past = target.atWeight + direction * step;
              if (past < 0) continue;
              const moved = evaluate(pack, answers, { ...weights, [flip.criterion]: past }, { sensitivity: false, costAssumptions });
              expect(topOf(moved, d.id)).toBe(target.to);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('scores the same in the sensitivity sweep, the stakeholder rankings and the factor influence', () => {
    const costAssumptions = withPrice(9);
    const weights = { cost: 4, agility: 2 };
    const e = evaluate(pack, busy, weights, { ...fast, costAssumptions });
    const sweep = sensitivitySweep(pack, busy, weights, 'deployment', 'cost', { steps: 6, max: 5, costAssumptions });
    // The sweep passes through weight 4 (0, 1, …, 5): there the scores are the evaluation's.
    for (const series of sweep.options) {
      expect(series.scores[4]).toBeCloseTo(deployment(e).ranking.find((r) => r.option === series.option)!.score, 12);
    }
    const people = stakeholderRankings(pack, busy, [{ name: 'A', weights: {} }], weights, { costAssumptions });
    expect(people.group.find((g) => g.decision === 'deployment')!.ranking).toEqual(deployment(e).ranking.map((r) => r.option));

    // Settling utilization re-prices the fleet: with the cost model, it counts for more.
    const open: Answers = { ...busy, sustainedGpuUtilization: null };
    const influence = factorInfluence(pack, open, weights, { costAssumptions });
    const plain = factorInfluence(pack, open, weights);
    const shift = (list: typeof plain) => list.find((f) => f.factor === 'sustainedGpuUtilization')!.maxScoreShift;
    expect(shift(influence)).toBeGreaterThanOrEqual(shift(plain));
  });
});
