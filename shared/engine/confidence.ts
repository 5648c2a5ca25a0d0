import type { Confidence, RankedOption } from './evaluation';

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

function figure(x: number): string {
  return x.toFixed(3);
}

/** A lead below a threshold written so it reads below it: rounded down (0.0099 is "0.009", not "0.010"). */
function lead(x: number): string {
  return x < 0.001 ? 'under 0.001' : (Math.floor(x * 1000) / 1000).toFixed(3);
}

/**
 * How sure a recommendation is, from its lead over the next option left and from its robustness (null when not
 * computed): too close to call (a tie, with the options in it), leaning, or clear. Null without a recommendation.
 */
export function confidenceOf(ranking: readonly RankedOption[], recommended: string | null, margin: number | null, robustness: number | null): Confidence | null {
  if (recommended === null) return null;
  const live = ranking.filter((r) => !r.excluded);
  const top = live[0];
  if (!top || margin === null) return { level: 'clear', tied: [], why: live.length <= 1 ? 'It is the only option left.' : 'It leads the options left.' };
  const share = robustness === null ? null : `${Math.round(robustness * 100)}%`;
  if (margin < TIE_MARGIN) {
    const tied = live.filter((r) => top.score - r.score < TIE_MARGIN).map((r) => r.option);
    return { level: 'too-close', tied, why: `The top ${tied.length === 2 ? 'two' : tied.length} are less than ${figure(TIE_MARGIN)} apart (a lead of ${lead(margin)}), less than one ordinary rule moves an option.` };
  }
  if (robustness !== null && robustness < TIE_ROBUSTNESS) {
    return { level: 'too-close', tied: [top.option, live[1]!.option], why: `It stays on top in only ${share} of plausible weightings, under ${Math.round(TIE_ROBUSTNESS * 100)}%.` };
  }
  if ((robustness === null || robustness >= CLEAR_ROBUSTNESS) && margin >= CLEAR_MARGIN) {
    return { level: 'clear', tied: [], why: `It leads by ${figure(margin)}${share ? ` and stays on top in ${share} of plausible weightings` : ''}.` };
  }
  return {
    level: 'leaning',
    tied: [],
    why: margin < CLEAR_MARGIN ? `It leads by only ${figure(margin)}${share ? `, though it stays on top in ${share} of plausible weightings` : ''}.` : `It stays on top in ${share} of plausible weightings, so a shift in priorities could move it.`,
  };
}
