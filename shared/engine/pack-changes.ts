import type { Condition, DecisionComparison, FactorComparison } from './condition';
import type { Pack, RiskEffect, Rule } from './pack-schema';
import { canonicalJson } from '../util/canonical-json';

/** A thing a pack has that the other lacks: its id and the words a person knows it by. */
export interface Named {
  id: string;
  label: string;
}

/** A comparison whose value moved, where a changed rule keeps its condition's shape: a threshold or a list of values. */
export interface ThresholdChange {
  factor: string;
  op: FactorComparison['op'];
  from: FactorComparison['value'];
  to: FactorComparison['value'];
}

/** A rule both packs have, changed: which of its parts, and the thresholds that moved. */
export interface RuleChange {
  id: string;
  rationale: string;
  parts: Array<'condition' | 'effects' | 'rationale' | 'consideration'>;
  thresholds: ThresholdChange[];
}

/** A risk a rule raises: the rule, the decision (and the option it is limited to, if any), its severity and message. */
export interface RiskSummary {
  rule: string;
  decision: string;
  option: string | null;
  severity: RiskEffect['severity'];
  message: string;
}

/** Something both packs have whose meaning changed (not its wording): which of its parts. */
export interface Changed {
  id: string;
  label: string;
  parts: string[];
}

export interface AddedRemoved<T> {
  added: T[];
  removed: T[];
}

/**
 * What `other` changes against `base`, in the terms a pack author and a facilitator use: decisions, options,
 * questions, criteria and their default weights, rules (added, removed, changed, with the thresholds that moved),
 * the risks rules raise, exclusions and consistency checks. Empty lists where nothing changed.
 */
export interface PackChanges {
  base: { id: string; version: string; title: string };
  other: { id: string; version: string; title: string };
  decisions: AddedRemoved<Named> & { changed: Changed[] };
  options: Array<{ decision: string } & AddedRemoved<Named>>;
  /** An option's score before any rule, per criterion, where both packs have the option. */
  baselines: Array<{ decision: string; option: string; criterion: string; from: number | null; to: number | null }>;
  factors: AddedRemoved<Named> & { changed: Changed[] };
  criteria: AddedRemoved<Named> & { weights: Array<{ id: string; label: string; from: number; to: number }> };
  rules: AddedRemoved<Named> & { changed: RuleChange[] };
  risks: AddedRemoved<RiskSummary>;
  exclusions: AddedRemoved<{ rule: string; decision: string; option: string; reason: string }>;
  checks: AddedRemoved<Named> & { changed: Changed[] };
  /**
   * True when the packs would evaluate alike: they differ at most in wording (titles, labels, descriptions, prompts,
   * help, pros and cons), their typical use cases, their groups of questions and their declared expectations.
   */
  same: boolean;
  /** True when they would not evaluate alike but none of the lists above says why (a part this comparison does not itemise). */
  unlisted: boolean;
}

const OP_WORDS: Readonly<Record<ThresholdChange['op'], string>> = { eq: '=', ne: '≠', in: 'in', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/** A moved threshold as a pack author reads it: "latencyP95Ms < 20 → < 10". */
export function thresholdWords(t: ThresholdChange): string {
  const value = (v: ThresholdChange['from']) => (Array.isArray(v) ? v.map(String).join(', ') : String(v));
  return `${t.factor} ${OP_WORDS[t.op]} ${value(t.from)} → ${OP_WORDS[t.op]} ${value(t.to)}`;
}

/** Where a risk applies, in words: "High on serving-placement", with the option it is limited to. */
export function riskWhere(r: RiskSummary): string {
  return `${r.severity === 'high' ? 'High' : 'Medium'} on ${r.decision}${r.option ? ` (${r.option})` : ''}`;
}

/** Fields that are words for people, not what the engine reads. */
const WORDING = new Set(['title', 'label', 'description', 'prompt', 'help', 'question', 'pros', 'cons', 'group']);

/** What the engine reads of a pack: everything but its name, version, author, wording, catalogue, groups and expectations. */
function meaning(value: unknown, top = true): unknown {
  if (Array.isArray(value)) return value.map((v) => meaning(v, false));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (WORDING.has(k)) continue;
    if (top && ['id', 'packVersion', 'author', 'catalogue', 'groups', 'expectations', 'format', 'version'].includes(k)) continue;
    out[k] = meaning(v, false);
  }
  return out;
}

/** The parts of two records (by key) whose meaning differs, wording aside. */
function changedParts(a: object, b: object, skip: readonly string[] = []): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !WORDING.has(k) && !skip.includes(k));
  return keys.filter((k) => canonicalJson((a as Record<string, unknown>)[k] ?? null) !== canonicalJson((b as Record<string, unknown>)[k] ?? null));
}

function changedById<T extends { id: string }>(base: readonly T[], other: readonly T[], label: (x: T) => string, skip: readonly string[] = []): Changed[] {
  return other.flatMap((x) => {
    const was = base.find((y) => y.id === x.id);
    const parts = was ? changedParts(was, x, skip) : [];
    return parts.length > 0 ? [{ id: x.id, label: label(x), parts }] : [];
  });
}

function addedRemoved<T>(base: readonly T[], other: readonly T[], key: (x: T) => string): AddedRemoved<T> {
  const inBase = new Set(base.map(key));
  const inOther = new Set(other.map(key));
  return { added: other.filter((x) => !inBase.has(key(x))), removed: base.filter((x) => !inOther.has(key(x))) };
}

function isComparison(c: Condition): c is FactorComparison | DecisionComparison {
  return !('all' in c) && !('any' in c) && !('not' in c);
}

/**
 * The thresholds that moved between two conditions of the same shape (the same all/any/not nesting and the same
 * factors and operators in the same places); null when the shapes differ, so no pairing would be honest.
 */
function movedThresholds(a: Condition, b: Condition): ThresholdChange[] | null {
  if (isComparison(a) || isComparison(b)) {
    if (!isComparison(a) || !isComparison(b)) return null;
    if (!('factor' in a) || !('factor' in b)) return canonicalJson(a) === canonicalJson(b) ? [] : null;
    if (a.factor !== b.factor || a.op !== b.op) return null;
    return canonicalJson(a.value) === canonicalJson(b.value) ? [] : [{ factor: a.factor, op: a.op, from: a.value, to: b.value }];
  }
  if ('not' in a || 'not' in b) return 'not' in a && 'not' in b ? movedThresholds(a.not, b.not) : null;
  const as = 'all' in a ? a.all : a.any;
  const bs = 'all' in a ? ('all' in b ? b.all : null) : 'any' in b ? b.any : null;
  if (!bs || as.length !== bs.length) return null;
  const out: ThresholdChange[] = [];
  for (let i = 0; i < as.length; i++) {
    const moved = movedThresholds(as[i]!, bs[i]!);
    if (moved === null) return null;
    out.push(...moved);
  }
  return out;
}

function ruleChange(a: Rule, b: Rule): RuleChange | null {
  const parts: RuleChange['parts'] = [];
  const sameWhen = canonicalJson(a.when) === canonicalJson(b.when);
  if (!sameWhen) parts.push('condition');
  if (canonicalJson(a.effects) !== canonicalJson(b.effects)) parts.push('effects');
  if (a.rationale !== b.rationale) parts.push('rationale');
  if (a.consideration !== b.consideration) parts.push('consideration');
  if (parts.length === 0) return null;
  return { id: b.id, rationale: b.rationale, parts, thresholds: sameWhen ? [] : (movedThresholds(a.when, b.when) ?? []) };
}

function risksOf(pack: Pack): RiskSummary[] {
  return pack.rules.flatMap((r) => r.effects.filter((e): e is RiskEffect => e.type === 'risk').map((e) => ({ rule: r.id, decision: e.decision, option: e.option ?? null, severity: e.severity, message: e.message })));
}

function exclusionsOf(pack: Pack): PackChanges['exclusions']['added'] {
  return pack.rules.flatMap((r) => r.effects.flatMap((e) => (e.type === 'exclude' ? [{ rule: r.id, decision: e.decision, option: e.option, reason: e.reason }] : [])));
}

/** What `other` changes against `base` (for a team's pack, `base` is the built-in one). */
export function comparePacks(base: Pack, other: Pack): PackChanges {
  const named = <T extends { id: string }>(xs: readonly T[], label: (x: T) => string): Named[] => xs.map((x) => ({ id: x.id, label: label(x) }));
  const byId = (x: Named) => x.id;
  const decisions = {
    ...addedRemoved(named(base.decisions, (d) => d.title), named(other.decisions, (d) => d.title), byId),
    // Options are listed apart (added, removed, baselines); here, what else a decision means: its scope, its portfolio.
    changed: changedById(base.decisions, other.decisions, (d) => d.title, ['options']),
  };
  const baselines = other.decisions.flatMap((d) => {
    const was = base.decisions.find((x) => x.id === d.id);
    return d.options.flatMap((o) => {
      const before = was?.options.find((x) => x.id === o.id);
      if (!before) return [];
      const criteria = [...new Set([...Object.keys(before.baseline ?? {}), ...Object.keys(o.baseline ?? {})])];
      return criteria.flatMap((criterion) => {
        const from = before.baseline?.[criterion] ?? null;
        const to = o.baseline?.[criterion] ?? null;
        return from === to ? [] : [{ decision: d.id, option: o.id, criterion, from, to }];
      });
    });
  });
  const options = other.decisions.flatMap((d) => {
    const was = base.decisions.find((x) => x.id === d.id);
    if (!was) return [];
    const change = addedRemoved(named(was.options, (o) => o.label), named(d.options, (o) => o.label), byId);
    return change.added.length + change.removed.length > 0 ? [{ decision: d.id, ...change }] : [];
  });
  const criteria = addedRemoved(named(base.criteria, (c) => c.label), named(other.criteria, (c) => c.label), byId);
  const weights = other.criteria.flatMap((c) => {
    const was = base.criteria.find((x) => x.id === c.id);
    return was && was.defaultWeight !== c.defaultWeight ? [{ id: c.id, label: c.label, from: was.defaultWeight, to: c.defaultWeight }] : [];
  });
  const rules = addedRemoved(named(base.rules, (r) => r.rationale), named(other.rules, (r) => r.rationale), byId);
  const changed = other.rules.flatMap((r) => {
    const was = base.rules.find((x) => x.id === r.id);
    const change = was ? ruleChange(was, r) : null;
    return change ? [change] : [];
  });
  const riskKey = (r: RiskSummary) => `${r.rule}\u0000${r.decision}\u0000${r.option}\u0000${r.severity}\u0000${r.message}`;
  const risks = addedRemoved(risksOf(base), risksOf(other), riskKey);
  const exclusions = addedRemoved(exclusionsOf(base), exclusionsOf(other), (x) => `${x.rule}\u0000${x.decision}\u0000${x.option}\u0000${x.reason}`);
  const factorLabel = (f: Pack['factors'][number]) => f.label ?? f.prompt;
  const factors = { ...addedRemoved(named(base.factors, factorLabel), named(other.factors, factorLabel), byId), changed: changedById(base.factors, other.factors, factorLabel) };
  const checks = {
    ...addedRemoved(named(base.checks ?? [], (c) => c.message), named(other.checks ?? [], (c) => c.message), byId),
    // A check's message and question are what the room reads; what it tests is its condition.
    changed: changedById(base.checks ?? [], other.checks ?? [], (c) => c.message, ['message', 'ask']),
  };
  const lists = [
    ...[decisions.added, decisions.removed, decisions.changed, options, baselines, factors.added, factors.removed, factors.changed],
    ...[criteria.added, criteria.removed, weights, rules.added, rules.removed, changed, risks.added, risks.removed],
    ...[exclusions.added, exclusions.removed, checks.added, checks.removed, checks.changed],
  ];
  // A check's message and question are words the room reads; what it tests is its condition.
  const tested = (p: Pack) => meaning({ ...p, checks: (p.checks ?? []).map((c) => ({ id: c.id, when: c.when })) });
  const same = canonicalJson(tested(base)) === canonicalJson(tested(other));
  return {
    base: { id: base.id, version: base.packVersion, title: base.title },
    other: { id: other.id, version: other.packVersion, title: other.title },
    decisions,
    options,
    baselines,
    factors,
    criteria: { ...criteria, weights },
    rules: { ...rules, changed },
    risks,
    exclusions,
    checks,
    same,
    unlisted: !same && lists.every((l) => l.length === 0),
  };
}
