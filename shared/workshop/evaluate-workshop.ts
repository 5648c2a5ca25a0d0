import type { CostAssumptions } from '../cost';
import { UNNAMED_PARTICIPANT, chosenOptions, nameOfUseCase, type Participant, type WorkshopState } from '../domain';
import { evaluate, knownRoomChoices, stakeholderRankings, type CompiledPack, type Evaluation, type Roadmap, type StakeholderAnalysis } from '../engine';
import { withBudgetRisk } from './budget-risk';
import { workshopCost } from './workshop-cost';
import { workshopCostAssumptions } from './workshop-cost-assumptions';

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

/** The workshop as the engine reads it: the organisation's answers and each use case with the room's choices for it. */
export function workshopRoadmap(state: WorkshopState): Roadmap {
  return {
    answers: state.answers,
    useCases: state.useCases.map((u) => ({ id: u.id, name: nameOfUseCase(u), answers: u.answers, decided: chosenOptions(u.roomChoices) })),
  };
}

export interface WorkshopEvaluation {
  /** The weights the evaluation used: the geometric mean of the room's, or the pack's defaults. */
  weights: Record<string, number>;
  evaluation: Evaluation;
  /** The roadmap the engine was given (workshopRoadmap). */
  roadmap: Roadmap;
  /** The cost model's assumptions the evaluation used (the workshop's, over the defaults). */
  costAssumptions: CostAssumptions;
  /** Each participant's own ranking and the room's agreement; null when nobody weighs. */
  stakeholders: StakeholderAnalysis | null;
  /** The room's own option per organisation decision the pack has, in pack order, as the engine was given it (EvaluateOptions.decided). */
  decided: Record<string, string>;
}

/** Evaluates a workshop state the same way everywhere (wizard, exports, CLI): group weights, then the engine with the cost model. */
export function evaluateWorkshop(pack: CompiledPack, state: WorkshopState): WorkshopEvaluation {
  const costAssumptions = workshopCostAssumptions(state.costAssumptions);
  // What follows from a decision the room settled follows from the room's choice (EvaluateOptions.decided).
  const decided = knownRoomChoices(pack, roomChoiceOptions(state));
  const roadmap = workshopRoadmap(state);
  const people = weighingParticipants(state.participants);
  const stakeholders =
    people.length > 0
      ? stakeholderRankings(
          pack,
          roadmap,
          people.map((p) => ({ name: p.name || UNNAMED_PARTICIPANT, role: p.role, weights: participantWeights(pack, state, p.id) })),
          undefined,
          { costAssumptions, decided },
        )
      : null;
  const weights = stakeholders ? Object.fromEntries(stakeholders.groupWeights.map((w) => [w.criterion, w.weight])) : defaultWeights(pack);
  const evaluated = evaluate(pack, roadmap, weights, { costAssumptions, decided });
  // Over budget at production volume is a risk of the deployment the room goes with: priced by the same model.
  const evaluation = withBudgetRisk(evaluated, workshopCost(state, evaluated, costAssumptions), decided);
  return { weights, evaluation, roadmap, costAssumptions, stakeholders, decided };
}

/** The room's own option per organisation decision (room choices win over recommendations in diagrams and records). */
export function roomChoiceOptions(state: WorkshopState): Record<string, string> {
  return chosenOptions(state.roomChoices);
}
