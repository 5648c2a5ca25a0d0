import type { Confidence, DecisionEvaluation, RankedOption } from './evaluation';

/**
 * Options whose scores are this close are too close to call. Rules move an option by 0.05 to 0.2 on one
 * criterion, about a seventh of the weight under default weights: 0.007 to 0.03 of its score. A lead under 0.01 is
 * less than one ordinary rule's effect, so one answer read differently would reverse it.
 */
export const TIE_MARGIN = 0.01;
/** Under this share of perturbed weightings keeping the top option, the call is too close to make. */
export const TIE_ROBUSTNESS = 0.6;
/** A clear call: at least this share of perturbed weightings keeps it, and it leads by CLEAR_MARGIN or more. */
export const CLEAR_ROBUSTNESS = 0.85;
export const CLEAR_MARGIN = 0.03;

/** Each confidence level as screens, records and reports name it. */
export const CONFIDENCE_LABELS = { clear: 'Clear', leaning: 'Leaning', 'too-close': 'Too close to call' } as const;

/**
 * The options the engine backs for a decision: each option of the tie when the recommendation is too close to
 * call, else the recommendation; none when it recommends nothing (every option excluded, or the decision does not
 * apply). Choosing one of them is going with the engine.
 */
export function backedOptions(d: Pick<DecisionEvaluation, 'applicable' | 'recommended' | 'confidence'>): string[] {
  if (!d.applicable || d.recommended === null) return [];
  const tie = d.confidence;
  return tie?.level === 'too-close' && tie.tied.includes(d.recommended) ? [...tie.tied] : [d.recommended];
}

function figure(x: number): string {
  return x.toFixed(3);
}

/** A lead below a threshold written so it reads below it: rounded down (0.0099 is "0.009", not "0.010"). */
function lead(x: number): string {
  return x < 0.001 ? 'under 0.001' : (Math.floor(x * 1000) / 1000).toFixed(3);
}

/**
 * How sure a recommendation is, from its lead over the next option left and from its robustness (null when not
 * computed; it samples the weights and the open questions): too close to call (a tie, with the options in it),
 * leaning, or clear. `challenger` is the option that most often took the top in the samples. Null without a
 * recommendation.
 */
export function confidenceOf(
  ranking: readonly RankedOption[],
  recommended: string | null,
  margin: number | null,
  robustness: number | null,
  challenger: string | null = null,
): Confidence | null {
  if (recommended === null) return null;
  const live = ranking.filter((r) => !r.excluded);
  const top = live[0] ?? ranking.find((r) => r.option === recommended)!;
  if (margin !== null && margin < TIE_MARGIN) {
    const tied = live.filter((r) => top.score - r.score < TIE_MARGIN).map((r) => r.option);
    return { level: 'too-close', tied, why: `The top ${tied.length === 2 ? 'two' : tied.length} are less than ${figure(TIE_MARGIN)} apart (a lead of ${lead(margin)}), less than one ordinary rule moves an option.` };
  }
  if (robustness !== null && robustness < TIE_ROBUSTNESS) {
    // Tied with the option that most often took its place; where none did, the decision stopped applying instead.
    if (challenger !== null && challenger !== top.option) {
      return { level: 'too-close', tied: [top.option, challenger], why: `Another option takes its place in more than ${100 - Math.round(TIE_ROBUSTNESS * 100)}% of plausible weightings and answers to the open questions.` };
    }
    return { level: 'leaning', tied: [], why: 'In many plausible weightings and answers to the open questions the decision does not apply at all.' };
  }
  if ((robustness === null || robustness >= CLEAR_ROBUSTNESS) && (margin === null || margin >= CLEAR_MARGIN)) {
    return { level: 'clear', tied: [], why: margin === null ? (live.length <= 1 ? 'It is the only option left.' : 'It leads the options left.') : `It leads by ${figure(margin)}.` };
  }
  return {
    level: 'leaning',
    tied: [],
    why: margin !== null && margin < CLEAR_MARGIN ? `It leads by only ${figure(margin)}.` : 'A shift in priorities or an answer to an open question could move it.',
  };
}
