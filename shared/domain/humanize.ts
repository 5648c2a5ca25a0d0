/** Pack ids written as words keep their hyphen ("On-premises", "Real-time"); the others read with spaces. */
const KEEP_HYPHEN = new Set(['on-premises', 'real-time', 'near-real-time', 'hub-and-spoke', 'multi-cloud', 'single-cloud', 'pre-built-apis', 'in-country', 'decision-maker']);

/** Turns a pack id such as `on-premises` or `one-provider` into words a person reads ("On-premises", "One provider"). */
export function humanize(id: string): string {
  const spaced = KEEP_HYPHEN.has(id) ? id : id.replace(/-/g, ' ');
  const text = spaced.replace(/\bapis\b/g, 'APIs').replace(/\bml\b/gi, 'ML').replace(/\bai\b/gi, 'AI');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a decision's options are named by: their ids and labels (a pack's decision has this shape). */
export interface LabelledOptions {
  options: ReadonlyArray<{ id: string; label: string }>;
}

/** The label a decision gives one of its options; the id in words when the decision is unknown or lacks the option. */
export function optionLabel(decision: LabelledOptions | null | undefined, option: string): string {
  return decision?.options.find((o) => o.id === option)?.label ?? humanize(option);
}
