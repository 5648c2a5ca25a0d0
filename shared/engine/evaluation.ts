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
}

/** An option a hard constraint removed, with every rule that removed it. */
export interface ExcludedOption {
  option: string;
  reasons: Array<{ rule: string; consideration: string; reason: string }>;
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
}

/** A rule that made a decision not applicable. */
export interface NotApplicableReason {
  rule: string;
  consideration: string;
  reason: string;
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
   * choice where it made one (EvaluateOptions.decided; even when the decision does not apply, since the room
   * chose it anyway), else the recommendation. Risks naming no option are the decision's own and come with
   * either. Empty for a decision that does not apply and that the room left alone.
   */
  risks: Risk[];
  flipPoints: FlipPoint[];
  /** Share of seeded random weight perturbations that keep the recommendation (null when not computed). */
  robustness: number | null;
  unanswered: UnansweredFactor[];
}

/** The engine's answer for a workshop: plain data, byte-identical JSON for the same input. */
export interface Evaluation {
  pack: { id: string; version: string };
  weights: Array<{ criterion: string; weight: number }>;
  decisions: DecisionEvaluation[];
  /** Every unanswered factor, in pack order. */
  unanswered: string[];
  /** Ids of every rule whose condition held, in pack order; then `cost-model` when the cost model scored cost. */
  firedRules: string[];
}
