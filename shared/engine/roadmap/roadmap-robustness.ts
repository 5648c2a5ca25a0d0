import { SCOPE_USE_CASE } from '../compiled-pack';
import { createRandom } from '../prng';
import { DEFAULT_ROBUSTNESS_SAMPLES, DEFAULT_ROBUSTNESS_SEED, DEFAULT_ROBUSTNESS_SPREAD, perturbWeights, type RobustnessOptions } from '../robustness';
import { createRanking, rankRoadmap, type RoadmapRun } from './roadmap-run';

/** Share of perturbed weightings that keep each recommendation: per organisation decision, and per use case. */
export interface RoadmapRobustness {
  /** By decision index; NaN where the decision has no recommendation (or is a use-case decision). */
  org: Float64Array;
  /** Per use case, by decision index; NaN where it has no recommendation (or is an organisation decision). */
  useCases: Float64Array[];
}

/**
 * Monte Carlo robustness over the whole roadmap: each seeded weighting (every weight moved by up to ±spread,
 * clamped to 0..5) ranks every use case, re-derives the portfolio and re-ranks the organisation, as one room
 * would. A recommendation is kept when the decision still applies and its top is the same option.
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
  const scratch = createRanking(run);
  const w = new Float64Array(nC);
  const org = pack.organisationDecisions.map((d) => d.index).filter((d) => base.org.notApplicable[d] !== 1 && base.org.tops[d]! >= 0);
  const ucs = run.useCases.map((_, i) => pack.useCaseDecisions.map((d) => d.index).filter((d) => base.useCases[i]!.notApplicable[d] !== 1 && base.useCases[i]!.tops[d]! >= 0));
  const keptOrg = new Float64Array(nD);
  const keptUc = run.useCases.map(() => new Float64Array(nD));
  for (let s = 0; s < samples; s++) {
    perturbWeights(weights, random, spread, w);
    rankRoadmap(run, w, scratch, false);
    for (let t = 0; t < org.length; t++) {
      const d = org[t]!;
      if (scratch.org.notApplicable[d] !== 1 && scratch.org.tops[d] === base.org.tops[d]) keptOrg[d] = keptOrg[d]! + 1;
    }
    for (let i = 0; i < ucs.length; i++) {
      const list = ucs[i]!;
      const view = scratch.useCases[i]!;
      const baseTops = base.useCases[i]!.tops;
      const kept = keptUc[i]!;
      for (let t = 0; t < list.length; t++) {
        const d = list[t]!;
        if (view.notApplicable[d] !== 1 && view.tops[d] === baseTops[d]) kept[d] = kept[d]! + 1;
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
  return { org: orgOut, useCases };
}
