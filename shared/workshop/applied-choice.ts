import type { DecisionEvaluation } from '../engine';

/**
 * The room's choice for a decision, counted only while the decision applies: one made before it stopped applying
 * is set aside. Undefined when the decision does not apply, is not in the evaluation, or the room made no choice.
 * Reads the room's choices (WorkshopState.roomChoices) or their options (EvaluateOptions.decided) alike.
 */
export function appliedChoice<C>(d: Pick<DecisionEvaluation, 'id' | 'applicable'> | undefined, choices: Readonly<Record<string, C>>): C | undefined {
  return d?.applicable ? choices[d.id] : undefined;
}
