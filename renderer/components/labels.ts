/** Turns a pack id such as `on-premises` or `one-provider` into a label ("On-premises", "One provider"). */
export function humanize(id: string): string {
  const KEEP_HYPHEN = new Set(['on-premises', 'real-time', 'hub-and-spoke', 'multi-cloud', 'single-cloud', 'pre-built-apis', 'in-country', 'decision-maker']);
  const spaced = KEEP_HYPHEN.has(id) ? id : id.replace(/-/g, ' ');
  const text = spaced.replace(/\bapis\b/g, 'APIs').replace(/\bml\b/gi, 'ML').replace(/\bai\b/gi, 'AI');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 0.87 → "87%". */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
