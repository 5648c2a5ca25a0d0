import {
  evaluate,
  DEFAULT_ROBUSTNESS_SAMPLES,
  DEFAULT_ROBUSTNESS_SEED,
  factorInfluence,
  stakeholderRankings,
  DEFAULT_ROBUSTNESS_SPREAD,
  type AnswersFile,
  type CompiledPack,
  type ConsistencyIssue,
  type DecisionEvaluation,
  type Roadmap,
  type StakeholderAnalysis,
  type UseCaseEvaluation,
} from '../../shared/engine';
import type { WorkshopFile } from '../../shared/records';
import { evaluateWorkshop } from '../../shared/workshop';

/** What `stratum evaluate` prints as JSON (and what the text and markdown views are drawn from). */
export interface EvaluationReport {
  format: 'stratum.evaluation';
  version: 1;
  pack: { id: string; version: string; sha256: string };
  /** The file evaluated and its format: an answers file, or an exported workshop (evaluated as the app does). */
  input: { file: string; title: string | null; format: 'stratum.answers' | 'stratum.workshop' };
  robustness: { samples: number; spread: number; seed: number };
  weights: Record<string, number>;
  /**
   * The room's own option per decision (decision id → option id) the evaluation was given: what depends on an
   * applicable decision follows its choice (a decision that does not apply has no outcome for others to read),
   * and a decision's option risks are its choice's (EvaluateOptions.decided).
   * A workshop file's room choices for decisions and options the pack has, in pack order; `{}` when there are
   * none, and always for an answers file.
   */
  decided: Record<string, string>;
  /** The organisation's five decisions (the shape of version 1). */
  decisions: DecisionEvaluation[];
  /** Each use case of the roadmap: its own ranked decisions and where it lands once the organisation's are settled. */
  useCases: UseCaseEvaluation[];
  /** Every unanswered organisation factor, in pack order (each use case lists its own). */
  unanswered: string[];
  /** Answers that disagree with each other, and what to ask (`useCase`: that use case's answers). */
  consistency: ConsistencyIssue[];
  /** Unanswered questions whose answer could change a recommendation, most consequential first (`useCase`: asked of that use case). */
  settleFirst: Array<{ factor: string; prompt: string; useCase?: string; couldChange: Array<{ decision: string; to: string[]; useCase?: string }> }>;
  stakeholders: StakeholderAnalysis | null;
}

/** Evaluates an answers file and gathers everything the CLI reports. */
export function buildEvaluationReport(
  pack: CompiledPack,
  sha256: string,
  file: string,
  answers: AnswersFile,
  robustness: { samples: number; seed: number },
): EvaluationReport {
  const costAssumptions = answers.costAssumptions;
  const roadmap: Roadmap = { answers: answers.answers, useCases: answers.useCases.map((u) => ({ id: u.id, name: u.name, answers: u.answers })) };
  const evaluation = evaluate(pack, roadmap, answers.weights, { robustness: { samples: robustness.samples, seed: robustness.seed }, costAssumptions });
  const settleFirst = settle(factorInfluence(pack, roadmap, answers.weights, { costAssumptions }));
  return {
    format: 'stratum.evaluation',
    version: 1,
    pack: { id: evaluation.pack.id, version: evaluation.pack.version, sha256 },
    input: { file, title: answers.title ?? null, format: 'stratum.answers' },
    robustness: { samples: robustness.samples, spread: DEFAULT_ROBUSTNESS_SPREAD, seed: robustness.seed },
    weights: Object.fromEntries(evaluation.weights.map((w) => [w.criterion, w.weight])),
    // An answers file has no room: every decision goes with its recommendation.
    decided: {},
    decisions: evaluation.decisions,
    useCases: evaluation.useCases,
    unanswered: evaluation.unanswered,
    consistency: evaluation.consistency,
    settleFirst,
    stakeholders: answers.stakeholders.length > 0 ? stakeholderRankings(pack, roadmap, answers.stakeholders, answers.weights, { costAssumptions }) : null,
  };
}

/** The questions worth settling first: unanswered, and able to change a recommendation. */
function settle(influence: ReturnType<typeof factorInfluence>): EvaluationReport['settleFirst'] {
  return influence
    .filter((f) => !f.answered && f.couldChange.length > 0)
    .map((f) => ({ factor: f.factor, prompt: f.prompt, ...(f.useCase ? { useCase: f.useCase } : {}), couldChange: f.couldChange }));
}

/**
 * Evaluates an exported workshop exactly as the app does (evaluateWorkshop: the group's weights from the
 * participants, the workshop's cost assumptions). Only the robustness sample may differ, when asked for.
 */
export function buildWorkshopEvaluationReport(
  pack: CompiledPack,
  sha256: string,
  file: string,
  workshop: WorkshopFile,
  robustness: { samples: number; seed: number },
): EvaluationReport {
  const { state } = workshop;
  const room = evaluateWorkshop(pack, state);
  const asTheApp = robustness.samples === DEFAULT_ROBUSTNESS_SAMPLES && robustness.seed === DEFAULT_ROBUSTNESS_SEED;
  const evaluation = asTheApp
    ? room.evaluation
    : evaluate(pack, room.roadmap, room.weights, {
        robustness: { samples: robustness.samples, seed: robustness.seed },
        costAssumptions: room.costAssumptions,
        decided: room.decided,
      });
  const settleFirst = settle(factorInfluence(pack, room.roadmap, room.weights, { costAssumptions: room.costAssumptions, decided: room.decided }));
  return {
    format: 'stratum.evaluation',
    version: 1,
    pack: { id: evaluation.pack.id, version: evaluation.pack.version, sha256 },
    input: { file, title: workshop.workshop.title, format: 'stratum.workshop' },
    robustness: { samples: robustness.samples, spread: DEFAULT_ROBUSTNESS_SPREAD, seed: robustness.seed },
    weights: Object.fromEntries(evaluation.weights.map((w) => [w.criterion, w.weight])),
    decided: room.decided,
    decisions: evaluation.decisions,
    useCases: evaluation.useCases,
    unanswered: evaluation.unanswered,
    consistency: evaluation.consistency,
    settleFirst,
    stakeholders: room.stakeholders,
  };
}

/** Rounds to 4 decimals so JSON stays readable; -0 becomes 0. */
export function roundForOutput(value: number): number {
  const r = Math.round(value * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/** The report as pretty JSON with rounded numbers (deterministic: same input, same bytes). */
export function reportToJson(report: EvaluationReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' ? roundForOutput(value) : value), 2)}\n`;
}
