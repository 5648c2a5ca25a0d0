// Pack format 2's use-case checks: which factors and decisions belong to each use case, which organisation
// decisions are derived from the use cases (portfolios), aggregates over the roadmap, and the catalogue.
import { closestId } from '../util/closest-id';
import { factorsRead } from './compile-condition';
import type { Condition } from './condition';
import { describeAllowed, describeFound, type EngineIssue } from './engine-issue';
import type { JsonPath } from '../util/json-path';
import type { Decision, Factor, Pack, Scope } from './pack-schema';
import { describeDomain, inDomain } from './validate-condition';

/** A factor's scope: organisation unless it says use-case. */
export function factorScope(factor: Pick<Factor, 'scope'>): Scope {
  return factor.scope ?? 'organisation';
}

/** A decision's scope: organisation unless it says use-case. */
export function decisionScope(decision: Pick<Decision, 'scope'>): Scope {
  return decision.scope ?? 'organisation';
}

function unknownRef(path: JsonPath, what: string, found: string, known: string[]): EngineIssue {
  const suggestion = closestId(found, known);
  return { path, message: `unknown ${what}`, found: describeFound(found), allowed: describeAllowed(known, 30), ...(suggestion ? { suggestion } : {}) };
}

function checkAggregates(pack: Pack, issues: EngineIssue[]): void {
  const byId = new Map(pack.factors.map((f) => [f.id, f]));
  const useCaseIds = pack.factors.filter((f) => factorScope(f) === 'use-case').map((f) => f.id);
  pack.factors.forEach((factor, i) => {
    const path: JsonPath = ['factors', i, 'aggregate'];
    if (!factor.aggregate) return;
    if (factorScope(factor) !== 'organisation') {
      issues.push({ path, message: 'only an organisation factor can be computed from the use cases', found: JSON.stringify(factor.scope), allowed: 'no aggregate on a use-case factor' });
      return;
    }
    const of = byId.get(factor.aggregate.of);
    if (!of || factorScope(of) !== 'use-case') {
      issues.push(unknownRef([...path, 'of'], 'use-case factor', factor.aggregate.of, useCaseIds));
      return;
    }
    const same =
      factor.type === of.type && (factor.type !== 'enum' || (of.type === 'enum' && factor.values.length === of.values.length && factor.values.every((v, k) => v === of.values[k])));
    if (!same) {
      issues.push({ path: [...path, 'of'], message: 'an aggregate has the type (and for a choice, the values in order) of the factor it reads', found: JSON.stringify(of.id), allowed: `a use-case factor of type ${factor.type}${factor.type === 'enum' ? ` with values ${factor.values.join(', ')}` : ''}` });
    } else if (factor.aggregate.by === 'sum' && factor.type !== 'number') {
      issues.push({ path: [...path, 'by'], message: 'only numbers can be summed', found: '"sum"', allowed: 'one of max, min' });
    }
  });
}

function checkPortfolio(pack: Pack, decision: Decision, d: number, issues: EngineIssue[]): void {
  const path: JsonPath = ['decisions', d, 'portfolio'];
  const portfolio = decision.portfolio!;
  if (decisionScope(decision) !== 'organisation') {
    issues.push({ path, message: 'only an organisation decision can be derived from the use cases', found: '"use-case"', allowed: 'a portfolio on an organisation decision' });
    return;
  }
  const useCaseDecisions = new Map(pack.decisions.filter((x) => decisionScope(x) === 'use-case').map((x) => [x.id, x]));
  const parts: Decision[] = [];
  portfolio.from.forEach((id, i) => {
    const part = useCaseDecisions.get(id);
    if (part) parts.push(part);
    else issues.push(unknownRef([...path, 'from', i], 'use-case decision', id, [...useCaseDecisions.keys()]));
  });
  const partOptions = new Set(parts.flatMap((p) => p.options.map((o) => o.id)));
  const ownOptions = decision.options.map((o) => o.id);
  for (const key of Object.keys(portfolio.options)) {
    if (!ownOptions.includes(key)) issues.push(unknownRef([...path, 'options', key], `option of decision "${decision.id}"`, key, ownOptions));
  }
  let mixed = 0;
  for (const option of ownOptions) {
    const spec = Object.hasOwn(portfolio.options, option) ? portfolio.options[option] : undefined;
    if (!spec) {
      issues.push({ path: [...path, 'options'], message: `says nothing of option "${option}"`, found: describeFound(Object.keys(portfolio.options)), allowed: `every option of "${decision.id}": ${ownOptions.join(', ')}` });
      continue;
    }
    if ('mixed' in spec) {
      mixed++;
      if (portfolio.kind === 'main-approach') issues.push({ path: [...path, 'options', option], message: 'a main approach has no mixed option: use cases that differ keep their own', found: '"mixed": true', allowed: '"uses": [options of the use-case decisions]' });
      const criteria = pack.criteria.map((c) => c.id);
      for (const c of Object.keys(spec.penalty)) if (!criteria.includes(c)) issues.push(unknownRef([...path, 'options', option, 'penalty', c], 'criterion', c, criteria));
      continue;
    }
    spec.uses.forEach((u, i) => {
      if (!partOptions.has(u)) issues.push(unknownRef([...path, 'options', option, 'uses', i], `option of ${portfolio.from.join(' or ')}`, u, [...partOptions]));
    });
  }
  if (mixed > 1) issues.push({ path: [...path, 'options'], message: 'at most one option can be the mix', found: String(mixed), allowed: '0 or 1' });
  for (const [partId, option] of Object.entries(portfolio.notApplicableCountsAs ?? {})) {
    const part = parts.find((p) => p.id === partId);
    if (!part) {
      issues.push(unknownRef([...path, 'notApplicableCountsAs', partId], 'decision listed in "from"', partId, portfolio.from));
      continue;
    }
    const ids = part.options.map((o) => o.id);
    if (!ids.includes(option)) issues.push(unknownRef([...path, 'notApplicableCountsAs', partId], `option of decision "${partId}"`, option, ids));
  }
}

function checkDecisions(pack: Pack, issues: EngineIssue[]): void {
  pack.decisions.forEach((decision, d) => {
    if (decision.portfolio) checkPortfolio(pack, decision, d, issues);
    decision.options.forEach((option, o) => {
      const path: JsonPath = ['decisions', d, 'options', o, 'baseline'];
      if (decision.portfolio && option.baseline !== undefined) {
        issues.push({ path, message: 'an option derived from the use cases takes its scores from them', found: describeFound(option.baseline), allowed: 'no baseline' });
      }
      if (!decision.portfolio && option.baseline === undefined) {
        issues.push({ path, message: 'baseline is missing', found: 'nothing', allowed: `a score 0..1 for every criterion: ${pack.criteria.map((c) => c.id).join(', ')}` });
      }
    });
  });
}

/**
 * The scope rules of rules: a rule's effects are all on organisation decisions or all on use-case decisions;
 * a rule on use-case decisions may read any factor and the use case's own decisions; a rule on organisation
 * decisions reads organisation factors (aggregates included) and organisation decisions; and an organisation
 * decision derived from the use cases takes its scores and exclusions from them, so rules may only raise its
 * risks, make it not applicable, or (reading factors only) adjust what its mix costs.
 */
function checkRuleScopes(pack: Pack, decisionsRead: ReadonlyArray<ReadonlySet<string>>, issues: EngineIssue[]): void {
  const decisions = new Map(pack.decisions.map((d) => [d.id, d]));
  const factors = new Map(pack.factors.map((f) => [f.id, f]));
  pack.rules.forEach((rule, r) => {
    const path: JsonPath = ['rules', r];
    const scopes = new Set(rule.effects.flatMap((e) => {
      const d = decisions.get(e.decision);
      return d ? [decisionScope(d)] : [];
    }));
    if (scopes.size > 1) {
      issues.push({ path: [...path, 'effects'], message: 'a rule acts on organisation decisions or on use-case decisions, not both', found: describeFound(rule.effects.map((e) => e.decision)), allowed: 'effects on decisions of one scope' });
      return;
    }
    const scope = [...scopes][0];
    if (scope === undefined) return;
    rule.effects.forEach((effect, e) => {
      const decision = decisions.get(effect.decision);
      if (!decision?.portfolio) return;
      // What running a mix costs depends on the organisation (an estate that already spans both pays less of it):
      // rules may adjust the mix, read from organisation factors only, since it is fixed before any weighting.
      const mix = Object.entries(decision.portfolio.options).find(([, spec]) => 'mixed' in spec)?.[0];
      if (effect.type === 'adjust' && effect.option === mix) {
        if ((decisionsRead[r]?.size ?? 0) > 0) issues.push({ path: [...path, 'when'], message: `a rule that adjusts the mix of "${decision.id}" reads organisation factors only`, found: describeFound([...decisionsRead[r]!]), allowed: 'a condition on factors' });
        return;
      }
      if (effect.type === 'adjust' || effect.type === 'exclude') {
        issues.push({ path: [...path, 'effects', e, 'type'], message: `decision "${decision.id}" is derived from the use cases: its scores and exclusions come from theirs${mix ? `, and only its mix "${mix}" can be adjusted` : ''}`, found: JSON.stringify(effect.type), allowed: `one of risk, not-applicable (or act on ${decision.portfolio.from.join(', ')})` });
      }
    });
    if (scope === 'organisation') {
      for (const id of factorsRead(rule.when as Condition)) {
        const factor = factors.get(id);
        if (factor && factorScope(factor) === 'use-case') {
          issues.push({ path: [...path, 'when'], message: `a rule on organisation decisions cannot read the use-case factor "${id}"`, found: JSON.stringify(id), allowed: 'organisation factors, or an aggregate of it' });
        }
      }
    }
    for (const id of decisionsRead[r] ?? []) {
      const read = decisions.get(id);
      if (read && decisionScope(read) !== scope) {
        issues.push({ path: [...path, 'when'], message: `a rule on ${scope} decisions reads ${scope} decisions only`, found: JSON.stringify(id), allowed: `a ${scope} decision` });
      }
    }
  });
}

function checkExpectationScopes(pack: Pack, issues: EngineIssue[]): void {
  (pack.expectations?.monotonic ?? []).forEach((x, i) => {
    const decision = pack.decisions.find((d) => d.id === x.decision);
    if (decision?.portfolio) {
      issues.push({ path: ['expectations', 'monotonic', i, 'decision'], message: `decision "${decision.id}" is derived from the use cases: state the expectation on ${decision.portfolio.from.join(' or ')}`, found: JSON.stringify(x.decision), allowed: 'a decision scored by rules' });
    }
  });
}

function checkCatalogue(pack: Pack, issues: EngineIssue[]): void {
  const entries = pack.catalogue ?? [];
  const seen = new Map<string, number>();
  const useCaseFactors = new Map(pack.factors.filter((f) => factorScope(f) === 'use-case').map((f) => [f.id, f]));
  entries.forEach((entry, i) => {
    const first = seen.get(entry.id);
    if (first !== undefined) issues.push({ path: ['catalogue', i, 'id'], message: `duplicate catalogue id (first used at index ${first})`, found: JSON.stringify(entry.id), allowed: 'an id not used by another catalogue entry' });
    else seen.set(entry.id, i);
    for (const [key, value] of Object.entries(entry.answers)) {
      const factor = useCaseFactors.get(key);
      if (!factor) issues.push(unknownRef(['catalogue', i, 'answers', key], 'use-case factor', key, [...useCaseFactors.keys()]));
      else if (!inDomain(factor, value)) issues.push({ path: ['catalogue', i, 'answers', key], message: `value not allowed for "${key}"`, found: describeFound(value), allowed: describeDomain(factor) });
    }
  });
}

/** Every pack format 2 check of use cases; `decisionsRead` gives, per rule, the decisions its condition reads. */
export function checkScopes(pack: Pack, decisionsRead: ReadonlyArray<ReadonlySet<string>>, issues: EngineIssue[]): void {
  checkAggregates(pack, issues);
  checkDecisions(pack, issues);
  checkRuleScopes(pack, decisionsRead, issues);
  checkExpectationScopes(pack, issues);
  checkCatalogue(pack, issues);
}
