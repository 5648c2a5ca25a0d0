import { riskWhere, thresholdWords, type PackChanges } from '../../shared/engine';

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  return items.length === 0 ? [] : [`${title} (${items.length}):`, ...items.map((x) => `  ${line(x)}`)];
}

function score(x: number | null): string {
  return x === null ? 'none' : String(x);
}

function risk(x: PackChanges['risks']['added'][number]): string {
  return `${riskWhere(x)}, by ${x.rule}: ${x.message}`;
}

/** `stratum pack compare` as text: one section per kind of change, each line marked + added, - removed, ~ changed. */
export function formatPackChanges(c: PackChanges): string {
  const head = `${c.other.id} ${c.other.version} ("${c.other.title}") against ${c.base.id} ${c.base.version} ("${c.base.title}")`;
  if (c.same) return `${head}: the two evaluate alike; they differ at most in wording, typical use cases, question groups or expectations.`;
  const lines = [
    `${head}:`,
    ...section('Decisions added', c.decisions.added, (d) => `+ ${d.id}: ${d.label}`),
    ...section('Decisions removed', c.decisions.removed, (d) => `- ${d.id}: ${d.label}`),
    ...section('Decisions changed', c.decisions.changed, (d) => `~ ${d.id}: ${d.parts.join(', ')}`),
    ...section('Options', c.options.flatMap((o) => [...o.added.map((x) => `+ ${o.decision}: ${x.label} (${x.id})`), ...o.removed.map((x) => `- ${o.decision}: ${x.label} (${x.id})`)]), (line) => line),
    ...section('Baseline scores', c.baselines, (b) => `~ ${b.decision}: ${b.option} on ${b.criterion}: ${score(b.from)} → ${score(b.to)}`),
    ...section('Questions added', c.factors.added, (f) => `+ ${f.id}: ${f.label}`),
    ...section('Questions removed', c.factors.removed, (f) => `- ${f.id}: ${f.label}`),
    ...section('Questions changed', c.factors.changed, (f) => `~ ${f.id}: ${f.parts.join(', ')}`),
    ...section('Criteria added', c.criteria.added, (x) => `+ ${x.id}: ${x.label}`),
    ...section('Criteria removed', c.criteria.removed, (x) => `- ${x.id}: ${x.label}`),
    ...section('Default weights', c.criteria.weights, (w) => `~ ${w.label}: ${w.from} → ${w.to}`),
    ...section('Rules added', c.rules.added, (r) => `+ ${r.id}: ${r.label}`),
    ...section('Rules removed', c.rules.removed, (r) => `- ${r.id}: ${r.label}`),
    ...section('Rules changed', c.rules.changed, (r) => {
      const moved = r.thresholds.map(thresholdWords);
      return `~ ${r.id}: ${r.parts.join(', ')}${moved.length > 0 ? `; ${moved.join('; ')}` : ''}`;
    }),
    ...section('Exclusions added', c.exclusions.added, (x) => `+ ${x.decision}: ${x.option}, by ${x.rule}: ${x.reason}`),
    ...section('Exclusions removed', c.exclusions.removed, (x) => `- ${x.decision}: ${x.option}, by ${x.rule}: ${x.reason}`),
    ...section('Risks added', c.risks.added, (x) => `+ ${risk(x)}`),
    ...section('Risks removed', c.risks.removed, (x) => `- ${risk(x)}`),
    ...section('Consistency checks added', c.checks.added, (x) => `+ ${x.id}: ${x.label}`),
    ...section('Consistency checks removed', c.checks.removed, (x) => `- ${x.id}: ${x.label}`),
    ...section('Consistency checks changed', c.checks.changed, (x) => `~ ${x.id}: ${x.parts.join(', ')}`),
    ...(c.unlisted ? ['They also differ in a part the engine reads that is not itemised here (such as an option’s baseline rationale): compare the files.'] : []),
  ];
  return lines.join('\n');
}
