import { FALSE, TRUE, UNKNOWN, type Truth } from './compile-condition';
import type { CompiledPack } from './compiled-pack';
import { OP_EQ, OP_GT, OP_GTE, OP_IN, OP_LT, OP_LTE, OP_MASK, OP_NE } from './condition-program';
import { numberCell } from './value-index';

/** The working arrays of one evaluation; reused across calls so the hot path allocates nothing. */
export interface RuleState {
  /** Encoded answer per factor (NaN = unanswered). */
  values: Float64Array;
  /** Truth of each rule's condition (0 false, 1 true, 2 unknown). */
  status: Uint8Array;
  /** Sum of adjustments per (pack-wide option, criterion) cell. */
  adjust: Float64Array;
  /** Baseline + adjustments, clamped to 0..1, per cell. */
  scores: Float64Array;
  /** 1 when a fired rule excludes the pack-wide option. */
  excluded: Uint8Array;
  /** Weighted score 0..1 of each pack-wide option (after rankDecisions). */
  optionScores: Float64Array;
  /** Per decision, its options (indexes within the decision) best first, excluded last (after rankDecisions). */
  order: Int32Array;
  /** Recommended option (index within its decision) per decision: -1 for none or, after runDecisionRules, not applicable. */
  tops: Int32Array;
  /** 1 when a fired rule marks the decision not applicable. */
  notApplicable: Uint8Array;
  /** The room's own option (index within its decision) per decision, -1 where the room has not chosen (setRoomChoices). */
  chosen: Int32Array;
  /** What rules that read decisions see: the room's choice where there is one, else the recommendation. */
  ruleTops: Int32Array;
}

/** Allocates the working arrays for a pack. */
export function createRuleState(pack: CompiledPack): RuleState {
  const cells = pack.optionCount * pack.criteria.length;
  return {
    values: new Float64Array(pack.factors.length),
    status: new Uint8Array(pack.rules.length),
    adjust: new Float64Array(cells),
    scores: new Float64Array(cells),
    excluded: new Uint8Array(pack.optionCount),
    optionScores: new Float64Array(pack.optionCount),
    order: new Int32Array(pack.optionCount),
    tops: new Int32Array(pack.decisions.length).fill(-1),
    notApplicable: new Uint8Array(pack.decisions.length),
    chosen: new Int32Array(pack.decisions.length).fill(-1),
    ruleTops: new Int32Array(pack.decisions.length).fill(-1),
  };
}

/**
 * The room's choices as option indexes per decision (-1 where none), for setRoomChoices; decisions and options
 * the pack does not have are ignored. Null when there are none.
 */
export function roomChoiceIndexes(pack: CompiledPack, decided: Readonly<Record<string, string>> | null | undefined): Int32Array | null {
  const known = knownRoomChoices(pack, decided);
  if (Object.keys(known).length === 0) return null;
  const out = new Int32Array(pack.decisions.length).fill(-1);
  for (const d of pack.decisions) if (Object.hasOwn(known, d.id)) out[d.index] = d.decision.options.findIndex((x) => x.id === known[d.id]);
  return out;
}

/** The room's choices of decisions and options the pack has, in pack order; the engine ignores any other. */
export function knownRoomChoices(pack: CompiledPack, decided: Readonly<Record<string, string>> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!decided) return out;
  for (const d of pack.decisions) {
    const option = Object.hasOwn(decided, d.id) ? decided[d.id] : undefined;
    if (option !== undefined && d.decision.options.some((o) => o.id === option)) out[d.id] = option;
  }
  return out;
}

/** Sets (or, with null, clears) the room's choices that rules reading decisions will see. */
export function setRoomChoices(state: RuleState, chosen: Int32Array | null): void {
  if (chosen) state.chosen.set(chosen);
  else state.chosen.fill(-1);
}

// Inside the hot loop truth is ranked false 0 < unknown 1 < true 2, where Kleene logic is plain arithmetic:
// AND = min, OR = max, NOT = 2 − x. No branch depends on the answers, so the CPU never mispredicts one.
const STATUS_OF_RANK = new Uint8Array([0, 2, 1]);
const RANK_OF_STATUS = new Uint8Array([0, 2, 1]);

/** Runs every factor-only rule on `state.values`: sets status and accumulates adjustments. */
export function runFactorRules(pack: CompiledPack, state: RuleState): void {
  const { values, status, adjust, tops } = state;
  adjust.fill(0);
  // Indexed rules only write the ones that hold or are unknown; everything starts false.
  status.fill(FALSE);
  const p = pack.program;
  const litFactor = p.litFactor;
  const litOp = p.litOp;
  const litMask = p.litMask;
  const litConst = p.litConst;
  const litEnd = p.litEnd;
  const ruleStart = p.ruleStart;
  const usesClosure = p.usesClosure;
  const ruleIndex = pack.factorRuleIndex;
  const adjStart = pack.adjStart;
  const adjCells = pack.adjCells;
  const adjBy = pack.adjBy;
  // Single-comparison rules: one lookup per factor finds the rules that hold for its answer.
  const vi = p.valueIndex;
  for (let j = 0; j < vi.factors.length; j++) {
    const x = values[vi.factors[j]!]!;
    if (x !== x) {
      const all = vi.rulesOf[j]!;
      for (let k = 0; k < all.length; k++) status[ruleIndex[all[k]!]!] = UNKNOWN;
      continue;
    }
    const thresholds = vi.thresholds[j]!;
    const list = vi.holding[j]![thresholds.length === 0 ? x : numberCell(thresholds, x)]!;
    for (let k = 0; k < list.length; k++) {
      const r = list[k]!;
      status[ruleIndex[r]!] = TRUE;
      const end = adjStart[r + 1]!;
      for (let a = adjStart[r]!; a < end; a++) {
        const cell = adjCells[a]!;
        adjust[cell] = adjust[cell]! + adjBy[a]!;
      }
    }
  }
  // Every other rule, in pack order.
  const general = p.general;
  for (let g = 0; g < general.length; g++) {
    const r = general[g]!;
    let rank = 2;
    if (usesClosure[r] === 1) rank = RANK_OF_STATUS[p.fallback[r]!(values, tops)]!;
    else {
      // OR within a clause, AND at each clause end; stop at the first false clause, and skip the rest
      // of a clause once it is true.
      let clause = 0;
      const end = ruleStart[r + 1]!;
      for (let l = ruleStart[r]!; l < end; l++) {
        if (clause !== 2) {
          const x = values[litFactor[l]!]!;
          let v = 1;
          if (x === x) {
            const op = litOp[l]!;
            if (op === OP_MASK) v = ((litMask[l]! >>> x) & 1) << 1;
            else {
              const c = litConst[l]!;
              const hit =
                op === OP_GT ? x > c
                : op === OP_GTE ? x >= c
                : op === OP_LT ? x < c
                : op === OP_LTE ? x <= c
                : op === OP_EQ ? x === c
                : op === OP_NE ? x !== c
                : op === OP_IN ? p.litList[l]!.includes(x)
                : !p.litList[l]!.includes(x);
              v = hit ? 2 : 0;
            }
          }
          if (v > clause) clause = v;
        }
        if (litEnd[l] === 1) {
          if (clause < rank) rank = clause;
          if (rank === 0) break;
          clause = 0;
        }
      }
    }
    status[ruleIndex[r]!] = STATUS_OF_RANK[rank]!;
    if (rank === 2) {
      const end = adjStart[r + 1]!;
      for (let k = adjStart[r]!; k < end; k++) {
        const cell = adjCells[k]!;
        adjust[cell] = adjust[cell]! + adjBy[k]!;
      }
    }
  }
}

/** Marks the options the fired exclusion rules rule out in `state.excluded` (what finishScores ends with). */
export function markExclusions(pack: CompiledPack, state: RuleState): void {
  const { excluded, status } = state;
  excluded.fill(0);
  for (const rule of pack.excludingRules) {
    if (status[rule.index] !== TRUE) continue;
    const ex = rule.excludes;
    for (let k = 0; k < ex.length; k++) excluded[ex[k]!] = 1;
  }
}

/** Turns fired rules into clamped criterion scores and exclusions. */
export function finishScores(pack: CompiledPack, state: RuleState): void {
  const { adjust, scores } = state;
  const baseline = pack.baseline;
  for (let k = 0; k < scores.length; k++) {
    const a = adjust[k]!;
    if (a === 0) {
      scores[k] = baseline[k]!;
      continue;
    }
    const s = baseline[k]! + a;
    // Rounded to 12 decimals so sums like 0.35 + 0.05 equal 0.4: floating-point dust must not rank options.
    scores[k] = s <= 0 ? 0 : s >= 1 ? 1 : Math.round(s * 1e12) / 1e12;
  }
  markExclusions(pack, state);
}

/**
 * The top option of a decision under the given weights (index within the decision, -1 when all are excluded).
 * Ranks by the weighted sum: every option shares the denominator, so the sum orders them exactly as the score.
 * Ties go to the option listed first in the pack.
 */
export function topOption(pack: CompiledPack, state: RuleState, decision: number, weights: Float64Array): number {
  const d = pack.decisions[decision]!;
  const nC = weights.length;
  const scores = state.scores;
  const excluded = state.excluded;
  let best = -1;
  let bestSum = -Infinity;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  for (let o = 0; o < d.optionCount; o++) {
    const g = d.optionStart + o;
    if (excluded[g] === 1) continue;
    let sum = 0;
    const base = g * nC;
    if (total > 0) for (let k = 0; k < nC; k++) sum += weights[k]! * scores[base + k]!;
    else for (let k = 0; k < nC; k++) sum += scores[base + k]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = o;
    }
  }
  return best;
}

/**
 * Scores and orders every decision's options into `state.optionScores` and `state.order`, and sets
 * `state.tops` (before applicability). Same order as topOption: weighted sum, then pack order.
 */
export function rankDecisions(pack: CompiledPack, state: RuleState, weights: Float64Array): void {
  const nC = weights.length;
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  const { scores, excluded, optionScores, order, tops } = state;
  const decisions = pack.decisions;
  for (let di = 0; di < decisions.length; di++) {
    const d = decisions[di]!;
    const start = d.optionStart;
    for (let o = 0; o < d.optionCount; o++) {
      const g = start + o;
      const base = g * nC;
      let sum = 0;
      if (total > 0) for (let k = 0; k < nC; k++) sum += weights[k]! * scores[base + k]!;
      else for (let k = 0; k < nC; k++) sum += scores[base + k]!;
      optionScores[g] = sum;
      // Insertion sort: a handful of options per decision.
      let i = o;
      while (i > 0) {
        const prev = order[start + i - 1]!;
        const pg = start + prev;
        const before = excluded[pg]! < excluded[g]! || (excluded[pg] === excluded[g] && optionScores[pg]! >= sum);
        if (before) break;
        order[start + i] = prev;
        i--;
      }
      order[start + i] = o;
    }
    const first = order[start]!;
    tops[di] = excluded[start + first] === 1 ? -1 : first;
    const denominator = total > 0 ? total : nC;
    for (let o = 0; o < d.optionCount; o++) optionScores[start + o] = optionScores[start + o]! / denominator;
  }
}

/**
 * Ranks every decision, then runs the rules that read decisions (risks, applicability). They read the room's
 * own choice where it made one (state.chosen), else the recommendation: once the room settles a decision, what
 * follows from it follows from what the room decided.
 */
export function runDecisionRules(pack: CompiledPack, state: RuleState, weights: Float64Array, preset: Uint8Array | null = null): void {
  const { tops, status, notApplicable, values, chosen, ruleTops } = state;
  // `preset`: decisions known not to apply before any rule runs (a derived decision with no use case to place).
  if (preset) notApplicable.set(preset);
  else notApplicable.fill(0);
  rankDecisions(pack, state, weights);
  for (const rule of pack.applicabilityRules) {
    if (status[rule.index] === TRUE) for (const na of rule.notApplicable) notApplicable[na.decision] = 1;
  }
  // A decision that does not apply has no recommendation, and no choice, for other rules to read: those the
  // factor-only rules above mark now, and those a decision rule marks as soon as it fires, so the decision
  // rules after it (in pack order) read -1 for them too.
  for (let d = 0; d < tops.length; d++) {
    if (notApplicable[d] === 1) tops[d] = -1;
    ruleTops[d] = notApplicable[d] === 1 ? -1 : chosen[d]! >= 0 ? chosen[d]! : tops[d]!;
  }
  for (const rule of pack.decisionRules) {
    const truth: Truth = rule.condition(values, ruleTops);
    status[rule.index] = truth;
    if (truth !== TRUE) continue;
    for (const na of rule.notApplicable) {
      notApplicable[na.decision] = 1;
      tops[na.decision] = -1;
      ruleTops[na.decision] = -1;
    }
  }
}
