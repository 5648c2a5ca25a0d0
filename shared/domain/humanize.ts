/** Pack ids written as words keep their hyphen ("On-premises", "Real-time"); the others read with spaces. */
const KEEP_HYPHEN = new Set(['on-premises', 'real-time', 'near-real-time', 'hub-and-spoke', 'multi-cloud', 'single-cloud', 'pre-built-apis', 'in-country', 'decision-maker']);

/** Turns a pack id such as `on-premises` or `one-provider` into words a person reads ("On-premises", "One provider"). */
export function humanize(id: string): string {
  const spaced = KEEP_HYPHEN.has(id) ? id : id.replace(/-/g, ' ');
  const text = spaced.replace(/\bapis\b/g, 'APIs').replace(/\bml\b/gi, 'ML').replace(/\bai\b/gi, 'AI');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
