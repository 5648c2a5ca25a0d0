import { resolveWeights, type Answers, type WeightsInput } from './answers';
import { SCOPE_USE_CASE, type CompiledPack } from './compiled-pack';
import { runOptions, type ScoringOptions } from './evaluate';
import { factorCandidates } from './factor-candidates';
import type { FactorValue } from './pack-schema';
import { asRoadmap, type Roadmap } from './roadmap/roadmap-input';
import { createRanking, rankRoadmap, runOrganisation, runUseCase, type RoadmapRanking, type RoadmapRun, type UseCaseRun } from './roadmap/roadmap-run';

/** How much settling one question could move the result: for "what to settle first". */
export interface FactorInfluence {
  factor: string;
  prompt: string;
  answered: boolean;
  /** For a question asked of each use case: the use case it is about (its id). */
  useCase?: string;
  /** Decisions whose recommendation some answer would change, with the options it could become (`useCase`: that use case's decision). */
  couldChange: Array<{ decision: string; to: string[]; useCase?: string }>;
  /** Largest change of any organisation option's score (0..1) over the factor's possible answers. */
  maxScoreShift: number;
}

/** What a ranking recommends: per organisation decision and per decision of `useCase`, the top (-2 where it does not apply). */
function recommendations(pack: CompiledPack, ranking: RoadmapRanking, useCase: number, out: Int32Array): void {
  for (const d of pack.organisationDecisions) out[d.index] = ranking.org.notApplicable[d.index] === 1 ? -2 : ranking.org.tops[d.index]!;
  if (useCase < 0) return;
  const view = ranking.useCases[useCase]!;
  for (const d of pack.useCaseDecisions) out[d.index] = view.notApplicable[d.index] === 1 ? -2 : view.tops[d.index]!;
}

/** Every organisation option's score 0..1 under the ranking's weighting. */
function orgScores(pack: CompiledPack, ranking: RoadmapRanking, weights: Float64Array, out: Float64Array): void {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k]!;
  for (const d of pack.organisationDecisions) {
    for (let o = 0; o < d.optionCount; o++) out[d.optionStart + o] = ranking.org.sums[d.optionStart + o]! / (total > 0 ? total : weights.length);
  }
}

/**
 * Ranks questions by how much their answer could change the recommendations (then the scores), unanswered ones
 * first on ties: every organisation question, and every use-case question of every use case (each naming its use
 * case, and which of its own decisions could move). Scored as evaluate scores (cost model, room's choices).
 */
export function factorInfluence(pack: CompiledPack, input: Roadmap | Answers, weights?: WeightsInput, options: ScoringOptions = {}): FactorInfluence[] {
  const roadmap = asRoadmap(input);
  const w = resolveWeights(pack, weights);
  const nD = pack.decisions.length;
  const opts = runOptions(pack, roadmap, options);
  const useCases: UseCaseRun[] = (pack.hasUseCases ? roadmap.useCases : []).map((u, i) => runUseCase(pack, roadmap, u, i, opts));
  const baseRun = runOrganisation(pack, roadmap, useCases, opts);
  const baseRanking = rankRoadmap(baseRun, w, createRanking(baseRun));
  const baseScores = new Float64Array(pack.optionCount);
  orgScores(pack, baseRanking, w, baseScores);
  const candidates = factorCandidates(pack);
  const tops = new Int32Array(nD);
  const baseTops = new Int32Array(nD);
  const scores = new Float64Array(pack.optionCount);

  const trial = (factor: number, useCase: number): FactorInfluence & { order: number } => {
    const f = pack.factors[factor]!;
    const current = useCase < 0 ? roadmap.answers[f.id] : roadmap.useCases[useCase]!.answers[f.id];
    recommendations(pack, baseRanking, useCase, baseTops);
    const changed = new Map<number, Set<number>>();
    let maxShift = 0;
    for (const value of candidates[factor]!) {
      let run: RoadmapRun;
      if (useCase < 0) {
        const answers = { ...roadmap.answers, [f.id]: value as FactorValue };
        const changedRoadmap = { ...roadmap, answers };
        const ucs = useCases.length === 0 ? [] : changedRoadmap.useCases.map((u, i) => runUseCase(pack, changedRoadmap, u, i, runOptions(pack, changedRoadmap, options)));
        run = runOrganisation(pack, changedRoadmap, ucs, runOptions(pack, changedRoadmap, options));
      } else {
        const u = roadmap.useCases[useCase]!;
        const changedUseCase = { ...u, answers: { ...u.answers, [f.id]: value as FactorValue } };
        const changedRoadmap = { ...roadmap, useCases: roadmap.useCases.map((x, i) => (i === useCase ? changedUseCase : x)) };
        const ucs = useCases.map((x, i) => (i === useCase ? runUseCase(pack, changedRoadmap, changedUseCase, i, opts) : x));
        run = runOrganisation(pack, changedRoadmap, ucs, opts);
      }
      const ranking = rankRoadmap(run, w, createRanking(run));
      recommendations(pack, ranking, useCase, tops);
      orgScores(pack, ranking, w, scores);
      for (const d of pack.organisationDecisions) {
        for (let o = 0; o < d.optionCount; o++) maxShift = Math.max(maxShift, Math.abs(scores[d.optionStart + o]! - baseScores[d.optionStart + o]!));
      }
      const decisions = useCase < 0 ? pack.organisationDecisions : [...pack.organisationDecisions, ...pack.useCaseDecisions];
      for (const d of decisions) {
        if (tops[d.index] !== baseTops[d.index] && tops[d.index]! >= 0) {
          const set = changed.get(d.index) ?? new Set<number>();
          set.add(tops[d.index]!);
          changed.set(d.index, set);
        }
      }
    }
    const couldChange = [...changed.keys()]
      .sort((a, b) => a - b)
      .map((d) => ({
        decision: pack.decisions[d]!.id,
        to: [...changed.get(d)!].sort((a, b) => a - b).map((o) => pack.decisions[d]!.decision.options[o]!.id),
        ...(pack.decisionScopes[d] === SCOPE_USE_CASE ? { useCase: roadmap.useCases[useCase]!.id } : {}),
      }));
    return {
      order: 0,
      factor: f.id,
      prompt: f.prompt,
      answered: current !== undefined && current !== null,
      ...(useCase >= 0 ? { useCase: roadmap.useCases[useCase]!.id } : {}),
      couldChange,
      maxScoreShift: maxShift,
    };
  };

  const result: Array<FactorInfluence & { order: number }> = [];
  pack.factors.forEach((f, i) => {
    if (f.aggregate) return;
    if (pack.factorScopes[i] === SCOPE_USE_CASE) useCases.forEach((_, u) => result.push({ ...trial(i, u), order: result.length }));
    else result.push({ ...trial(i, -1), order: result.length });
  });
  result.sort(
    (a, b) =>
      b.couldChange.length - a.couldChange.length || b.maxScoreShift - a.maxScoreShift || Number(a.answered) - Number(b.answered) || a.order - b.order,
  );
  return result.map(({ order: _order, ...rest }) => rest);
}
