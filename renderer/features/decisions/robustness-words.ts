import type { DecisionEvaluation } from '../../../shared/engine';

/** Robustness as a facilitator would say it: "stays the top choice in 87% of plausible weightings". */
export function robustnessInWords(d: DecisionEvaluation): string {
  if (d.robustness === null || !d.recommended) return 'No robustness figure: there is no recommendation.';
  const share = Math.round(d.robustness * 100);
  return `Stays the top choice in ${share}% of plausible weightings.`;
}

/** A one-word confidence for summaries, from robustness and the score margin. */
export function confidenceLabel(d: DecisionEvaluation): 'firm' | 'leaning' | 'open' | 'n/a' {
  if (!d.applicable || !d.recommended || d.robustness === null) return 'n/a';
  if (d.robustness >= 0.85 && (d.margin ?? 0) >= 0.03) return 'firm';
  if (d.robustness >= 0.6) return 'leaning';
  return 'open';
}
