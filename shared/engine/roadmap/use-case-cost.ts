import { formatMoney, organisationCostInput, placementCosts, SOURCINGS, sourcingCosts, useCaseCostInput, type AllowedPlaces, type CostAssumptions, type ServingPlace, type TrainingPlace } from '../../cost';
import type { Answers } from '../answers';
import type { CompiledPack } from '../compiled-pack';
import { costScore, COST_DECISIVE_RATIO, COST_MODEL_CONSIDERATION, COST_MODEL_CRITERION, COST_MODEL_RULE, type CostAdjustment, type PricedDecision } from '../cost-criterion';
import type { ScoreReason } from '../evaluation';

/** Each placement option as a place in a sentence. */
const PLACES: Readonly<Record<string, string>> = { cloud: 'in the cloud', 'on-premises': 'on-premises', edge: 'at the edge' };
/** Each sourcing option as a way in a sentence. */
const WAYS: Readonly<Record<string, string>> = {
  'pre-built-apis': 'through pre-built APIs',
  'foundation-model-apis': 'through foundation-model APIs',
  'managed-ml-platform': 'on a managed ML platform',
  'custom-platform': 'on a custom platform',
  'industry-specific-solutions': 'as an industry-specific solution',
};

/** Each task in a sentence. */
const TASK_WORDS: Readonly<Record<string, string>> = {
  'language-generation': 'language generation',
  vision: 'vision',
  speech: 'speech',
  'tabular-prediction': 'tabular prediction',
  recommendation: 'recommendation',
  'industry-task': 'industry tasks',
};

/** One decision the cost model prices: its monthly figure per option id, and what the figures count, for the reasons. */
interface Priced {
  decision: string;
  /** What the figures are for ("Serving it"). */
  what: string;
  /** Each option in a sentence. */
  phrases: Readonly<Record<string, string>>;
  figures: Readonly<Record<string, number>> | null;
  /** What the figures include, in a parenthesis of the reason. */
  counts: string;
  /** Options the model does not price because they cannot deliver this use case, each with why: they score 0 on cost. */
  cannot?: Readonly<Record<string, string>>;
  /** What to do when the way the use case goes costs three times the cheapest or more. */
  action: string;
}

const PLACEMENT_ACTION =
  'Confirm that what this placement buys (control, compliance, latency) is worth the difference; set a budget alert on it, and review utilization, reserved capacity and a smaller or quantized model before committing.';
const SOURCING_ACTION =
  'Confirm that what this way of sourcing buys (capability, control, privacy, speed) is worth the difference; set a budget alert on it, and check the volume, the prices and the people it needs before committing.';

function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
}

/** The ids of a decision's options no constraint rules out in `excluded` (pack-wide), or null without the decision. */
function allowedIds(pack: CompiledPack, decision: string, excluded: Uint8Array | null): string[] | null {
  const di = pack.decisionIndex.get(decision);
  if (di === undefined) return null;
  const d = pack.decisions[di]!;
  return d.decision.options.filter((_o, i) => !excluded || excluded[d.optionStart + i] !== 1).map((o) => o.id);
}

/** The places a use case may serve and train in, by its placement decisions' exclusions (every place without them). */
function allowedPlaces(pack: CompiledPack, excluded: Uint8Array | null): AllowedPlaces {
  const serving = allowedIds(pack, 'serving-placement', excluded);
  const training = allowedIds(pack, 'training-placement', excluded);
  return {
    serving: (serving ?? ['cloud', 'on-premises', 'edge']).filter((p): p is ServingPlace => p === 'cloud' || p === 'on-premises' || p === 'edge'),
    training: (training ?? ['cloud', 'on-premises']).filter((p): p is TrainingPlace => p === 'cloud' || p === 'on-premises'),
  };
}

/** The decisions the cost model prices for one use case, with their figures. */
function pricedDecisions(pack: CompiledPack, answers: Answers, organisation: Answers, a: CostAssumptions, roadmapSize: number, excluded: Uint8Array | null): Priced[] {
  const useCase = useCaseCostInput('', '', answers, null);
  const org = organisationCostInput(organisation);
  const places = placementCosts(useCase, org, a, roadmapSize);
  const out: Priced[] = [
    { decision: 'serving-placement', what: 'Serving it', phrases: PLACES, figures: places.serving, counts: 'owned estates carry their share of the fixed cost and spare accelerators', action: PLACEMENT_ACTION },
    { decision: 'training-placement', what: 'Training it', phrases: PLACES, figures: places.training, counts: 'owned estates carry their share of the fixed cost and spare accelerators', action: PLACEMENT_ACTION },
  ];
  if (pack.decisionIndex.has('sourcing')) {
    const sourcing = sourcingCosts(useCase, org, a, roadmapSize, allowedPlaces(pack, excluded));
    const figures = sourcing ? Object.fromEntries(Object.entries(sourcing.options).map(([id, c]) => [id, c.monthly])) : null;
    // What cannot deliver the use case scores 0 on cost; with its task not known, nothing is said of a hosted API.
    const cannot: Record<string, string> = {};
    const taskKnown = !!useCase.task && useCase.task in TASK_WORDS;
    if (sourcing) {
      for (const id of SOURCINGS) {
        if (id in sourcing.options) continue;
        if (useCase.customization === 'high') cannot[id] = 'nothing consumed offers the deep customisation this use case needs';
        else if (taskKnown) cannot[id] = `it does not do ${TASK_WORDS[useCase.task!]}`;
      }
    }
    const share = a.mlPlatformFixedMonthly / Math.max(1, roadmapSize);
    out.push({
      decision: 'sourcing',
      what: 'Sourcing it',
      phrases: WAYS,
      figures,
      cannot,
      action: SOURCING_ACTION,
      counts:
        `a model of your own carries the people who build and keep it, ${formatMoney(a.modelTeamMonthly, a.currency)} a month, and on a custom platform ` +
        `its share of running that platform, ${formatMoney(share, a.currency)}; its accelerators are priced where they cost least`,
    });
  }
  return out;
}

/**
 * The cost model's score of one use case's priced options: where serving and training it cost least at production
 * volume (placementCosts), and which way of sourcing it does (sourcingCosts). Among the options no constraint rules
 * out (`excluded`, pack-wide, from the factor rules), the cheapest scores 1 on cost and an option's score falls
 * with the logarithm of its ratio to that one (costScore: 0 at COST_DECISIVE_RATIO times or more), in proportion
 * to how material its difference from the cheapest is; each cited with the monthly figures. A way of sourcing that
 * cannot deliver the use case (sourcingCosts leaves it out) scores 0, saying why. It replaces the baseline and any rule on
 * those cells. Null when the pack has no such decisions or `cost` criterion, or nothing is priced. Depends on
 * answers, exclusions and assumptions only, never the weights.
 */
export function useCaseCostAdjustment(
  pack: CompiledPack,
  answers: Answers,
  organisation: Answers,
  assumptions: CostAssumptions,
  roadmapSize: number,
  excluded: Uint8Array | null = null,
): CostAdjustment | null {
  const k = pack.criterionIndex.get(COST_MODEL_CRITERION);
  if (k === undefined) return null;
  const nC = pack.criteria.length;
  const cells: number[] = [];
  const by: number[] = [];
  const options: number[] = [];
  const reasons: ScoreReason[] = [];
  const priced: PricedDecision[] = [];
  const money = (x: number) => formatMoney(x, assumptions.currency);
  for (const spec of pricedDecisions(pack, answers, organisation, assumptions, roadmapSize, excluded)) {
    const di = pack.decisionIndex.get(spec.decision);
    const figures = spec.figures;
    if (di === undefined || !figures) continue;
    const d = pack.decisions[di]!;
    const here = d.decision.options.filter((o) => o.id in figures);
    if (here.length < 2) continue;
    const monthly = here.map((o) => figures[o.id]!);
    // Nothing to run (no volume, no hours): nothing to compare.
    if (Math.max(...monthly) === 0) continue;
    // A constraint narrows the choice first: cost compares what is left (everything, when nothing is).
    const ruledOut = here.map((o) => excluded !== null && excluded[d.optionStart + d.decision.options.indexOf(o)] === 1);
    const open = ruledOut.every(Boolean) ? here.map(() => true) : ruledOut.map((r) => !r);
    const compared = monthly.filter((_m, i) => open[i]);
    if (compared.length < 2) continue;
    const cheapest = Math.min(...compared);
    const cheapestAt = monthly.findIndex((m, i) => open[i] && m === cheapest);
    const phrase = (id: string, label: string) => spec.phrases[id] ?? label.toLowerCase();
    const list = here.map((o, i) => `${phrase(o.id, o.label)} ${money(monthly[i]!)}${open[i] ? '' : ' (ruled out)'}`).join(', ');
    const byIndex = new Float64Array(d.optionCount).fill(NaN);
    here.forEach((o, i) => {
      const oi = d.decision.options.indexOf(o);
      byIndex[oi] = monthly[i]!;
      // A ruled-out option is scored too (the room may choose it over its constraint), against the cheapest left.
      const ratio = cheapest > 0 ? monthly[i]! / cheapest : monthly[i]! > 0 ? Infinity : 1;
      // A few dollars more is not a reason to choose: an option's cost weighs in proportion to how much more it costs.
      const more = monthly[i]! - cheapest;
      const material = Math.min(1, more / assumptions.materialMonthlyDifference);
      const score = round3(costScore(ratio, material));
      const g = d.optionStart + oi;
      const amount = round3(score - pack.baseline[g * nC + k]!);
      cells.push(g * nC + k);
      by.push(amount);
      options.push(g);
      if (amount === 0) return;
      const standing =
        i === cheapestAt ? 'the cheapest'
        : !open[i] && more <= 0 ? 'ruled out, though it would cost no more than the cheapest'
        : Number.isFinite(ratio) ? `${ratio.toFixed(2)} times the cheapest`
        : 'dearer than the cheapest, which costs nothing';
      reasons.push({
        rule: COST_MODEL_RULE,
        consideration: COST_MODEL_CONSIDERATION,
        criterion: COST_MODEL_CRITERION,
        by: amount,
        rationale:
          `Cost at production volume: ${spec.what.toLowerCase()} costs ${list} a month; ${phrase(o.id, o.label)} is ${standing}` +
          (open.some((x) => !x) ? ' of those not ruled out' : '') +
          ` (${spec.counts})` +
          (more > 0 && material < 1 ? `; it costs ${money(more)} a month more, ${Math.round(material * 100)}% of a material ${money(assumptions.materialMonthlyDifference)}` : '') +
          `. Its cost score is ${score.toFixed(2)} (1 at the cheapest, 0 at ${COST_DECISIVE_RATIO} times it or more).`,
      });
    });
    // What cannot deliver the use case has no price to compare: it scores 0 on cost, and says why.
    for (const [id, why] of Object.entries(spec.cannot ?? {})) {
      const oi = d.decision.options.findIndex((o) => o.id === id);
      if (oi < 0) continue;
      const g = d.optionStart + oi;
      const amount = round3(-pack.baseline[g * nC + k]!);
      cells.push(g * nC + k);
      by.push(amount);
      options.push(g);
      if (amount === 0) continue;
      const o = d.decision.options[oi]!;
      reasons.push({
        rule: COST_MODEL_RULE,
        consideration: COST_MODEL_CONSIDERATION,
        criterion: COST_MODEL_CRITERION,
        by: amount,
        rationale: `Cost at production volume: ${spec.what.toLowerCase()} ${phrase(o.id, o.label)} has no price to compare, as ${why}; its cost score is 0.00. The ways that can cost ${list} a month.`,
      });
    }
    priced.push({
      decision: di,
      what: spec.what,
      monthly: byIndex,
      cheapest,
      cheapestOption: d.decision.options.indexOf(here[cheapestAt]!),
      places: d.decision.options.map((o) => phrase(o.id, o.label)),
      material: assumptions.materialMonthlyDifference,
      currency: assumptions.currency,
      action: spec.action,
    });
  }
  if (cells.length === 0) return null;
  return { cells: Int32Array.from(cells), by: Float64Array.from(by), options: Int32Array.from(options), reasons, priced };
}
