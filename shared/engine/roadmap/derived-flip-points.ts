import type { FlipPoint, FlipTarget } from '../evaluation';
import { WEIGHT_MAX } from '../pack-schema';
import { createRanking, rankRoadmap, type RoadmapRanking, type RoadmapRun } from './roadmap-run';

/** How far apart two weights must be to be two points, not one computed twice. */
function dust(x: number): number {
  return 1e-9 * (1 + Math.abs(x));
}

/**
 * Sorted points with those closer than floating-point dust merged (the first kept): three options crossing at one
 * weight give three crossings a hair apart, and the slivers between them are no stretch where anything leads.
 */
function merged(points: number[]): number[] {
  points.sort((p, q) => p - q);
  const out: number[] = [];
  for (const x of points) if (out.length === 0 || x - out[out.length - 1]! > dust(x)) out.push(x);
  return out;
}

/**
 * The weights where a use case's ranking can change as criterion `k`'s weight x moves (others fixed): every
 * crossing of two of its options' weighted sums, a + x·b, in (lo, hi). Between two such points every use case
 * ranks the same, so every part of every portfolio takes the same option.
 */
function useCaseBreakpoints(run: RoadmapRun, weights: Float64Array, k: number): number[] {
  const { pack } = run;
  const nC = weights.length;
  const points: number[] = [];
  for (const u of run.useCases) {
    const { scores, excluded } = u.state;
    for (const d of pack.useCaseDecisions) {
      const a = new Float64Array(d.optionCount);
      const b = new Float64Array(d.optionCount);
      for (let o = 0; o < d.optionCount; o++) {
        const base = (d.optionStart + o) * nC;
        let sum = 0;
        for (let c = 0; c < nC; c++) if (c !== k) sum += weights[c]! * scores[base + c]!;
        a[o] = sum;
        b[o] = scores[base + k]!;
      }
      for (let i = 0; i < d.optionCount; i++) {
        if (excluded[d.optionStart + i] === 1) continue;
        for (let j = i + 1; j < d.optionCount; j++) {
          if (excluded[d.optionStart + j] === 1) continue;
          const db = b[j]! - b[i]!;
          if (Math.abs(db) < 1e-12) continue;
          const x = (a[i]! - a[j]!) / db;
          if (x > 0 && Number.isFinite(x)) points.push(x);
        }
      }
    }
  }
  return merged(points);
}

/** The derived decision's options as lines a + x·b over an interval where every part's placement is fixed. */
function linesAt(run: RoadmapRun, ranking: RoadmapRanking, decision: number, weights: Float64Array, k: number): { a: Float64Array; b: Float64Array; excluded: Uint8Array } {
  const { pack } = run;
  const p = pack.portfolioOf[decision]!;
  const scores = ranking.portfolios[pack.portfolios.indexOf(p)]!;
  const nO = pack.decisions[decision]!.optionCount;
  const nC = weights.length;
  const a = new Float64Array(nO);
  const b = new Float64Array(nO);
  for (let o = 0; o < nO; o++) {
    let sum = 0;
    for (let c = 0; c < nC; c++) if (c !== k) sum += weights[c]! * scores.vectors[o * nC + c]!;
    a[o] = sum;
    b[o] = scores.vectors[o * nC + k]!;
  }
  return { a, b, excluded: scores.excluded.slice() };
}

/** The top line at x among options not excluded (ties: pack order), -1 when none. */
function topLine(a: Float64Array, b: Float64Array, excluded: Uint8Array, x: number): number {
  let best = -1;
  let bestSum = -Infinity;
  for (let o = 0; o < a.length; o++) {
    if (excluded[o] === 1) continue;
    const s = a[o]! + x * b[o]!;
    if (s > bestSum) {
      bestSum = s;
      best = o;
    }
  }
  return best;
}

/** Crossings of the lines inside (lo, hi) by more than dust, sorted, those a hair apart merged. */
function crossingsWithin(a: Float64Array, b: Float64Array, excluded: Uint8Array, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (excluded[i] === 1) continue;
    for (let j = i + 1; j < a.length; j++) {
      if (excluded[j] === 1) continue;
      const db = b[j]! - b[i]!;
      if (Math.abs(db) < 1e-12) continue;
      const x = (a[i]! - a[j]!) / db;
      if (x - lo > dust(x) && hi - x > dust(x)) out.push(x);
    }
  }
  return merged(out);
}

/**
 * Flip points of an organisation decision derived from the use cases, one per criterion. Its scores are the
 * portfolio's, which change shape wherever a use case's ranking changes; between those points every option's
 * score is a line in the weight, so the crossings are solved exactly on each stretch, walking outwards from the
 * current weight until the top option changes.
 */
export function derivedFlipPoints(run: RoadmapRun, decision: number, weights: Float64Array, top: number): FlipPoint[] {
  const { pack } = run;
  const d = pack.decisions[decision]!;
  const scratch = createRanking(run);
  const w = new Float64Array(weights);
  const option = (o: number): string => d.decision.options[o]!.id;
  const topOn = (k: number, lo: number, hi: number): Array<{ from: number; to: number; top: number }> => {
    // The stretch's lines, read where its parts are fixed: at its middle.
    const mid = hi === Infinity ? lo + 1 : (lo + hi) / 2;
    w[k] = mid;
    rankRoadmap(run, w, scratch);
    const { a, b, excluded } = linesAt(run, scratch, decision, w, k);
    const bounds = [lo, ...crossingsWithin(a, b, excluded, lo, hi), hi];
    const pieces: Array<{ from: number; to: number; top: number }> = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i]!;
      const to = bounds[i + 1]!;
      pieces.push({ from, to, top: topLine(a, b, excluded, to === Infinity ? from + 1 : (from + to) / 2) });
    }
    return pieces;
  };
  return pack.criteria.map((c, k) => {
    const x0 = weights[k]!;
    const points = useCaseBreakpoints(run, weights, k);
    let raise: FlipTarget | null = null;
    const up = [x0, ...points.filter((x) => x > x0), Infinity];
    for (let i = 0; i + 1 < up.length && !raise; i++) {
      for (const piece of topOn(k, up[i]!, up[i + 1]!)) {
        if (piece.top >= 0 && piece.top !== top) {
          raise = { atWeight: piece.from, to: option(piece.top), withinScale: piece.from <= WEIGHT_MAX };
          break;
        }
      }
    }
    let lower: FlipTarget | null = null;
    const down = [x0, ...points.filter((x) => x < x0).reverse(), 0];
    for (let i = 0; i + 1 < down.length && !lower && x0 > 0; i++) {
      const pieces = topOn(k, down[i + 1]!, down[i]!).reverse();
      for (const piece of pieces) {
        if (piece.top >= 0 && piece.top !== top) {
          if (piece.to > 0) lower = { atWeight: piece.to, to: option(piece.top), withinScale: true };
          break;
        }
      }
    }
    w[k] = x0;
    return { criterion: c.id, weight: x0, raise, lower };
  });
}
