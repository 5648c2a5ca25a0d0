import type { Answers } from '../answers';
import { UNKNOWN } from '../compile-condition';
import { SCOPE_USE_CASE, type CompiledPack } from '../compiled-pack';
import { factorCandidates } from '../factor-candidates';
import { createRandom } from '../../util/prng';
import type { RuleState } from '../rule-state';
import type { Roadmap } from './roadmap-input';
import { runOrganisation, runUseCase, type RoadmapRun } from './roadmap-run';

/** How many answer worlds the robustness samples spread over: each re-scores the roadmap once, then ranks many weightings. */
export const ANSWER_WORLDS = 8;

/** The unanswered questions a rule could not decide without: the organisation's, and each use case's own. */
export interface OpenQuestions {
  organisation: number[];
  useCases: number[][];
}

function openIn(pack: CompiledPack, state: RuleState, scope: 'organisation' | 'use-case', into: Set<number>): void {
  for (const rule of pack.rules) {
    if (state.status[rule.index] !== UNKNOWN) continue;
    for (const f of rule.factors) {
      const value = state.values[f]!;
      if (value === value || pack.factors[f]!.aggregate) continue;
      if ((pack.factorScopes[f] === SCOPE_USE_CASE) === (scope === 'use-case')) into.add(f);
    }
  }
}

/** Which unanswered questions the rules read: organisation questions (from any state) and each use case's own. */
export function openQuestions(run: RoadmapRun): OpenQuestions {
  const { pack } = run;
  const organisation = new Set<number>();
  openIn(pack, run.org, 'organisation', organisation);
  for (const u of run.useCases) openIn(pack, u.state, 'organisation', organisation);
  const useCases = run.useCases.map((u) => {
    const own = new Set<number>();
    openIn(pack, u.state, 'use-case', own);
    return [...own].sort((a, b) => a - b);
  });
  return { organisation: [...organisation].sort((a, b) => a - b), useCases };
}

/**
 * The roadmap re-scored under `count` seeded fillings of its open questions: each question a rule read but
 * nobody answered takes, uniformly, one of the values that reach each of the pack's outcomes (every enum value,
 * both booleans, each side of every threshold). Use cases with nothing open and no open organisation question
 * keep their scoring. Empty when nothing is open: the answers given are the only world.
 */
export function answerWorlds(run: RoadmapRun, count: number, seed: number): RoadmapRun[] {
  const open = openQuestions(run);
  if (open.organisation.length === 0 && open.useCases.every((q) => q.length === 0)) return [];
  const { pack, roadmap } = run;
  const candidates = factorCandidates(pack);
  const random = createRandom(seed ^ 0x5eed);
  const pick = (f: number) => {
    const list = candidates[f]!;
    return list[Math.floor(random() * list.length)]!;
  };
  const fill = (base: Answers, factors: readonly number[]): Answers => {
    const out: Record<string, unknown> = { ...base };
    for (const f of factors) out[pack.factors[f]!.id] = pick(f);
    return out as Answers;
  };
  const worlds: RoadmapRun[] = [];
  for (let k = 0; k < count; k++) {
    const world: Roadmap = {
      answers: fill(roadmap.answers, open.organisation),
      useCases: roadmap.useCases.map((u, i) => (open.useCases[i]!.length > 0 ? { ...u, answers: fill(u.answers, open.useCases[i]!) } : u)),
    };
    const orgChanged = open.organisation.length > 0;
    const useCases = run.useCases.map((u, i) => (orgChanged || open.useCases[i]!.length > 0 ? runUseCase(pack, world, world.useCases[i]!, i, run.options) : u));
    worlds.push(runOrganisation(pack, world, useCases, run.options));
  }
  return worlds;
}
