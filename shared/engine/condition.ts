import type { FactorValue } from './pack-schema';

/** Comparison operators on a factor's answer. Enums compare by their declared order for gt/gte/lt/lte. */
export type ComparisonOp = 'eq' | 'ne' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

/** Tests one factor's answer; an unanswered factor makes the comparison unknown. */
export interface FactorComparison {
  factor: string;
  op: ComparisonOp;
  value: FactorValue | FactorValue[];
}

/** Tests another decision's recommended option (only for rules that raise risks or mark decisions not applicable). */
export interface DecisionComparison {
  decision: string;
  op: 'eq' | 'ne' | 'in';
  value: string | string[];
}

/** A rule's condition: all / any / not over comparisons, evaluated in three-valued (Kleene) logic. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | FactorComparison
  | DecisionComparison;

export const COMPARISON_OPS: readonly ComparisonOp[] = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte'];
export const DECISION_OPS: readonly DecisionComparison['op'][] = ['eq', 'ne', 'in'];
