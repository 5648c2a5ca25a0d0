/** What a rule that reads decisions reads, and which decisions it can make not applicable (ids). */
export interface DecisionRuleLinks {
  reads: ReadonlySet<string>;
  marks: ReadonlySet<string>;
}

/**
 * The order rules that read decisions run in: a rule that can make a decision not applicable runs before every
 * rule that reads that decision, so what a rule sees never depends on where the pack lists it; otherwise pack
 * order. When the rules depend on each other in a circle there is no such order: `circle` names one (indexes,
 * the first repeated at the end), and `order` keeps pack order for the rules caught in it.
 */
export function decisionRuleOrder(rules: readonly DecisionRuleLinks[]): { order: number[]; circle: number[] | null } {
  // before[s]: the rules that must run before rule s (they can make a decision s reads not applicable).
  const before = rules.map((s, si) => rules.flatMap((r, ri) => (ri !== si && [...r.marks].some((d) => s.reads.has(d)) ? [ri] : [])));
  const done = new Array<boolean>(rules.length).fill(false);
  const order: number[] = [];
  let circle: number[] | null = null;
  while (order.length < rules.length) {
    let next = rules.findIndex((_, i) => !done[i] && before[i]!.every((j) => done[j]));
    if (next < 0) {
      circle ??= findCircle(before, done);
      next = done.indexOf(false);
    }
    done[next] = true;
    order.push(next);
  }
  return { order, circle };
}

/** A circle among the rules not yet placed, each of which waits on another (so one exists). */
function findCircle(before: readonly number[][], done: readonly boolean[]): number[] {
  const path: number[] = [];
  let at = done.indexOf(false);
  while (!path.includes(at)) {
    path.push(at);
    at = before[at]!.find((j) => !done[j])!;
  }
  // `path` runs along "must run after"; read it the other way, as "makes not applicable what the next reads".
  return [...path.slice(path.indexOf(at)), at].reverse();
}
