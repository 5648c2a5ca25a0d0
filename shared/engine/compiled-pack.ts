import { compileCondition, decisionsRead, factorsRead, readsDecisions, type CompiledCondition } from './compile-condition';
import { decisionRuleOrder } from './decision-rule-order';
import { compileConditionProgram, type ConditionProgram } from './condition-program';
import type { Criterion, Decision, Factor, Pack, RiskEffect, Rule } from './pack-schema';

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
        baseline[(d.optionStart + o) * nC + k] = option.baseline[c.id]!;
      });
    });
  }
  const optionIndex = (d: number, option: string): number => decisions[d]!.decision.options.findIndex((o) => o.id === option);
  const globalOption = (decision: string, option: string): number => {
    const d = decisions[decisionIndex.get(decision)!]!;
    return d.optionStart + optionIndex(d.index, option);
  };
  const scope = { factorIndex, factors: pack.factors, decisionIndex, optionIndex };
  const rules: CompiledRule[] = pack.rules.map((rule, index) => {
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
  });
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
  return {
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

/** The rules that read decisions, in the order they must run (decisionRuleOrder). */
export function orderDecisionRules(rules: readonly CompiledRule[], decisionIndex: ReadonlyMap<string, number>): CompiledRule[] {
  const idOf = new Map([...decisionIndex].map(([id, i]) => [i, id]));
  const { order } = decisionRuleOrder(
    rules.map((r) => ({ reads: new Set(decisionsRead(r.rule.when)), marks: new Set(r.notApplicable.map((na) => idOf.get(na.decision)!)) })),
  );
  return order.map((i) => rules[i]!);
}
