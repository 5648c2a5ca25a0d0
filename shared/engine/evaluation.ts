/** A fired rule, cited by id, with the consideration it encodes and its rationale. */
export interface RuleReason {
  rule: string;
  consideration: string;
  rationale: string;
}

/** One adjustment a fired rule made to an option's score on a criterion. */
export interface ScoreReason extends RuleReason {
  criterion: string;
  by: number;
}

/** How one criterion contributed to an option's score. */
export interface CriterionScore {
  criterion: string;
  /** The criterion's weight in this evaluation (0..5 scale). */
  weight: number;
  baseline: number;
  /** Sum of fired adjustments, before clamping. */
  adjustment: number;
  /** baseline + adjustment, clamped to 0..1. */
  score: number;
  /** This criterion's share of the option's score: weight × score / total weight (they sum to the score). */
  contribution: number;
}

/** An option in a decision's ranking. */
export interface RankedOption {
  option: string;
  label: string;
  /** 1-based rank; excluded options rank after every other option. */
  rank: number;
  /** Weighted average of the criterion scores, 0..1. */
  score: number;
  excluded: boolean;
  criteria: CriterionScore[];
  reasons: ScoreReason[];
  /** Why it scores as it does before any rule (the pack's rationale of the option), or null for an option derived from the use cases. */
  rationale: string | null;
}

/** An option a hard constraint removed, with every rule that removed it. */
export interface ExcludedOption {
  option: string;
  /** For a decision derived from the use cases, `useCase` names the use case whose constraint it is. */
  reasons: Array<{ rule: string; consideration: string; reason: string; useCase?: string }>;
}

/** A risk a fired rule raised for this decision, with what to do about it. */
export interface Risk {
  rule: string;
  consideration: string;
  severity: 'high' | 'medium';
  /** The option the risk is about (shown only while the room's choice, else the recommendation, is that option), or null for any. */
  option: string | null;
  message: string;
  action: string;
  /** On a decision derived from the use cases: the use case this risk is about (its id), when it is one's. */
  useCase?: string;
}

/** Where the top option changes when one weight moves in one direction. */
export interface FlipTarget {
  /** The exact weight at which the new option draws level; just past it, `to` is on top. */
  atWeight: number;
  to: string;
  /** False when the weight is beyond the 0..5 scale people set. */
  withinScale: boolean;
}

/** Sensitivity of a decision's recommendation to one criterion's weight (others held fixed). */
export interface FlipPoint {
  criterion: string;
  weight: number;
  /** Raising the weight: the first point where the top option changes, or null when it never does. */
  raise: FlipTarget | null;
  /** Lowering the weight towards 0: the first point where the top option changes, or null. */
  lower: FlipTarget | null;
}

/** A factor nobody answered that a rule about this decision needed. */
export interface UnansweredFactor {
  factor: string;
  prompt: string;
  /** Rules that could not be decided without it. */
  rules: string[];
  /** On a decision derived from the use cases: the use case whose answer it is (its id). */
  useCase?: string;
}

/** A rule that made a decision not applicable. */
export interface NotApplicableReason {
  rule: string;
  consideration: string;
  reason: string;
}

/** How sure the engine is of a recommendation (see confidence.ts for the thresholds). */
export interface Confidence {
  /** `too-close`: a tie, shown as one; `leaning`: ahead, but priorities or answers could move it; `clear`: robust with a real lead. */
  level: 'clear' | 'leaning' | 'too-close';
  /** For a tie: the options in it, the recommendation first; empty otherwise. */
  tied: string[];
  /** Why, in a sentence. */
  why: string;
}

/** Everything the engine says about one decision. */
export interface DecisionEvaluation {
  id: string;
  title: string;
  applicable: boolean;
  notApplicableBecause: NotApplicableReason[];
  /** The top option that no rule excluded; null when the decision does not apply or every option is excluded. */
  recommended: string | null;
  /** Score gap between the recommendation and the next non-excluded option (null when there is none). */
  margin: number | null;
  ranking: RankedOption[];
  excluded: ExcludedOption[];
  /**
   * The risks of fired rules for the option this decision goes with, high first (then pack order): the room's
   * choice where it made one (EvaluateOptions.decided), else the recommendation. Risks naming no option are the
   * decision's own and come with either. Empty for a decision that does not apply: a room's choice for it is set
   * aside while it does not apply (nothing downstream reads it either).
   */
  risks: Risk[];
  flipPoints: FlipPoint[];
  /** Share of seeded random weight perturbations that keep the recommendation (null when not computed). */
  robustness: number | null;
  /** How sure the recommendation is (null when there is none). */
  confidence: Confidence | null;
  unanswered: UnansweredFactor[];
  /** For an organisation decision derived from the use cases: where each use case lands under its outcome. */
  portfolio?: DecisionPortfolio;
}

/**
 * How one use case's part lands under a derived decision's outcome: `own` its own recommendation, `roadmap`
 * moved to fit the organisation's outcome, `room` the room's choice for it, `implied` the part has no decision
 * of its own and counts as an option (a provider's API runs in the provider's cloud), `conflict` the room's
 * choice for the organisation leaves it nowhere (it keeps its own), `none` nothing to place.
 */
export type PartSource = 'own' | 'roadmap' | 'room' | 'implied' | 'conflict' | 'none';

/** One use case's decision that a derived decision is drawn from. */
export interface PortfolioPart {
  decision: string;
  /** Where it lands under the outcome (null: nothing to place). */
  option: string | null;
  /** Its own recommendation, or the room's choice for it (null when it has none). */
  ownBest: string | null;
  source: PartSource;
}

/** Where each use case lands under a derived decision's outcome (the room's choice, else the recommendation). */
export interface DecisionPortfolio {
  kind: 'uniform' | 'main-approach';
  /** The use-case decisions it is drawn from. */
  from: string[];
  /** The outcome the rows follow (null when the decision does not apply or has no option left). */
  outcome: string | null;
  useCases: Array<{ useCase: string; name: string; parts: PortfolioPart[] }>;
  /** Ids of the use cases that land other than on their own (uniform) or differ from the main approach. */
  differ: string[];
  /**
   * Where every use case would land under each option, for pricing and comparing them: a part an option cannot
   * place (it is excluded) is shown where the option would have to put it; null where there is nothing to place.
   */
  byOption: Array<{ option: string; useCases: Array<{ useCase: string; parts: Array<{ decision: string; option: string | null }> }> }>;
}

/** Where one use case lands on one of its decisions, after the organisation's outcomes. */
export interface UseCaseOutcome {
  decision: string;
  option: string | null;
  source: PartSource;
}

/** Everything the engine says about one use case: its own ranked decisions and where it finally lands. */
export interface UseCaseEvaluation {
  id: string;
  name: string;
  /** Its decisions, ranked on its own answers (their risks are those of where it lands). */
  decisions: DecisionEvaluation[];
  /** Where it lands on each of its decisions once the organisation's outcomes are settled. */
  outcomes: UseCaseOutcome[];
  /** Its use-case factors nobody answered, in pack order. */
  unanswered: string[];
  /** Ids of the rules that held for it (its answers with the organisation's), in pack order. */
  firedRules: string[];
}

/** Answers that disagree with each other (a pack's consistency check that holds), and what to ask. */
export interface ConsistencyIssue {
  check: string;
  /** The use case whose answers disagree (its id), or absent for the organisation's. */
  useCase?: string;
  /** The factors the check reads, in pack order. */
  factors: string[];
  message: string;
  ask: string;
}

/** The engine's answer for a workshop: plain data, byte-identical JSON for the same input. */
export interface Evaluation {
  pack: { id: string; version: string };
  weights: Array<{ criterion: string; weight: number }>;
  /** The organisation's decisions. */
  decisions: DecisionEvaluation[];
  /** Each use case of the roadmap, in its order (none for a pack without use cases). */
  useCases: UseCaseEvaluation[];
  /** Every unanswered organisation factor (aggregates excluded), in pack order. */
  unanswered: string[];
  /** Ids of every rule whose condition held, in pack order; then `cost-model` when the cost model scored cost. */
  firedRules: string[];
  /** Answers that disagree: the organisation's first, then each use case's in roadmap order, each in pack order. */
  consistency: ConsistencyIssue[];
}
