/** Edit distance between two strings (insert, delete, substitute, adjacent swap). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      cur[j] = best;
    }
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[m]!;
}

// Ids are short; nothing longer is worth an edit distance (which is quadratic in the lengths).
const MAX_SUGGESTED_LENGTH = 256;

/** The known id closest to what was typed, when it is close enough to be a likely typo; else undefined. */
export function closestId(input: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  const needle = input.toLowerCase().replace(/[-_\s]/g, '');
  const limit = Math.max(2, Math.floor(Math.max(needle.length, 1) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase().replace(/[-_\s]/g, '');
    // The distance is at least the difference in length: skip what cannot be a suggestion, so an oversized
    // id in a file costs a comparison of lengths, not a quadratic edit distance.
    if (Math.abs(hay.length - needle.length) > limit || needle.length > MAX_SUGGESTED_LENGTH) continue;
    const d = hay === needle ? 0 : editDistance(needle, hay);
    // Ties go to the earlier candidate, so suggestions are deterministic.
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  // A shortened id ("latency" for "latencyP95Ms") is a likely mistake too, when only one id starts that way.
  if (needle.length < 3) return undefined;
  const prefixed = candidates.filter((c) => c.toLowerCase().replace(/[-_\s]/g, '').startsWith(needle));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
