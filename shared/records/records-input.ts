import type { Workshop } from '../domain';
import type { WorkshopState } from '../domain';
import type { CostEstimate } from '../cost';
import { stackToSvg } from '../diagram';
import { packFingerprint, type CompiledPack, type Evaluation, type StakeholderAnalysis } from '../engine';
import { evaluateWorkshop, workshopCost, workshopStackLayout } from '../workshop';
import type { DecisionRecord } from './record-status';

/** Everything the record serializers read. Pure data: the clock is read by the caller (`generatedAt`). */
export interface RecordsInput {
  workshop: Workshop;
  state: WorkshopState;
  pack: CompiledPack;
  /** packFingerprint(pack.pack); computed when left out. */
  packSha256?: string;
  /** The evaluation with the room's choices (evaluateWorkshop's), so its risks are those of the room's choice. */
  evaluation: Evaluation;
  /** Each participant's ranking and the room's agreement (null when nobody weighs). */
  stakeholders?: StakeholderAnalysis | null;
  /** The stack diagram as SVG, for the HTML report. */
  stackSvg?: string;
  /** The cost model's estimate; null or absent while the volumes are unanswered. */
  cost?: CostEstimate | null;
  /** Each decision's record lifecycle; a decision without one is proposed. */
  records?: readonly DecisionRecord[];
  /** When the export was made, as an ISO 8601 date-time. */
  generatedAt: string;
}

/** What buildRecordsInput needs beyond the workshop itself. */
export interface RecordsInputOptions {
  generatedAt: string;
  records?: readonly DecisionRecord[];
  /** Draw the stack diagram for the HTML report (default true). */
  diagram?: boolean;
}

/** Builds the serializers' input from a saved workshop: evaluated, drawn and costed the same way as everywhere else. */
export function buildRecordsInput(workshop: Workshop, state: WorkshopState, pack: CompiledPack, options: RecordsInputOptions): RecordsInput {
  const { evaluation, stakeholders, costAssumptions } = evaluateWorkshop(pack, state);
  const packSha256 = packFingerprint(pack.pack);
  const stackSvg = options.diagram === false ? undefined : stackToSvg(workshopStackLayout(workshop, state, evaluation, packSha256));
  return {
    workshop,
    state,
    pack,
    packSha256,
    evaluation,
    stakeholders,
    ...(stackSvg !== undefined ? { stackSvg } : {}),
    cost: workshopCost(state, evaluation, costAssumptions),
    ...(options.records !== undefined ? { records: options.records } : {}),
    generatedAt: options.generatedAt,
  };
}

/** The pack's sha256 for an input (taken from the input when present). */
export function inputPackSha256(input: RecordsInput): string {
  return input.packSha256 ?? packFingerprint(input.pack.pack);
}

/** The deployment options a constraint rules out in this evaluation (the cost model prices them all). */
export function excludedDeployments(input: Pick<RecordsInput, 'evaluation'>): string[] {
  return input.evaluation.decisions.find((d) => d.id === 'deployment')?.excluded.map((x) => x.option) ?? [];
}
