// Invariants of the engine, checked over random workshops with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMonotonicExpectations, defaultPack, evaluate, type DecisionEvaluation, type Evaluation, type FlipPoint } from '../../../../shared/engine';
import { resolveWeights } from '../../../../shared/engine/answers';
import { checkExpectationAt } from '../../../../shared/engine/monotonic-expectations';
import { factorCandidates } from '../../../../shared/engine/factor-candidates';
import { answersArb, roadmapArb, weightsArb } from './arbitraries';
import { flipCrossings } from './flip-crossings';

const pack = defaultPack();
const fast = { robustness: { samples: 200 } };

/** Whether the decision's top two options are tied up to floating-point dust (then any order is right). */
function tied(d: DecisionEvaluation): boolean {
  const live = d.ranking.filter((r) => !r.excluded);
  return live.length > 1 && Math.abs(live[0]!.score - live[1]!.score) < 1e-9;
}

/** Where a decision sits in an evaluation: an organisation decision, or one use case's own. */
interface At {
  useCase: string | null;
  decision: string;
}

/** Every decision of an evaluation, the organisation's and each use case's, with where it sits. */
function everyDecision(evaluation: Evaluation): Array<{ at: At; d: DecisionEvaluation }> {
  return [
    ...evaluation.decisions.map((d) => ({ at: { useCase: null, decision: d.id }, d })),
    ...evaluation.useCases.flatMap((u) => u.decisions.map((d) => ({ at: { useCase: u.id, decision: d.id }, d }))),
  ];
}

function decisionAt(evaluation: Evaluation, at: At): DecisionEvaluation {
  const list = at.useCase === null ? evaluation.decisions : evaluation.useCases.find((u) => u.id === at.useCase)!.decisions;
  return list.find((x) => x.id === at.decision)!;
}

/** Each flip point of every decision whose top two options are not tied, with where the decision sits. */
function untiedFlipPoints(evaluation: Evaluation): Array<{ at: At; flip: FlipPoint }> {
  return everyDecision(evaluation).flatMap(({ at, d }) => (tied(d) ? [] : d.flipPoints.map((flip) => ({ at, flip }))));
}

/** A decision's own top option, whether or not another decision's recommendation makes it not applicable. */
function topOf(evaluation: Evaluation, at: At): string | null {
  return decisionAt(evaluation, at).ranking.find((r) => !r.excluded)?.option ?? null;
}

describe('engine invariants', () => {
  it('is deterministic: the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), (roadmap, weights) => {
        const a = JSON.stringify(evaluate(pack, roadmap, weights, fast));
        const b = JSON.stringify(evaluate(pack, { ...roadmap }, { ...weights }, fast));
        expect(a).toBe(b);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every score, criterion score and robustness within 0..1', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), (roadmap, weights) => {
        for (const { d } of everyDecision(evaluate(pack, roadmap, weights, fast))) {
          if (d.robustness !== null) expect(d.robustness).toBeGreaterThanOrEqual(0);
          if (d.robustness !== null) expect(d.robustness).toBeLessThanOrEqual(1);
          for (const r of d.ranking) {
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(1);
            for (const c of r.criteria) {
              expect(c.score).toBeGreaterThanOrEqual(0);
              expect(c.score).toBeLessThanOrEqual(1);
            }
            // The breakdown explains the score exactly.
            expect(r.criteria.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(r.score, 12);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('changes no ranking when every weight is multiplied by the same constant', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), fc.constantFrom(0.5, 2, 3, 10), (roadmap, weights, k) => {
        const scaled = Object.fromEntries(Object.entries(weights).map(([c, w]) => [c, w * k]));
        const a = evaluate(pack, roadmap, weights, { sensitivity: false });
        const b = evaluate(pack, roadmap, scaled, { sensitivity: false });
        // Powers of two scale exactly; other factors can round a tie differently, so compare with a tolerance.
        const others = everyDecision(b);
        everyDecision(a).forEach(({ d }, i) => {
          const other = others[i]!.d;
          expect(other.recommended === d.recommended || Math.abs(d.margin ?? 1) < 1e-12).toBe(true);
          d.ranking.forEach((r) => expect(other.ranking.find((o) => o.option === r.option)!.score).toBeCloseTo(r.score, 12));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('never ranks an excluded option first, nor recommends one', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), (roadmap, weights) => {
        for (const { d } of everyDecision(evaluate(pack, roadmap, weights, { sensitivity: false }))) {
          const excluded = new Set(d.excluded.map((x) => x.option));
          if (d.recommended) expect(excluded.has(d.recommended)).toBe(false);
          const first = d.ranking[0]!;
          if (!first.excluded) expect(excluded.has(first.option)).toBe(false);
          // Excluded options sit after every other option.
          const firstExcluded = d.ranking.findIndex((r) => r.excluded);
          if (firstExcluded >= 0) expect(d.ranking.slice(firstExcluded).every((r) => r.excluded)).toBe(true);
          expect(d.ranking.filter((r) => r.excluded).map((r) => r.option).sort()).toEqual([...excluded].sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it("holds the pack's declared monotonic expectations over random answers", () => {
    const expectations = pack.pack.expectations!.monotonic;
    expect(expectations.length).toBeGreaterThan(10);
    const candidates = factorCandidates(pack);
    fc.assert(
      fc.property(
        answersArb(pack),
        weightsArb(pack),
        fc.constantFrom(...expectations),
        fc.nat(),
        fc.nat(),
        (answers, weights, x, i, j) => {
          const values = candidates[pack.factorIndex.get(x.raising)!]!;
          const a = i % values.length;
          const b = j % values.length;
          fc.pre(a !== b);
          const [lower, higher] = a < b ? [values[a]!, values[b]!] : [values[b]!, values[a]!];
          expect(checkExpectationAt(pack, x, answers, resolveWeights(pack, weights), lower, higher)).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds no counter-example to the expectations with the seeded search either', () => {
    expect(checkMonotonicExpectations(pack, { samples: 1000, seed: 42 })).toEqual([]);
  });

  it('reproduces every flip point: just past it, the top option is the one named', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), (roadmap, weights) => {
        const evaluation = evaluate(pack, roadmap, weights, { robustness: { samples: 1 } });
        for (const { at, flip } of untiedFlipPoints(evaluation)) {
          for (const { criterion, to, past, before } of flipCrossings(flip)) {
            const moved = evaluate(pack, roadmap, { ...weights, [criterion]: past }, { sensitivity: false });
            expect(topOf(moved, at)).toBe(to);
            // And just before it, the recommendation has not changed yet.
            if (before === null) continue;
            const still = evaluate(pack, roadmap, { ...weights, [criterion]: before }, { sensitivity: false });
            expect(topOf(still, at)).toBe(topOf(evaluation, at));
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('finds no flip point where sweeping the weight shows none', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), (roadmap, weights) => {
        const evaluation = evaluate(pack, roadmap, weights, { robustness: { samples: 1 } });
        for (const { at, flip } of untiedFlipPoints(evaluation)) {
          // Sample weights between the current value and 0 and 10; the top may change only past a flip point.
          for (const w of [0.01, 0.5, 1, 2, 3, 4, 5, 7.5, 10]) {
            const up = w > flip.weight;
            const limit = up ? flip.raise?.atWeight ?? Infinity : flip.lower?.atWeight ?? -Infinity;
            const inside = up ? w < limit - 1e-9 : w > limit + 1e-9;
            if (!inside || w === flip.weight) continue;
            const moved = evaluate(pack, roadmap, { ...weights, [flip.criterion]: w }, { sensitivity: false });
            if (tied(decisionAt(moved, at))) continue;
            // Flip points name the option that takes the top. Where a weight moves a use case's sourcing so that
            // one of its parts has no option left (a sovereign use case with no data centre and no operations
            // team can be trained nowhere), a derived decision has no recommendation there: not a flip to an
            // option, and not reported as one (a known gap, in the note).
            if (topOf(moved, at) === null) continue;
            expect(topOf(moved, at)).toBe(topOf(evaluation, at));
          }
        }
      }),
      // Each run evaluates the roadmap again at up to nine weights per flip point of every decision.
      { numRuns: 40 },
    );
  }, 60_000);
});
