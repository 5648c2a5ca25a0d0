// The benchmark (npm run bench): bundled by test/bench/run.mjs, which also writes and imports the
// generated floor functions. Measures (a) Stratum's engine, (b) the same rules in json-rules-engine and
// (c) hand-written-style functions per rule, on the default pack and a synthetic 100-rule pack; then
// 10,000 Monte Carlo samples plus every flip point on the default pack.
import { performance } from 'node:perf_hooks';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { defaultPack, evaluate, loadPack, type Answers, type CompiledPack, type Condition, type FactorValue } from '../../shared/engine';
import { DEFAULT_COST_ASSUMPTIONS } from '../../shared/cost';
import { encodeAnswers, resolveWeights } from '../../shared/engine/answers';
import { TRUE } from '../../shared/engine/compile-condition';
import { buildEvaluation } from '../../shared/engine/evaluate';
import { computeFlipPoints } from '../../shared/engine/flip-points';
import { createRandom } from '../../shared/engine/prng';
import { monteCarloRobustness } from '../../shared/engine/robustness';
import { createRuleState, finishScores, runDecisionRules, runFactorRules, topOption, type RuleState } from '../../shared/engine/rule-state';
import { factorCandidates } from '../../shared/engine/factor-candidates';
import { benchmarkStackInput, layoutStack, stackToSvg } from '../../shared/diagram';
import { floorSource } from './floor-source';
import { syntheticPackJson } from './synthetic-pack';

export type FloorModule = { runRules: (values: Float64Array, status: Uint8Array, adjust: Float64Array) => void };

interface Stats {
  medianUs: number;
  p99Us: number;
  samples: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { medianUs: round(at(0.5) * 1000), p99Us: round(at(0.99) * 1000), samples: sorted.length };
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

function packs(): Array<{ name: string; pack: CompiledPack }> {
  const synthetic = loadPack(syntheticPackJson());
  if (!synthetic.ok) throw new Error(`synthetic pack invalid: ${JSON.stringify(synthetic.issues.slice(0, 3))}`);
  return [
    { name: 'default', pack: defaultPack() },
    { name: 'synthetic', pack: synthetic.value },
  ];
}

/** The generated floor modules' sources, by pack name. */
export function floorSources(): Record<string, string> {
  return Object.fromEntries(packs().map(({ name, pack }) => [name, floorSource(pack)]));
}

/** Fully answered random workshops (json-rules-engine has no notion of an unknown answer). */
function workshops(pack: CompiledPack, count: number, seed: number): Answers[] {
  const random = createRandom(seed);
  const candidates = factorCandidates(pack);
  return Array.from({ length: count }, () => {
    const answers: Record<string, FactorValue> = {};
    pack.factors.forEach((f, i) => {
      const list = candidates[i]!;
      answers[f.id] = list[Math.floor(random() * list.length)]!;
    });
    return answers;
  });
}

const OPERATORS = { eq: 'equal', ne: 'notEqual', in: 'in', gt: 'greaterThan', gte: 'greaterThanInclusive', lt: 'lessThan', lte: 'lessThanInclusive' } as const;

function toJre(node: Condition, pack: CompiledPack): NestedCondition {
  if ('all' in node) return { all: node.all.map((c) => toJre(c, pack)) };
  if ('any' in node) return { any: node.any.map((c) => toJre(c, pack)) };
  if ('not' in node) return { not: toJre(node.not, pack) };
  if ('factor' in node) {
    const i = pack.factorIndex.get(node.factor)!;
    const f = pack.factors[i]!;
    const encode = (v: FactorValue) => (f.type === 'enum' ? f.values.indexOf(v as string) : f.type === 'boolean' ? (v ? 1 : 0) : (v as number));
    const value = Array.isArray(node.value) ? node.value.map(encode) : encode(node.value);
    return { fact: `f${i}`, operator: OPERATORS[node.op], value };
  }
  throw new Error('decision conditions are run by the engine in every path');
}

function jreEngine(pack: CompiledPack): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of pack.factorRules) {
    const when = toJre(rule.rule.when, pack);
    const top: TopLevelCondition = 'all' in when || 'any' in when || 'not' in when ? (when as TopLevelCondition) : { all: [when] };
    engine.addRule({ conditions: top, event: { type: 'fired', params: { rule: rule.index } }, name: rule.id });
  }
  return engine;
}

type Path = (answers: Answers) => RuleState;

/** (a) The engine: encode, fire the rules (compiled tables and closures), score, exclude, rank, applicability. */
function engineBench(pack: CompiledPack, weights: Float64Array): { full: Path; state: RuleState } {
  const state = createRuleState(pack);
  return {
    state,
    full: (answers) => {
      encodeAnswers(pack, answers, state.values);
      runFactorRules(pack, state);
      finishScores(pack, state);
      runDecisionRules(pack, state, weights);
      return state;
    },
  };
}

/** (c) The same, with the rules fired by the generated per-rule functions. */
function floorBench(pack: CompiledPack, floor: FloorModule, weights: Float64Array): { full: Path; state: RuleState } {
  const state = createRuleState(pack);
  return {
    state,
    full: (answers) => {
      encodeAnswers(pack, answers, state.values);
      floor.runRules(state.values, state.status, state.adjust);
      finishScores(pack, state);
      runDecisionRules(pack, state, weights);
      return state;
    },
  };
}

/** (b) The same, with the rules fired by json-rules-engine. */
function jreBench(pack: CompiledPack, weights: Float64Array): (answers: Answers) => Promise<RuleState> {
  const engine = jreEngine(pack);
  const state = createRuleState(pack);
  const facts: Record<string, number> = {};
  return async (answers) => {
    encodeAnswers(pack, answers, state.values);
    for (let i = 0; i < pack.factors.length; i++) facts[`f${i}`] = state.values[i]!;
    const result = await engine.run(facts);
    state.status.fill(0);
    state.adjust.fill(0);
    for (const event of result.events) state.status[(event.params as { rule: number }).rule] = TRUE;
    // Apply in pack order, as the other paths do, so floating-point sums agree to the last bit.
    for (const rule of pack.factorRules) {
      if (state.status[rule.index] !== TRUE) continue;
      for (let k = 0; k < rule.adjustCells.length; k++) {
        const cell = rule.adjustCells[k]!;
        state.adjust[cell] = state.adjust[cell]! + rule.adjustBy[k]!;
      }
    }
    finishScores(pack, state);
    runDecisionRules(pack, state, weights);
    return state;
  };
}

function timeSync(fn: (answers: Answers) => unknown, inputs: Answers[], n: number): number[] {
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const input = inputs[i % inputs.length]!;
    const t0 = performance.now();
    const r = fn(input);
    times.push(performance.now() - t0);
    if (r) sink++;
  }
  if (sink < 0) console.log(sink);
  return times;
}

async function timeAsync(fn: (answers: Answers) => Promise<unknown>, inputs: Answers[], n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const input = inputs[i % inputs.length]!;
    const t0 = performance.now();
    await fn(input);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Rules alone (no result assembly), timed in batches because one run takes well under a microsecond. */
function rulesOnly(run: () => void, n: number, batch = 50): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) run();
    times.push((performance.now() - t0) / batch);
  }
  return times;
}

export interface PackResult {
  rules: number;
  factors: number;
  engine: Stats;
  jsonRulesEngine: Stats;
  handWritten: Stats;
  ratioToBaseline: number;
  speedupVsJsonRulesEngine: number;
  rulesOnly: { engine: Stats; handWritten: Stats; ratioToBaseline: number };
  /** evaluate() with the whole explanation (reasons, breakdowns, risks) but no sensitivity. */
  explainedEvaluation: Stats;
  /** evaluate() with defaults: explanation, flip points and 2,000 Monte Carlo samples. */
  explainedWithSensitivity: Stats;
  /** explainedEvaluation plus the cost model (default assumptions): priced once per evaluation, before the rules' scores are clamped. */
  explainedWithCostModel: Stats;
}

async function benchPack(pack: CompiledPack, floor: FloorModule): Promise<PackResult> {
  const weights = resolveWeights(pack, undefined);
  const inputs = workshops(pack, 256, 11);
  const a = engineBench(pack, weights);
  const c = floorBench(pack, floor, weights);
  const b = jreBench(pack, weights);
  // The three paths must agree before their speed means anything.
  const explain = (state: RuleState): string => JSON.stringify(buildEvaluation(pack, state, weights, { sensitivity: false }));
  for (const input of inputs.slice(0, 64)) {
    const ea = explain(a.full(input));
    const ec = explain(c.full(input));
    const eb = explain(await b(input));
    if (ea !== ec || ea !== eb) throw new Error(`paths disagree (${ea === ec ? 'json-rules-engine' : 'hand-written'}) on ${JSON.stringify(input)}`);
  }
  timeSync(a.full, inputs, 3000);
  timeSync(c.full, inputs, 3000);
  await timeAsync(b, inputs, 200);
  const engineTimes = timeSync(a.full, inputs, 20000);
  const floorTimes = timeSync(c.full, inputs, 20000);
  const jreTimes = await timeAsync(b, inputs, 1000);
  // Rules alone: closures against the generated per-rule code, same inputs.
  let k = 0;
  const encoded = inputs.map((i) => encodeAnswers(pack, i));
  const engineRules = () => {
    a.state.values.set(encoded[k++ % encoded.length]!);
    runFactorRules(pack, a.state);
  };
  const floorRules = () => {
    c.state.values.set(encoded[k++ % encoded.length]!);
    floor.runRules(c.state.values, c.state.status, c.state.adjust);
  };
  rulesOnly(engineRules, 500);
  rulesOnly(floorRules, 500);
  const engineRulesStats = stats(rulesOnly(engineRules, 4000));
  const floorRulesStats = stats(rulesOnly(floorRules, 4000));
  const explainedTimes = timeSync((answers) => evaluate(pack, answers, undefined, { sensitivity: false }), inputs, 5000);
  const withSensitivityTimes = timeSync((answers) => evaluate(pack, answers, undefined), inputs, 300);
  const withCostTimes = timeSync((answers) => evaluate(pack, answers, undefined, { sensitivity: false, costAssumptions: DEFAULT_COST_ASSUMPTIONS }), inputs, 5000);
  const engine = stats(engineTimes);
  const handWritten = stats(floorTimes);
  const jsonRulesEngine = stats(jreTimes);
  return {
    rules: pack.rules.length,
    factors: pack.factors.length,
    engine,
    jsonRulesEngine,
    handWritten,
    ratioToBaseline: round(engine.medianUs / handWritten.medianUs),
    speedupVsJsonRulesEngine: round(jsonRulesEngine.medianUs / engine.medianUs, 1),
    rulesOnly: { engine: engineRulesStats, handWritten: floorRulesStats, ratioToBaseline: round(engineRulesStats.medianUs / floorRulesStats.medianUs) },
    explainedEvaluation: stats(explainedTimes),
    explainedWithSensitivity: stats(withSensitivityTimes),
    explainedWithCostModel: stats(withCostTimes),
  };
}

function benchSensitivity(): { monteCarlo10kMs: number; p99Ms: number; runs: number; flipPointsOnlyUs: number } {
  const pack = defaultPack();
  const weights = resolveWeights(pack, undefined);
  const state = createRuleState(pack);
  const inputs = workshops(pack, 16, 5);
  const tops = new Int32Array(pack.decisions.length);
  const run = (answers: Answers, withMonteCarlo: boolean) => {
    encodeAnswers(pack, answers, state.values);
    runFactorRules(pack, state);
    finishScores(pack, state);
    runDecisionRules(pack, state, weights);
    for (let d = 0; d < tops.length; d++) tops[d] = state.notApplicable[d] === 1 ? -1 : topOption(pack, state, d, weights);
    if (withMonteCarlo) monteCarloRobustness(pack, state, weights, tops, { samples: 10_000, seed: 1 });
    for (let d = 0; d < tops.length; d++) if (tops[d]! >= 0) computeFlipPoints(pack, state, d, weights, tops[d]!);
  };
  for (let i = 0; i < 10; i++) run(inputs[i % inputs.length]!, true);
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    run(inputs[i % inputs.length]!, true);
    times.push(performance.now() - t0);
  }
  const flipTimes = rulesOnly(() => run(inputs[0]!, false), 500, 20);
  const s = stats(times);
  return { monteCarlo10kMs: round(s.medianUs / 1000), p99Ms: round(s.p99Us / 1000), runs: times.length, flipPointsOnlyUs: stats(flipTimes).medianUs };
}

/** Runs every measurement; `floors` are the generated per-rule modules by pack name. */
/** Layout and SVG of a 100-component stack (the drawing the Stack step shows and every diagram export starts from). */
function benchDiagram(): { components: number; layoutMs: number; svgMs: number; layoutP99Ms: number; svgP99Ms: number } {
  const input = benchmarkStackInput(100);
  const layouts: number[] = [];
  const svgs: number[] = [];
  let components = 0;
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const layout = layoutStack(input);
    const t1 = performance.now();
    stackToSvg(layout);
    const t2 = performance.now();
    components = layout.components.length;
    if (i >= 10) {
      layouts.push(t1 - t0);
      svgs.push(t2 - t1);
    }
  }
  const l = stats(layouts);
  const v = stats(svgs);
  return { components, layoutMs: round(l.medianUs / 1000), svgMs: round(v.medianUs / 1000), layoutP99Ms: round(l.p99Us / 1000), svgP99Ms: round(v.p99Us / 1000) };
}

export async function runBench(floors: Record<string, FloorModule>): Promise<Record<string, unknown>> {
  const results: Record<string, PackResult> = {};
  for (const { name, pack } of packs()) results[name] = await benchPack(pack, floors[name]!);
  const all = Object.values(results);
  const ratioToBaseline = Math.max(...all.map((r) => r.ratioToBaseline));
  const speedupVsJsonRulesEngine = Math.min(...all.map((r) => r.speedupVsJsonRulesEngine));
  const sensitivity = benchSensitivity();
  const diagram = benchDiagram();
  return {
    engine: { ratioToBaseline, speedupVsJsonRulesEngine, packs: results },
    sensitivity,
    diagram,
    targets: {
      ratioToBaseline: { max: 2, met: ratioToBaseline <= 2 },
      speedupVsJsonRulesEngine: { min: 150, met: speedupVsJsonRulesEngine >= 150 },
      monteCarlo10kMs: { max: 50, met: sensitivity.monteCarlo10kMs < 50 },
    },
    notes: [
      'Headline figures are the worse of the two packs (largest ratio, smallest speedup), from medians.',
      'One evaluation = encode the answers, fire every rule, clamp scores, apply exclusions, rank every decision and run the applicability rules; only the rule firing differs between (a), (b) and (c). The three paths are checked to give byte-identical explained evaluations first.',
      'explainedEvaluation adds building the full Evaluation object (reasons, breakdowns, risks, unanswered); explainedWithSensitivity adds flip points and 2,000 Monte Carlo samples; explainedWithCostModel adds the cost model (default assumptions; the synthetic pack has no deployment decision, so there it returns at once).',
      'rulesOnly compares the compiled closures with the generated per-rule functions without result assembly.',
      'Workshops are fully answered: json-rules-engine has no unknown answers.',
    ],
    node: process.version,
  };
}
