import { compileCondition, decisionsRead, factorsRead, readsDecisions, type CompiledCondition } from './compile-condition';
import { decisionRuleOrder } from './decision-rule-order';
import { compileConditionProgram, type ConditionProgram } from './condition-program';
import { decisionScope, factorScope } from './check-scopes';
import type { Aggregate, ConsistencyCheck, Criterion, Decision, Factor, Pack, RiskEffect, Rule } from './pack-schema';

/** Factor kinds as small integers for the hot path. */
export const FACTOR_ENUM = 0;
export const FACTOR_BOOLEAN = 1;
export const FACTOR_NUMBER = 2;

/** A decision with the position of its options in the pack-wide option arrays. */
export interface CompiledDecision {
  id: string;
  index: number;
  decision: Decision;
  /** Index of this decision's first option in pack-wide arrays; its options follow in pack order. */
  optionStart: number;
  optionCount: number;
}

/** A rule ready to run: its condition as a closure, its adjustments as flat typed arrays. */
export interface CompiledRule {
  id: string;
  index: number;
  rule: Rule;
  condition: CompiledCondition;
  /** False when the condition reads another decision: the room's choice, else the recommendation (evaluated after scoring). */
  factorOnly: boolean;
  /** Pack-wide cell (option × criterion) of each adjustment, and its amount. */
  adjustCells: Int32Array;
  adjustBy: Float64Array;
  /** Pack-wide option indexes this rule excludes. */
  excludes: Int32Array;
  risks: ReadonlyArray<{ decision: number; option: number; effect: RiskEffect }>;
  notApplicable: ReadonlyArray<{ decision: number; reason: string }>;
  /** Factor indexes the condition reads. */
  factors: Int32Array;
  /** Decision indexes any effect of this rule touches. */
  decisions: Int32Array;
}

/** Scopes as small integers for the hot path. */
export const SCOPE_ORGANISATION = 0;
export const SCOPE_USE_CASE = 1;

/**
 * An organisation decision derived from the use cases (the pack's `portfolio`), with option and decision ids
 * turned into indexes: for each of its options, which options of each part decision it allows.
 */
export interface CompiledPortfolio {
  /** Index of the derived (organisation) decision. */
  decision: number;
  kind: 'uniform' | 'main-approach';
  /** Indexes of the use-case decisions it is derived from (the parts). */
  parts: Int32Array;
  /** Per option of the derived decision, per part: the allowed options (indexes within the part decision); null for the mix. */
  allowed: ReadonlyArray<ReadonlyArray<Int32Array> | null>;
  /** The same as bits: bit o of allowedMask[x * parts + j] is set when option x allows option o of part j (all bits for the mix). */
  allowedMask: Int32Array;
  /** Index of the mixed option within the derived decision, or -1. */
  mixed: number;
  /** The mix's criterion adjustments (criteria order), each at most 0. */
  penalty: Float64Array;
  /** Why the mix costs what it does. */
  mixedRationale: string;
  /** Per part: the option a use case's not-applicable part counts as (index within the part decision), or -1 to leave it out. */
  countsAs: Int32Array;
}

/** An organisation factor computed from a use-case factor over the roadmap. */
export interface CompiledAggregate {
  factor: number;
  of: number;
  by: Aggregate['by'];
}

/** A consistency check compiled: its condition, the factors it reads, and whether it reads a use case's answers. */
export interface CompiledCheck {
  check: ConsistencyCheck;
  condition: CompiledCondition;
  factors: Int32Array;
  /** True when it reads a use-case factor: it is checked for each use case (with the organisation's answers). */
  useCase: boolean;
}

/** A pack compiled once for fast, repeated evaluation. */
export interface CompiledPack {
  pack: Pack;
  factors: readonly Factor[];
  factorIndex: ReadonlyMap<string, number>;
  criteria: readonly Criterion[];
  criterionIndex: ReadonlyMap<string, number>;
  decisions: readonly CompiledDecision[];
  decisionIndex: ReadonlyMap<string, number>;
  /** Number of options over all decisions. */
  optionCount: number;
  /** Baseline score of each (pack-wide option, criterion) cell: index option * criteria.length + criterion. */
  baseline: Float64Array;
  defaultWeights: Float64Array;
  rules: readonly CompiledRule[];
  factorRules: readonly CompiledRule[];
  decisionRules: readonly CompiledRule[];
  /** Per factor, for encoding answers: its id, its kind (FACTOR_*) and, for enums, its values in order. */
  factorIds: readonly string[];
  factorKinds: Uint8Array;
  enumValues: ReadonlyArray<readonly string[] | undefined>;
  /** The factor-only rules' conditions as flat tables (see condition-program.ts). */
  program: ConditionProgram;
  /** Pack rule index of each factor-only rule, in program order. */
  factorRuleIndex: Int32Array;
  /** Adjustments of factor-only rules, flattened: rule r's are adjStart[r] ..< adjStart[r + 1]. */
  adjStart: Int32Array;
  adjCells: Int32Array;
  adjBy: Float64Array;
  /** Factor-only rules that exclude options, and those that mark decisions not applicable. */
  excludingRules: readonly CompiledRule[];
  applicabilityRules: readonly CompiledRule[];
  /** Per pack-wide option: the (pack rule index, effect index) of every adjustment to it, in pack order. */
  optionAdjustments: ReadonlyArray<ReadonlyArray<{ rule: number; effect: number }>>;
  /** Per decision: indexes of the rules with an effect on it, in pack order. */
  rulesByDecision: readonly Int32Array[];
  /** Scope of each factor and decision (SCOPE_ORGANISATION or SCOPE_USE_CASE). */
  factorScopes: Uint8Array;
  decisionScopes: Uint8Array;
  /** Decisions taken once for the organisation, and for each use case, in pack order. */
  organisationDecisions: readonly CompiledDecision[];
  useCaseDecisions: readonly CompiledDecision[];
  /** Organisation decisions derived from the use cases. */
  portfolios: readonly CompiledPortfolio[];
  /** Portfolio of each decision (by decision index), if it is derived. */
  portfolioOf: ReadonlyArray<CompiledPortfolio | undefined>;
  /** Organisation factors computed from the use cases. */
  aggregates: readonly CompiledAggregate[];
  /** True when the pack asks anything per use case (pack format 2 with use-case scope). */
  hasUseCases: boolean;
  /** The pack's consistency checks, in pack order. */
  checks: readonly CompiledCheck[];
}

/** What compiling one rule reads of the pack: its indexes and where each option's cells are. */
interface RuleContext {
  nC: number;
  decisionIndex: ReadonlyMap<string, number>;
  criterionIndex: ReadonlyMap<string, number>;
  optionIndex: (decision: number, option: string) => number;
  globalOption: (decision: string, option: string) => number;
  scope: Parameters<typeof compileCondition>[1];
  factorIndex: ReadonlyMap<string, number>;
}

/** One rule compiled: its condition as a closure, its effects as cells, exclusions, risks and marks of what does not apply. */
function compileRule(rule: Pack['rules'][number], index: number, ctx: RuleContext): CompiledRule {
  const { nC, decisionIndex, criterionIndex, optionIndex, globalOption, scope, factorIndex } = ctx;
  const cells: number[] = [];
  const by: number[] = [];
  const excludes: number[] = [];
  const risks: Array<{ decision: number; option: number; effect: RiskEffect }> = [];
  const notApplicable: Array<{ decision: number; reason: string }> = [];
  const touched = new Set<number>();
  for (const effect of rule.effects) {
    const d = decisionIndex.get(effect.decision)!;
    touched.add(d);
    switch (effect.type) {
      case 'adjust':
        cells.push(globalOption(effect.decision, effect.option) * nC + criterionIndex.get(effect.criterion)!);
        by.push(effect.by);
        break;
      case 'exclude':
        excludes.push(globalOption(effect.decision, effect.option));
        break;
      case 'risk':
        risks.push({ decision: d, option: effect.option === undefined ? -1 : optionIndex(d, effect.option), effect });
        break;
      case 'not-applicable':
        notApplicable.push({ decision: d, reason: effect.reason });
        break;
    }
  }
  return {
    id: rule.id,
    index,
    rule,
    condition: compileCondition(rule.when, scope),
    factorOnly: !readsDecisions(rule.when),
    adjustCells: Int32Array.from(cells),
    adjustBy: Float64Array.from(by),
    excludes: Int32Array.from(excludes),
    risks,
    notApplicable,
    factors: Int32Array.from(factorsRead(rule.when).map((f) => factorIndex.get(f)!)),
    decisions: Int32Array.from([...touched].sort((a, b) => a - b)),
  };
}

/** Compiles a validated pack: indexes every id and turns every condition into a closure. */
export function compilePack(pack: Pack): CompiledPack {
  const nC = pack.criteria.length;
  const factorIndex = new Map(pack.factors.map((f, i) => [f.id, i]));
  const criterionIndex = new Map(pack.criteria.map((c, i) => [c.id, i]));
  const decisionIndex = new Map(pack.decisions.map((d, i) => [d.id, i]));
  let start = 0;
  const decisions: CompiledDecision[] = pack.decisions.map((decision, index) => {
    const compiled = { id: decision.id, index, decision, optionStart: start, optionCount: decision.options.length };
    start += decision.options.length;
    return compiled;
  });
  const optionCount = start;
  const baseline = new Float64Array(optionCount * nC);
  for (const d of decisions) {
    d.decision.options.forEach((option, o) => {
      pack.criteria.forEach((c, k) => {
        // A derived decision's cells are written by the portfolio at each evaluation.
        baseline[(d.optionStart + o) * nC + k] = option.baseline?.[c.id] ?? 0;
      });
    });
  }
  const optionIndex = (d: number, option: string): number => decisions[d]!.decision.options.findIndex((o) => o.id === option);
  const globalOption = (decision: string, option: string): number => {
    const d = decisions[decisionIndex.get(decision)!]!;
    return d.optionStart + optionIndex(d.index, option);
  };
  const scope = { factorIndex, factors: pack.factors, decisionIndex, optionIndex };
  const factorScopes = Uint8Array.from(pack.factors, (f) => (factorScope(f) === 'use-case' ? SCOPE_USE_CASE : SCOPE_ORGANISATION));
  const rules: CompiledRule[] = pack.rules.map((rule, index) => compileRule(rule, index, { nC, decisionIndex, criterionIndex, optionIndex, globalOption, scope, factorIndex }));
  const factorRules = rules.filter((r) => r.factorOnly);
  const program = compileConditionProgram(
    factorRules.map((r) => r.rule.when),
    scope,
  );
  const flat = (pick: (r: CompiledRule) => ArrayLike<number>) => {
    const start = [0];
    const items: number[] = [];
    for (const r of factorRules) {
      items.push(...Array.from(pick(r)));
      start.push(items.length);
    }
    return { start: Int32Array.from(start), items };
  };
  const adj = flat((r) => r.adjustCells);
  const optionAdjustments: Array<Array<{ rule: number; effect: number }>> = Array.from({ length: optionCount }, () => []);
  pack.rules.forEach((rule, r) => {
    rule.effects.forEach((effect, e) => {
      if (effect.type === 'adjust') optionAdjustments[globalOption(effect.decision, effect.option)]!.push({ rule: r, effect: e });
    });
  });
  const decisionScopes = Uint8Array.from(pack.decisions, (d) => (decisionScope(d) === 'use-case' ? SCOPE_USE_CASE : SCOPE_ORGANISATION));
  const portfolios = decisions.flatMap((d) => (d.decision.portfolio ? [compilePortfolio(pack, d, decisions, decisionIndex, criterionIndex)] : []));
  const portfolioOf: Array<CompiledPortfolio | undefined> = decisions.map(() => undefined);
  for (const p of portfolios) portfolioOf[p.decision] = p;
  return {
    factorScopes,
    decisionScopes,
    organisationDecisions: decisions.filter((d) => decisionScopes[d.index] === SCOPE_ORGANISATION),
    useCaseDecisions: decisions.filter((d) => decisionScopes[d.index] === SCOPE_USE_CASE),
    portfolios,
    portfolioOf,
    aggregates: pack.factors.flatMap((f, i) => (f.aggregate ? [{ factor: i, of: factorIndex.get(f.aggregate.of)!, by: f.aggregate.by }] : [])),
    hasUseCases: decisionScopes.some((s) => s === SCOPE_USE_CASE),
    checks: (pack.checks ?? []).map((check) => {
      const factors = Int32Array.from(factorsRead(check.when).map((f) => factorIndex.get(f)!));
      return { check, condition: compileCondition(check.when, scope), factors, useCase: Array.from(factors).some((f) => factorScopes[f] === SCOPE_USE_CASE) };
    }),
    program,
    factorRuleIndex: Int32Array.from(factorRules.map((r) => r.index)),
    adjStart: adj.start,
    adjCells: Int32Array.from(adj.items),
    adjBy: Float64Array.from(factorRules.flatMap((r) => Array.from(r.adjustBy))),
    excludingRules: factorRules.filter((r) => r.excludes.length > 0),
    applicabilityRules: factorRules.filter((r) => r.notApplicable.length > 0),
    optionAdjustments,
    rulesByDecision: decisions.map((d) => Int32Array.from(rules.filter((r) => r.decisions.includes(d.index)).map((r) => r.index))),
    pack,
    factors: pack.factors,
    factorIndex,
    criteria: pack.criteria,
    criterionIndex,
    decisions,
    decisionIndex,
    optionCount,
    baseline,
    defaultWeights: Float64Array.from(pack.criteria.map((c) => c.defaultWeight)),
    rules,
    factorRules,
    decisionRules: orderDecisionRules(rules.filter((r) => !r.factorOnly), decisionIndex),
    factorIds: pack.factors.map((f) => f.id),
    factorKinds: Uint8Array.from(pack.factors, (f) => (f.type === 'enum' ? FACTOR_ENUM : f.type === 'boolean' ? FACTOR_BOOLEAN : FACTOR_NUMBER)),
    enumValues: pack.factors.map((f) => (f.type === 'enum' ? f.values : undefined)),
  };
}

function compilePortfolio(
  pack: Pack,
  d: CompiledDecision,
  decisions: readonly CompiledDecision[],
  decisionIndex: ReadonlyMap<string, number>,
  criterionIndex: ReadonlyMap<string, number>,
): CompiledPortfolio {
  const spec = d.decision.portfolio!;
  const parts = spec.from.map((id) => decisions[decisionIndex.get(id)!]!);
  const penalty = new Float64Array(pack.criteria.length);
  let mixed = -1;
  let mixedRationale = '';
  const allowed = d.decision.options.map((option, o) => {
    const entry = spec.options[option.id]!;
    if ('mixed' in entry) {
      mixed = o;
      mixedRationale = entry.rationale;
      for (const [c, by] of Object.entries(entry.penalty)) penalty[criterionIndex.get(c)!] = by;
      return null;
    }
    return parts.map((part) => Int32Array.from(part.decision.options.flatMap((x, i) => (entry.uses.includes(x.id) ? [i] : []))));
  });
  const countsAs = Int32Array.from(parts, (part) => {
    const option = spec.notApplicableCountsAs?.[part.id];
    return option === undefined ? -1 : part.decision.options.findIndex((x) => x.id === option);
  });
  const allowedMask = new Int32Array(allowed.length * parts.length);
  allowed.forEach((lists, x) => {
    parts.forEach((part, j) => {
      allowedMask[x * parts.length + j] = lists === null ? -1 : lists[j]!.reduce((mask, o) => mask | (1 << o), 0);
    });
  });
  return { decision: d.index, kind: spec.kind, parts: Int32Array.from(parts, (p) => p.index), allowed, allowedMask, mixed, penalty, mixedRationale, countsAs };
}

/** The rules that read decisions, in the order they must run (decisionRuleOrder). */
export function orderDecisionRules(rules: readonly CompiledRule[], decisionIndex: ReadonlyMap<string, number>): CompiledRule[] {
  const idOf = new Map([...decisionIndex].map(([id, i]) => [i, id]));
  const { order } = decisionRuleOrder(
    rules.map((r) => ({ reads: new Set(decisionsRead(r.rule.when)), marks: new Set(r.notApplicable.map((na) => idOf.get(na.decision)!)) })),
  );
  return order.map((i) => rules[i]!);
}
