import type { CompiledPack, CompiledPortfolio } from '../compiled-pack';

/**
 * What the portfolio reads of one use case under one weighting: its options' weighted sums and exclusions,
 * which of its decisions do not apply, and the room's own choices for it.
 */
export interface UseCaseView {
  /** Weighted sum of every pack-wide option's criterion scores (only use-case options are read). */
  sums: Float64Array;
  /** Criterion scores per pack-wide (option × criterion) cell. */
  scores: Float64Array;
  excluded: Uint8Array;
  /** 1 where the decision does not apply to this use case. */
  notApplicable: Uint8Array;
  /** The room's own option per decision (-1 where none). */
  chosen: Int32Array;
}

/** How one part of one use case lands under one option of a derived decision. */
export const PART_SKIPPED = -1;

/** The portfolio's answer for one derived decision under one weighting. */
export interface PortfolioScores {
  /** Weighted sum per option of the derived decision (comparable with each other, like an option's sums). */
  sums: Float64Array;
  /** Criterion scores per option of the derived decision (option × criterion), 0..1. */
  vectors: Float64Array;
  /** 1 where no placement the option allows is open to some use case (uniform), or to any (main approach). */
  excluded: Uint8Array;
  /** True when no use case has a part to place: the decision has nothing to decide. */
  empty: boolean;
  /**
   * The option every part's own best falls in (uniform, with a mix), or -1: then the mix would place everything
   * as that option does, so there is nothing to mix and the mix is out of reach.
   */
  unmixed: number;
  /**
   * Per option, per use case, per part: the option (index within the part decision) the part takes under that
   * option, PART_SKIPPED when the part is left out (not applicable and counting as nothing, or nothing open).
   */
  selection: Int32Array;
  /** Per option, per use case, per part: 1 when nothing the option allows is open to that part (uniform: it blocks the option). */
  blocked: Uint8Array;
  /** Scratch: counted parts per use case, whether some part took each option, each part's own best. */
  partsOf: Int32Array;
  taken: Uint8Array;
  own: Int32Array;
}

/**
 * The first option other than the mix whose allowed placements hold every counted part's own best (`own`, by use
 * case and part; negative where a part is left out), or -1. Only a uniform portfolio with a mix has one.
 */
function unmixedOption(pack: CompiledPack, portfolio: CompiledPortfolio, own: Int32Array, partsOf: Int32Array): number {
  if (portfolio.kind !== 'uniform' || portfolio.mixed < 0) return -1;
  const nO = pack.decisions[portfolio.decision]!.optionCount;
  const nP = portfolio.parts.length;
  for (let y = 0; y < nO; y++) {
    if (y === portfolio.mixed) continue;
    let holds = true;
    for (let u = 0; u < partsOf.length && holds; u++) {
      if (partsOf[u] === 0) continue;
      for (let j = 0; j < nP; j++) {
        const best = own[u * nP + j]!;
        if (best >= 0 && ((portfolio.allowedMask[y * nP + j]! >>> best) & 1) === 0) {
          holds = false;
          break;
        }
      }
    }
    if (holds) return y;
  }
  return -1;
}

/** Arrays for one derived decision over a roadmap of `useCases` use cases, reused across weightings. */
export function createPortfolioScores(pack: CompiledPack, portfolio: CompiledPortfolio, useCases: number): PortfolioScores {
  const nO = pack.decisions[portfolio.decision]!.optionCount;
  const nC = pack.criteria.length;
  const cells = nO * useCases * portfolio.parts.length;
  return {
    sums: new Float64Array(nO),
    vectors: new Float64Array(nO * nC),
    excluded: new Uint8Array(nO),
    empty: true,
    unmixed: -1,
    selection: new Int32Array(cells),
    blocked: new Uint8Array(cells),
    partsOf: new Int32Array(useCases),
    taken: new Uint8Array(nO),
    own: new Int32Array(useCases * portfolio.parts.length),
  };
}

/** The best open option of a part among `allowed` (all when null): highest sum, then pack order; -1 for none. */
function bestOpen(pack: CompiledPack, view: UseCaseView, part: number, allowed: Int32Array | null): number {
  const d = pack.decisions[part]!;
  const chosen = view.chosen[part]!;
  // The room settled this use case's part: that is where it goes, whatever the weights.
  if (chosen >= 0) {
    if (allowed === null) return chosen;
    for (let i = 0; i < allowed.length; i++) if (allowed[i] === chosen) return chosen;
    return -1;
  }
  let best = -1;
  let bestSum = -Infinity;
  const count = allowed === null ? d.optionCount : allowed.length;
  for (let i = 0; i < count; i++) {
    const o = allowed === null ? i : allowed[i]!;
    const g = d.optionStart + o;
    if (view.excluded[g] === 1) continue;
    const s = view.sums[g]!;
    if (s > bestSum) {
      bestSum = s;
      best = o;
    }
  }
  return best;
}

/**
 * Where each part of each use case goes on its own (`own`, PART_SKIPPED where it does not count) and how many
 * parts count for each use case (`partsOf`); returns how many use cases count at all.
 */
function ownParts(pack: CompiledPack, portfolio: CompiledPortfolio, views: readonly UseCaseView[], own: Int32Array, partsOf: Int32Array): number {
  const parts = portfolio.parts;
  const nP = parts.length;
  let counted = 0;
  for (let u = 0; u < views.length; u++) {
    const view = views[u]!;
    let n = 0;
    for (let j = 0; j < nP; j++) {
      const part = parts[j]!;
      const na = view.notApplicable[part] === 1;
      const best = na ? (portfolio.countsAs[j]! >= 0 ? portfolio.countsAs[j]! : PART_SKIPPED) : bestOpen(pack, view, part, null);
      own[u * nP + j] = best;
      if (!na || best >= 0) n++;
    }
    partsOf[u] = n;
    if (n > 0) counted++;
  }
  return counted;
}

/**
 * Scores one derived decision from the use cases (see the pack's `portfolio`): each option's criterion scores
 * are the mean over use cases (each counting once, its parts sharing its weight) of the criterion scores of the
 * option each part takes under it; the mix adds `mix` (its penalty and the rules on it; clamped to 0..1). `weights` are the criteria's
 * weights, all 1 when every weight is 0 (the engine's rule for all-zero weights).
 */
export function scorePortfolio(
  pack: CompiledPack,
  portfolio: CompiledPortfolio,
  views: readonly UseCaseView[],
  weights: Float64Array,
  out: PortfolioScores,
  mix: Float64Array = portfolio.penalty,
): PortfolioScores {
  const d = pack.decisions[portfolio.decision]!;
  const nO = d.optionCount;
  const nC = pack.criteria.length;
  const nU = views.length;
  const parts = portfolio.parts;
  const nP = parts.length;
  const { sums, vectors, excluded, selection, blocked, partsOf, taken, own } = out;
  sums.fill(0);
  vectors.fill(0);
  excluded.fill(0);
  selection.fill(PART_SKIPPED);
  blocked.fill(0);
  taken.fill(0);

  const counted = ownParts(pack, portfolio, views, own, partsOf);
  out.empty = counted === 0;
  out.unmixed = -1;
  if (out.empty) return out;
  out.unmixed = unmixedOption(pack, portfolio, own, out.partsOf);

  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  for (let x = 0; x < nO; x++) {
    const allowed = portfolio.allowed[x] ?? null;
    let sum = 0;
    // Every use case lands where one option puts it: a mix would be that option with its costs added. Its
    // placements are still worked out (where it would put each use case), but it has no score.
    if (x === portfolio.mixed && out.unmixed >= 0) excluded[x] = 1;
    for (let u = 0; u < nU; u++) {
      if (partsOf[u] === 0) continue;
      const view = views[u]!;
      const share = 1 / (counted * partsOf[u]!);
      for (let j = 0; j < nP; j++) {
        const part = parts[j]!;
        const pinned = view.notApplicable[part] === 1;
        const best = own[u * nP + j]!;
        if (pinned && best < 0) continue;
        const cell = (x * nU + u) * nP + j;
        // The best open option the option allows: the part's own best when allowed (it is then the best of any
        // subset holding it, ties in pack order included); a not-applicable part counts as one option only.
        let sel: number;
        if (allowed === null || (best >= 0 && includes(allowed[j]!, best))) sel = best;
        else if (pinned) sel = -1;
        else sel = bestOpen(pack, view, part, allowed[j]!);
        if (sel >= 0 && allowed !== null) taken[x] = 1;
        if (sel < 0) {
          blocked[cell] = 1;
          if (portfolio.kind === 'uniform' || allowed === null) {
            excluded[x] = 1;
            continue;
          }
          // Main approach: a part that cannot take this option keeps its own best.
          sel = best;
          if (sel < 0) continue;
        }
        selection[cell] = sel;
        const g = pack.decisions[part]!.optionStart + sel;
        const base = g * nC;
        for (let k = 0; k < nC; k++) vectors[x * nC + k] = vectors[x * nC + k]! + share * view.scores[base + k]!;
      }
    }
    if (portfolio.kind === 'main-approach' && allowed !== null && taken[x] === 0) excluded[x] = 1;
    if (excluded[x] === 1) {
      // An option no roadmap can take has no score to compare: what part of the roadmap could take it is not one.
      for (let k = 0; k < nC; k++) vectors[x * nC + k] = 0;
      sums[x] = 0;
      continue;
    }
    for (let k = 0; k < nC; k++) {
      const cell = x * nC + k;
      let v = vectors[cell]!;
      if (x === portfolio.mixed) {
        v += mix[k]!;
        v = v <= 0 ? 0 : v >= 1 ? 1 : v;
      }
      // Rounded like rule-adjusted scores, so the order means are added in cannot rank options.
      v = Math.round(v * 1e12) / 1e12;
      vectors[cell] = v;
      sum += (total > 0 ? weights[k]! : 1) * v;
    }
    sums[x] = sum;
  }
  return out;
}

function includes(list: Int32Array, value: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

/**
 * The same sums, exclusions and emptiness as scorePortfolio, and nothing else (no selection, no vectors but the
 * mix's): what ranking under many weightings needs. Kept apart so the robustness loop stays cheap.
 */
export function rankPortfolio(pack: CompiledPack, portfolio: CompiledPortfolio, views: readonly UseCaseView[], weights: Float64Array, out: PortfolioScores, mix: Float64Array = portfolio.penalty): void {
  const nO = pack.decisions[portfolio.decision]!.optionCount;
  const nC = pack.criteria.length;
  const nU = views.length;
  const parts = portfolio.parts;
  const nP = parts.length;
  const { sums, vectors, excluded, partsOf, taken, own } = out;
  const counted = ownParts(pack, portfolio, views, own, partsOf);
  out.empty = counted === 0;
  out.unmixed = -1;
  if (out.empty) {
    sums.fill(0);
    excluded.fill(0);
    return;
  }
  out.unmixed = unmixedOption(pack, portfolio, own, partsOf);
  let total = 0;
  for (let k = 0; k < nC; k++) total += weights[k]!;
  const mixed = portfolio.mixed;
  const uniform = portfolio.kind === 'uniform';
  for (let x = 0; x < nO; x++) {
    const allowed = portfolio.allowed[x] ?? null;
    const isMixed = x === mixed;
    if (isMixed && out.unmixed >= 0) {
      excluded[x] = 1;
      sums[x] = 0;
      taken[x] = 0;
      continue;
    }
    if (isMixed) for (let k = 0; k < nC; k++) vectors[x * nC + k] = 0;
    let sum = 0;
    let out_ = 0;
    taken[x] = 0;
    for (let u = 0; u < nU && out_ === 0; u++) {
      const n = partsOf[u]!;
      if (n === 0) continue;
      const view = views[u]!;
      const share = 1 / (counted * n);
      for (let j = 0; j < nP; j++) {
        const best = own[u * nP + j]!;
        const part = parts[j]!;
        const na = view.notApplicable[part] === 1;
        if (na && best < 0) continue;
        let sel: number;
        if (best >= 0 && ((portfolio.allowedMask[x * nP + j]! >>> best) & 1) === 1) sel = best;
        else if (allowed === null || na) sel = -1;
        else sel = bestOpen(pack, view, part, allowed[j]!);
        if (sel >= 0 && allowed !== null) taken[x] = 1;
        if (sel < 0) {
          if (uniform || allowed === null) {
            out_ = 1;
            break;
          }
          sel = best;
          if (sel < 0) continue;
        }
        const g = pack.decisions[part]!.optionStart + sel;
        if (isMixed) {
          const base = g * nC;
          for (let k = 0; k < nC; k++) vectors[x * nC + k] = vectors[x * nC + k]! + share * view.scores[base + k]!;
        } else sum += share * view.sums[g]!;
      }
    }
    if (!uniform && allowed !== null && taken[x] === 0) out_ = 1;
    excluded[x] = out_;
    if (out_ === 1) {
      sums[x] = 0;
      continue;
    }
    if (isMixed) {
      for (let k = 0; k < nC; k++) {
        let v = vectors[x * nC + k]! + mix[k]!;
        v = v <= 0 ? 0 : v >= 1 ? 1 : v;
        sum += (total > 0 ? weights[k]! : 1) * (Math.round(v * 1e12) / 1e12);
      }
    } else {
      // Rounded at the sum, not per criterion: options compare the same way unless two are within 1e-12.
      sum = Math.round(sum * 1e12) / 1e12;
    }
    sums[x] = sum;
  }
}
