import type { DecisionEvaluation } from '../../../shared/engine';
import { percent } from '../../../shared/util';

/** Robustness as a facilitator would say it: "stays the top choice in 87% of plausible weightings (and answers to open questions)". */
export function robustnessInWords(d: DecisionEvaluation, label?: (option: string) => string): string {
  if (d.robustness === null || !d.recommended) return 'No robustness figure: there is no recommendation.';
  // In a tie, say which option stays on top: the other is as close.
  const who = d.confidence?.level === 'too-close' && label ? `${label(d.recommended)} stays` : 'Stays';
  return `${who} the top choice in ${percent(d.robustness)} of plausible weightings and answers to any open questions.`;
}
