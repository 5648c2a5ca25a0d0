import {
  defaultPack,
  evaluate,
  stakeholderRankings,
  type CompiledPack,
  type Evaluation,
  type StakeholderAnalysis,
} from '../../shared/engine';
import type { Participant, WorkshopState } from '../../shared/contract';
import type { CostAssumptions } from '../../shared/cost';
import { workshopCostAssumptions } from '../../shared/workshop';
import { useAppStore } from '../stores/context';

/** The rule pack the wizard uses (the default pack; custom packs arrive with pack management). */
export function usePack(): CompiledPack {
  return defaultPack();
}

/** The pack's default weight per criterion id. */
export function defaultWeights(pack: CompiledPack): Record<string, number> {
  return Object.fromEntries(pack.criteria.map((c) => [c.id, c.defaultWeight]));
}

/** Participants whose weights shape the group's: decision-makers and the consulted (the informed are told). */
export function weighingParticipants(participants: readonly Participant[]): Participant[] {
  return participants.filter((p) => p.involvement !== 'informed');
}

/** A participant's weights, with the pack's defaults for criteria they have not set. */
export function participantWeights(pack: CompiledPack, state: WorkshopState, participantId: string): Record<string, number> {
  return { ...defaultWeights(pack), ...state.weights[participantId] };
}

export interface Derived {
  /** The weights the evaluation used: the geometric mean of the room's, or the pack's defaults. */
  weights: Record<string, number>;
  evaluation: Evaluation;
  /** The cost model's assumptions the evaluation used (the workshop's, over the defaults). */
  costAssumptions: CostAssumptions;
  /** Each participant's own ranking and the room's agreement; null with fewer than one weighing participant. */
  stakeholders: StakeholderAnalysis | null;
}

let memo: {
  answers: WorkshopState['answers'];
  weights: WorkshopState['weights'];
  participants: WorkshopState['participants'];
  costAssumptions: WorkshopState['costAssumptions'];
  pack: CompiledPack;
  value: Derived;
} | null = null;

/** Computes the evaluation from the answers, weights and cost assumptions; the same inputs return the same object. */
export function derive(pack: CompiledPack, state: WorkshopState): Derived {
  if (
    memo &&
    memo.pack === pack &&
    memo.answers === state.answers &&
    memo.weights === state.weights &&
    memo.participants === state.participants &&
    memo.costAssumptions === state.costAssumptions
  ) {
    return memo.value;
  }
  const costAssumptions = workshopCostAssumptions(state.costAssumptions);
  const people = weighingParticipants(state.participants);
  const stakeholders =
    people.length > 0
      ? stakeholderRankings(
          pack,
          state.answers,
          people.map((p) => ({ name: p.name || 'Unnamed participant', role: p.role, weights: participantWeights(pack, state, p.id) })),
          undefined,
          { costAssumptions },
        )
      : null;
  const weights = stakeholders ? Object.fromEntries(stakeholders.groupWeights.map((w) => [w.criterion, w.weight])) : defaultWeights(pack);
  const value: Derived = { weights, evaluation: evaluate(pack, state.answers, weights, { costAssumptions }), costAssumptions, stakeholders };
  memo = { answers: state.answers, weights: state.weights, participants: state.participants, costAssumptions: state.costAssumptions, pack, value };
  return value;
}

/** The live evaluation of the open workshop, recomputed synchronously whenever answers, weights or cost assumptions change. */
export function useDerived(): Derived | null {
  const pack = usePack();
  const session = useAppStore((s) => s.session);
  return session ? derive(pack, session) : null;
}
