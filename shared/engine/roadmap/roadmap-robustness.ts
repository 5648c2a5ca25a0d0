import { SCOPE_USE_CASE } from '../compiled-pack';
import { createRandom } from '../../util/prng';
import { DEFAULT_ROBUSTNESS_SAMPLES, DEFAULT_ROBUSTNESS_SEED, DEFAULT_ROBUSTNESS_SPREAD, perturbWeights, type RobustnessOptions } from '../robustness';
import { ANSWER_WORLDS, answerWorlds } from './answer-worlds';
import { createRanking, rankRoadmap, type RoadmapRun } from './roadmap-run';

/** Share of perturbed weightings that keep each recommendation: per organisation decision, and per use case. */
export interface RoadmapRobustness {
  /** By decision index; NaN where the decision has no recommendation (or is a use-case decision). */
  org: Float64Array;
  /** Per use case, by decision index; NaN where it has no recommendation (or is an organisation decision). */
  useCases: Float64Array[];
  /** By decision index: the option (index within the decision) that most often took the top instead, or -1. */
  orgChallengers: Int32Array;
  /** Per use case, by decision index: the same. */
  useCaseChallengers: Int32Array[];
}

/**
 * Monte Carlo robustness over the whole roadmap: each seeded weighting (every weight moved by up to ±spread,
 * clamped to 0..5) ranks every use case, re-derives the portfolio and re-ranks the organisation, as one room
 * would. Where rules read questions nobody answered, the samples spread over ANSWER_WORLDS seeded fillings of
 * them (answerWorlds), so an open question that could move a recommendation lowers its robustness. A
 * recommendation is kept when the decision still applies and its top is the same option.
 */
export function roadmapRobustness(run: RoadmapRun, weights: Float64Array, options: RobustnessOptions = {}): RoadmapRobustness {
  const { pack } = run;
  // The base ranked the way the samples are, so an exact tie cannot read as a change.
  const base = rankRoadmap(run, weights, createRanking(run), false);
  const samples = Math.max(1, Math.floor(options.samples ?? DEFAULT_ROBUSTNESS_SAMPLES));
  const spread = options.spread ?? DEFAULT_ROBUSTNESS_SPREAD;
  const random = createRandom(options.seed ?? DEFAULT_ROBUSTNESS_SEED);
  const nC = weights.length;
  const nD = pack.decisions.length;
  const base0 = createRanking(run);
  const w = new Float64Array(nC);
  const org = pack.organisationDecisions.map((d) => d.index).filter((d) => base.org.notApplicable[d] !== 1 && base.org.tops[d]! >= 0);
  const ucs = run.useCases.map((_, i) => pack.useCaseDecisions.map((d) => d.index).filter((d) => base.useCases[i]!.notApplicable[d] !== 1 && base.useCases[i]!.tops[d]! >= 0));
  const keptOrg = new Float64Array(nD);
  const keptUc = run.useCases.map(() => new Float64Array(nD));
  // How often each other option took the top, by pack-wide option.
  const otherOrg = new Int32Array(pack.optionCount);
  const otherUc = run.useCases.map(() => new Int32Array(pack.optionCount));
  const worlds = answerWorlds(run, Math.min(ANSWER_WORLDS, samples), options.seed ?? DEFAULT_ROBUSTNESS_SEED);
  // A ranking reads its run's scores in place: one per world.
  const scratches = worlds.map((world) => createRanking(world));
  for (let s = 0; s < samples; s++) {
    perturbWeights(weights, random, spread, w);
    // Each world takes a contiguous block of samples: its scores stay in cache while they rank.
    const k = worlds.length > 0 ? Math.floor((s * worlds.length) / samples) : -1;
    const scratch = k >= 0 ? scratches[k]! : base0;
    rankRoadmap(k >= 0 ? worlds[k]! : run, w, scratch, false);
    for (let t = 0; t < org.length; t++) {
      const d = org[t]!;
      const top = scratch.org.tops[d]!;
      if (scratch.org.notApplicable[d] !== 1 && top === base.org.tops[d]) keptOrg[d] = keptOrg[d]! + 1;
      else if (scratch.org.notApplicable[d] !== 1 && top >= 0) {
        const g = pack.decisions[d]!.optionStart + top;
        otherOrg[g] = otherOrg[g]! + 1;
      }
    }
    for (let i = 0; i < ucs.length; i++) {
      const list = ucs[i]!;
      const view = scratch.useCases[i]!;
      const baseTops = base.useCases[i]!.tops;
      const kept = keptUc[i]!;
      const other = otherUc[i]!;
      for (let t = 0; t < list.length; t++) {
        const d = list[t]!;
        const top = view.tops[d]!;
        if (view.notApplicable[d] !== 1 && top === baseTops[d]) kept[d] = kept[d]! + 1;
        else if (view.notApplicable[d] !== 1 && top >= 0) {
          const g = pack.decisions[d]!.optionStart + top;
          other[g] = other[g]! + 1;
        }
      }
    }
  }
  const orgOut = new Float64Array(nD).fill(NaN);
  for (const d of org) orgOut[d] = keptOrg[d]! / samples;
  const useCases = ucs.map((list, i) => {
    const out = new Float64Array(nD).fill(NaN);
    for (const d of list) if (pack.decisionScopes[d] === SCOPE_USE_CASE) out[d] = keptUc[i]![d]! / samples;
    return out;
  });
  const challengers = (counts: Int32Array) => {
    const out = new Int32Array(nD).fill(-1);
    for (const d of pack.decisions) {
      let best = 0;
      for (let o = 0; o < d.optionCount; o++) {
        const n = counts[d.optionStart + o]!;
        if (n > best) {
          best = n;
          out[d.index] = o;
        }
      }
    }
    return out;
  };
  return { org: orgOut, useCases, orgChallengers: challengers(otherOrg), useCaseChallengers: otherUc.map(challengers) };
}
