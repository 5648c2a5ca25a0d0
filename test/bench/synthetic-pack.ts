// A synthetic rule pack for the benchmark: 100 rules with 3 to 4 conditions each over 20 factors,
// scoring the default pack's decisions and criteria. Seeded, so every run measures the same pack.
import { createRandom } from '../../shared/util/prng';
import { defaultPack, type Pack } from '../../shared/engine';

export function syntheticPackJson(seed = 7): unknown {
  const random = createRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const base = defaultPack().pack;
  // The default pack's decisions as a pack without use cases: every one scored by rules, for the organisation.
  const decisions = base.decisions
    .filter((d) => !d.portfolio)
    .map((d) => ({ id: d.id, title: d.title, question: d.question, options: d.options }));
  const factors: Pack['factors'] = [];
  for (let i = 0; i < 20; i++) {
    const id = `f${i}`;
    if (i < 12) factors.push({ id, type: 'enum', values: Array.from({ length: 3 + (i % 3) }, (_, k) => `v${k}`), prompt: `Factor ${i}?`, help: 'Synthetic.' });
    else if (i < 16) factors.push({ id, type: 'number', min: 0, max: 100, prompt: `Factor ${i}?`, help: 'Synthetic.' });
    else factors.push({ id, type: 'boolean', prompt: `Factor ${i}?`, help: 'Synthetic.' });
  }
  const comparison = () => {
    const f = pick(factors);
    if (f.type === 'enum') {
      const op = pick(['eq', 'ne', 'in', 'gte', 'lte'] as const);
      if (op === 'in') return { factor: f.id, op, value: [pick(f.values), pick(f.values)].filter((v, i, a) => a.indexOf(v) === i) };
      return { factor: f.id, op, value: pick(f.values) };
    }
    if (f.type === 'number') return { factor: f.id, op: pick(['gt', 'gte', 'lt', 'lte'] as const), value: int(100) };
    return { factor: f.id, op: pick(['eq', 'ne'] as const), value: random() < 0.5 };
  };
  const rules = Array.from({ length: 100 }, (_, r) => {
    const n = 3 + int(2);
    const parts: unknown[] = Array.from({ length: n }, comparison);
    // Some rules nest: all of the first conditions and any of the last two, or a negation.
    let when: unknown = { all: parts };
    if (n === 4 && random() < 0.5) when = { all: [parts[0], parts[1], { any: [parts[2], parts[3]] }] };
    else if (random() < 0.2) when = { all: [parts[0], { not: parts[1] }, ...parts.slice(2)] };
    const effects: unknown[] = [];
    const adjustments = 1 + int(3);
    for (let k = 0; k < adjustments; k++) {
      const d = pick(decisions);
      effects.push({ type: 'adjust', decision: d.id, option: pick(d.options).id, criterion: pick(base.criteria).id, by: Math.round((random() * 0.4 - 0.2) * 100) / 100 || 0.05 });
    }
    if (random() < 0.1) {
      const d = pick(decisions);
      effects.push({ type: 'risk', decision: d.id, severity: pick(['high', 'medium']), message: 'Synthetic risk.', action: 'Synthetic action.' });
    }
    return { id: `rule-${r}`, consideration: 'synthetic', rationale: `Synthetic rule ${r}.`, when, effects };
  });
  return {
    format: 'stratum.pack',
    version: 1,
    id: 'synthetic-bench',
    title: 'Synthetic benchmark pack',
    packVersion: '1.0.0',
    description: 'Benchmark only.',
    considerations: [{ id: 'synthetic', label: 'Synthetic' }],
    factors,
    criteria: base.criteria,
    decisions,
    rules,
  };
}
