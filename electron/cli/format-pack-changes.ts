import type { PackChanges, ThresholdChange } from '../../shared/engine';

const OPS: Readonly<Record<ThresholdChange['op'], string>> = { eq: '=', ne: '≠', in: 'in', gt: '>', gte: '≥', lt: '<', lte: '≤' };

function value(v: ThresholdChange['from']): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  return items.length === 0 ? [] : [`${title} (${items.length}):`, ...items.map((x) => `  ${line(x)}`)];
}

/** `stratum pack compare` as text: one section per kind of change, each line marked + added, - removed, ~ changed. */
export function formatPackChanges(c: PackChanges): string {
  const head = `${c.other.id} ${c.other.version} ("${c.other.title}") against ${c.base.id} ${c.base.version} ("${c.base.title}")`;
  if (c.same) return `${head}: no decision, option, question, default weight, rule, exclusion, risk or consistency check differs.`;
  const lines = [
    `${head}:`,
    ...section('Decisions added', c.decisions.added, (d) => `+ ${d.id}: ${d.label}`),
    ...section('Decisions removed', c.decisions.removed, (d) => `- ${d.id}: ${d.label}`),
    ...section('Options', c.options, (o) => [...o.added.map((x) => `+ ${x.label} (${x.id})`), ...o.removed.map((x) => `- ${x.label} (${x.id})`)].map((x) => `${o.decision}: ${x}`).join('\n  ')),
    ...section('Questions added', c.factors.added, (f) => `+ ${f.id}: ${f.label}`),
    ...section('Questions removed', c.factors.removed, (f) => `- ${f.id}: ${f.label}`),
    ...section('Criteria added', c.criteria.added, (x) => `+ ${x.id}: ${x.label}`),
    ...section('Criteria removed', c.criteria.removed, (x) => `- ${x.id}: ${x.label}`),
    ...section('Default weights', c.criteria.weights, (w) => `~ ${w.label}: ${w.from} → ${w.to}`),
    ...section('Rules added', c.rules.added, (r) => `+ ${r.id}: ${r.label}`),
    ...section('Rules removed', c.rules.removed, (r) => `- ${r.id}: ${r.label}`),
    ...section('Rules changed', c.rules.changed, (r) => {
      const moved = r.thresholds.map((t) => `${t.factor} ${OPS[t.op]} ${value(t.from)} → ${OPS[t.op]} ${value(t.to)}`);
      return `~ ${r.id}: ${r.parts.join(', ')}${moved.length > 0 ? `; ${moved.join('; ')}` : ''}`;
    }),
    ...section('Exclusions added', c.exclusions.added, (x) => `+ ${x.decision}: ${x.option}, by ${x.rule}: ${x.reason}`),
    ...section('Exclusions removed', c.exclusions.removed, (x) => `- ${x.decision}: ${x.option}, by ${x.rule}: ${x.reason}`),
    ...section('Risks added', c.risks.added, (x) => `+ ${x.severity === 'high' ? 'High' : 'Medium'} on ${x.decision}, by ${x.rule}: ${x.message}`),
    ...section('Risks removed', c.risks.removed, (x) => `- ${x.severity === 'high' ? 'High' : 'Medium'} on ${x.decision}, by ${x.rule}: ${x.message}`),
    ...section('Consistency checks added', c.checks.added, (x) => `+ ${x.id}: ${x.label}`),
    ...section('Consistency checks removed', c.checks.removed, (x) => `- ${x.id}: ${x.label}`),
  ];
  return lines.join('\n');
}
