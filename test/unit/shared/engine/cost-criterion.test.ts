// The cost model feeding the cost criterion of each use case's placements: figures, direction, rationale,
// determinism, linearity in the weights, and the plumbing in shared/engine/cost-criterion.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_ASSUMPTIONS, formatMoney, organisationCostInput, placementCosts, useCaseCostInput, type CostAssumptions } from '../../../../shared/cost';
import {
  COST_MODEL_CONSIDERATION,
  COST_MODEL_CRITERION,
  COST_MODEL_RULE,
  COST_RISK_RATIO,
  costScore as costModelScore,
  SCOPE_ORGANISATION,
  SCOPE_USE_CASE,
  compilePack,
  defaultPack,
  defaultPackJson,
  evaluate,
  factorInfluence,
  parsePack,
  sensitivitySweep,
  stakeholderRankings,
  useCaseCostAdjustment,
  type Answers,
  type CompiledPack,
  type DecisionEvaluation,
  type Evaluation,
  type Roadmap,
  type ScoreReason,
} from '../../../../shared/engine';
import { applyCostAdjustment, costReasonsFor, type CostAdjustment } from '../../../../shared/engine/cost-criterion';
import { createRuleState } from '../../../../shared/engine/rule-state';
import { BUSY_DATA_CENTRE_ANSWERS, OWN_LANGUAGE_MODEL_ANSWERS } from '../cost/fixtures';
import { answersArb, weightsArb } from './arbitraries';
import { flipCrossings } from './flip-crossings';
import { tinyPackJson } from './tiny-pack';

const pack = defaultPack();
const fast = { robustness: { samples: 200 } };
const withPrice = (cloudHourlyPrice: number): CostAssumptions => ({ ...DEFAULT_COST_ASSUMPTIONS, cloudHourlyPrice });

/** An owned fleet busy 80% of the time, 2 spare accelerators, a data centre already running (a quarter of the fixed cost is new). */
const organisation: Answers = { sustainedGpuUtilization: 0.8, spareAccelerators: 2, existingOnPremCapacity: 'significant' };
/** A language model of its own serving 36,500,000 requests a month in production: 3,650 accelerator-hours. */
const drafting: Answers = { task: 'language-generation', usage: 'interactive', requestsPerMonthNow: 1_000_000, requestsPerMonthInProduction: 36_500_000 };

function roadmap(org: Answers, ...useCases: Answers[]): Roadmap {
  return { answers: org, useCases: useCases.map((answers, i) => ({ id: `uc-${i + 1}`, name: `Use case ${i + 1}`, answers })) };
}

/** The adjustment as the engine computes it for one use case (its answers over the organisation's). */
function adjustment(org: Answers, useCase: Answers, a: CostAssumptions = DEFAULT_COST_ASSUMPTIONS, size = 1, p: CompiledPack = pack): CostAdjustment | null {
  return useCaseCostAdjustment(p, { ...org, ...useCase }, org, a, size);
}

/** The cost model's `by` per option of one use-case decision, in option order (options it did not move left out). */
function byOption(cost: CostAdjustment | null, decision: string): Record<string, number> {
  const d = pack.decisions[pack.decisionIndex.get(decision)!]!;
  const out: Record<string, number> = {};
  d.decision.options.forEach((o, i) => {
    for (const r of costReasonsFor(cost, d.optionStart + i)) out[o.id] = r.by;
  });
  return out;
}

function useCaseDecision(e: Evaluation, decision: string, useCase = 0): DecisionEvaluation {
  return e.useCases[useCase]!.decisions.find((d) => d.id === decision)!;
}

function costScore(d: DecisionEvaluation, option: string): number {
  return d.ranking.find((r) => r.option === option)!.criteria.find((c) => c.criterion === 'cost')!.score;
}

function costReason(d: DecisionEvaluation, option: string): ScoreReason | undefined {
  return d.ranking.find((r) => r.option === option)!.reasons.find((r) => r.rule === COST_MODEL_RULE);
}

/** A random roadmap of the default pack: organisation factors for the organisation, use-case factors for 1-3 use cases. */
function roadmapArb(p: CompiledPack): fc.Arbitrary<Roadmap> {
  const aggregated = new Set(p.aggregates.map((x) => x.factor));
  const only = (scope: number) => (answers: Answers): Answers =>
    Object.fromEntries(Object.entries(answers).filter(([id]) => {
      const i = p.factors.findIndex((f) => f.id === id);
      return p.factorScopes[i] === scope && !aggregated.has(i);
    }));
  return fc.record({ org: answersArb(p), useCases: fc.array(answersArb(p), { minLength: 1, maxLength: 3 }) }).map(({ org, useCases }) => roadmap(only(SCOPE_ORGANISATION)(org), ...useCases.map(only(SCOPE_USE_CASE))));
}

describe('useCaseCostAdjustment: the cost model in one use case’s placement', () => {
  it('scores the cheapest place 1 and the others by the logarithm of their ratio to it, as far as the difference is material', () => {
    // placementCosts (placement-costs.test.ts): cloud 14,600; on-premises 13,177.08; edge 14,843.75 a month.
    // Each weighs as far as its own difference from the cheapest is material (of 5,000 a month):
    // cloud costs 1,422.92 more (28.5%): 1 − 0.28458 × log10(14,600 / 13,177.08 = 1.10799) = 0.987 (baseline 0.55: by +0.437)
    // on-premises: the cheapest, 1 (baseline 0.5: +0.5); edge 1,666.67 more (⅓): 1 − ⅓ × log10(1.12648) = 0.983 (baseline 0.45: +0.533)
    const cost = adjustment(organisation, drafting);
    expect(byOption(cost, 'serving-placement')).toEqual({ cloud: 0.437, 'on-premises': 0.5, edge: 0.533 });
    // nothing to train: training-placement is not priced
    expect(byOption(cost, 'training-placement')).toEqual({});
    const k = pack.criterionIndex.get('cost')!;
    for (let i = 0; i < cost!.cells.length; i++) expect(cost!.cells[i]! % pack.criteria.length).toBe(k);
    expect(cost!.reasons[1]).toEqual({
      rule: 'cost-model',
      consideration: 'cost-at-scale',
      criterion: 'cost',
      by: 0.5,
      rationale:
        'Cost at production volume: serving it costs in the cloud 14,600 USD, on-premises 13,177 USD, at the edge 14,844 USD a month; ' +
        'on-premises is the cheapest (owned estates carry their share of the fixed cost and spare accelerators). ' +
        'Its cost score is 1.00 (1 at the cheapest, 0 at 10 times it or more).',
    });
    expect(cost!.reasons[0]!.rationale).toContain('in the cloud is 1.11 times the cheapest');
    expect(cost!.reasons[0]!.rationale).toContain('it costs 1,423 USD a month more, 28% of a material 5,000 USD. Its cost score is 0.99');
  });

  it('weighs in full from a material difference, and prices training where it trains too', () => {
    // ten times the volume: 36,500 h → cloud 146,000; on-premises (62.5 − 2) × 833.33 + 0.35 × 62.5 × 833.33 + 10,000
    // = 78,645.83; edge 80,312.50 → cloud 1 − log10(1.85643) = 0.731 (+0.181), on-premises 1 (+0.5), edge 1,666.67 more
    // (⅓ of a material difference): 1 − ⅓ × log10(1.02119) = 0.997 (+0.547)
    const big = { ...drafting, requestsPerMonthInProduction: 365_000_000 };
    expect(byOption(adjustment(organisation, big), 'serving-placement')).toEqual({ cloud: 0.181, 'on-premises': 0.5, edge: 0.547 });
    // Serving and training 1,460 h (90% interruptible): each part gets half the spare (1) and at most half the fixed
    // cost (5,000). Training: cloud 4 × 1,460 × (1 − 0.7 × 0.9) = 2,160.80; on-premises 1,460 / 584 = 2.5 accelerators
    // → (2.5 − 1) × 833.33 = 1,250 + 0.35 × 2.5 × 833.33 = 729.17 + min(10,000 × 2.5 / 8, 5,000) = 3,125 → 5,104.17.
    // They differ by 2,943.37, 59% of a material 5,000: cloud 1 (baseline 0.6: +0.4); on-premises
    // 1 − 0.58867 × log10(2.36217) = 0.780 (baseline 0.5: +0.28)
    const training = { ...drafting, monthlyTrainingGpuHours: 1_460, interruptionTolerance: 'high' };
    expect(byOption(adjustment(organisation, training), 'training-placement')).toEqual({ cloud: 0.4, 'on-premises': 0.28 });
    expect(adjustment(organisation, training)!.reasons.find((x) => x.by === 0.4)!.rationale).toContain(
      'training it costs in the cloud 2,161 USD, on-premises 5,104 USD a month; in the cloud is the cheapest',
    );
  });

  it('has nothing to say without a volume or a difference, or in a pack without placements or a cost criterion', () => {
    expect(adjustment(organisation, { task: 'vision' })).toBeNull();
    expect(adjustment(organisation, { ...drafting, requestsPerMonthNow: 0, requestsPerMonthInProduction: 0 })).toBeNull();
    const tiny = compilePack(parsePackOrThrow(tinyPackJson()));
    expect(adjustment(organisation, drafting, DEFAULT_COST_ASSUMPTIONS, 1, tiny)).toBeNull();
    const noCost = JSON.parse(JSON.stringify(defaultPackJson()).replaceAll('"cost"', '"money"'));
    const renamed = compilePack(parsePackOrThrow(noCost));
    expect(renamed.criterionIndex.has('cost')).toBe(false);
    expect(adjustment(organisation, drafting, DEFAULT_COST_ASSUMPTIONS, 1, renamed)).toBeNull();
  });

  it('scores every priced place within 0..1, the cheapest 1, and a dearer place never above a cheaper one (property)', () => {
    fc.assert(
      fc.property(roadmapArb(pack), (r) => {
        for (const u of r.useCases) {
          const cost = useCaseCostAdjustment(pack, { ...r.answers, ...u.answers }, r.answers, DEFAULT_COST_ASSUMPTIONS, r.useCases.length);
          if (!cost) continue;
          for (const priced of cost.priced) {
            const d = pack.decisions[priced.decision]!;
            const score = (o: number) => pack.baseline[(d.optionStart + o) * pack.criteria.length + pack.criterionIndex.get('cost')!]! + (cost.by[cost.options.indexOf(d.optionStart + o)] ?? NaN);
            const placed = [...priced.monthly.keys()].filter((o) => priced.monthly[o] === priced.monthly[o]);
            expect(score(priced.cheapestOption)).toBeCloseTo(1, 9);
            for (const a of placed) {
              expect(score(a)).toBeGreaterThanOrEqual(-1e-9);
              expect(score(a)).toBeLessThanOrEqual(1 + 1e-9);
              for (const b of placed) if (priced.monthly[a]! < priced.monthly[b]!) expect(score(a)).toBeGreaterThanOrEqual(score(b) - 1e-9);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

function parsePackOrThrow(json: unknown) {
  const parsed = parsePack(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('useCaseCostAdjustment: the cost model in one use case’s sourcing', () => {
  it('scores the cheapest way to source it 1 and the others by their ratio to it, people included', () => {
    // sourcing-costs.test.ts: foundation-model APIs 273,750; managed platform 31,471.35 (13,177.08 on-premises with
    // its 25% markup + a model team of 15,000); custom platform 58,177.08 (no markup, + the platform, 30,000);
    // industry solution 365,000. managed: the cheapest, 1 (baseline 0.55: +0.45); custom 1 − log10(1.84857) = 0.733
    // (baseline 0.35: +0.383); the APIs 1 − log10(8.69841) = 0.061 (baseline 0.6: −0.539); the licence, 11.6 times: 0
    // (baseline 0.5: −0.5).
    // A pre-built API does not generate language: no price, so 0 on cost (baseline 0.7: −0.7), saying why.
    const cost = adjustment(organisation, drafting);
    expect(byOption(cost, 'sourcing')).toEqual({
      'pre-built-apis': -0.7,
      'managed-ml-platform': 0.45,
      'custom-platform': 0.383,
      'foundation-model-apis': -0.539,
      'industry-specific-solutions': -0.5,
    });
    expect(cost!.reasons.find((r) => r.by === -0.7)!.rationale).toBe(
      'Cost at production volume: sourcing it through pre-built APIs has no price to compare, as it does not do language generation; its cost score is 0.00. ' +
        'The ways that can cost through foundation-model APIs 273,750 USD, on a managed ML platform 31,471 USD, on a custom platform 58,177 USD, ' +
        'as an industry-specific solution 365,000 USD a month.',
    );
    // Deeply customised, nothing consumed is priced: each says so.
    const deep = adjustment(organisation, { ...drafting, customizationNeed: 'high' });
    expect(byOption(deep, 'sourcing')).toMatchObject({ 'pre-built-apis': -0.7, 'foundation-model-apis': -0.6, 'industry-specific-solutions': -0.5, 'managed-ml-platform': 0.45 });
    expect(deep!.reasons.filter((r) => r.rationale.includes('nothing consumed offers the deep customisation this use case needs'))).toHaveLength(3);
    const apis = cost!.reasons.find((r) => r.by === -0.539)!;
    expect(apis.rationale).toBe(
      'Cost at production volume: sourcing it costs through foundation-model APIs 273,750 USD, on a managed ML platform 31,471 USD, ' +
        'on a custom platform 58,177 USD, as an industry-specific solution 365,000 USD a month; through foundation-model APIs is 8.70 times the cheapest ' +
        '(a model of your own carries the people who build and keep it, 15,000 USD a month, and on a custom platform its share of running that platform, ' +
        '30,000 USD; its accelerators are priced where they cost least). Its cost score is 0.06 (1 at the cheapest, 0 at 10 times it or more).',
    );
  });

  it('compares only what the constraints leave: a ruled-out option is listed as such and is not the yardstick', () => {
    // Sovereign data: the hosted APIs are ruled out and the cloud too. What is left is compared among itself.
    const sovereign = { ...drafting, dataResidency: 'sovereign', requestsPerMonthInProduction: 100_000 };
    const e = evaluate(pack, roadmap(organisation, sovereign), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    const sourcing = useCaseDecision(e, 'sourcing');
    expect(sourcing.excluded.map((x) => x.option).sort()).toEqual(['foundation-model-apis', 'pre-built-apis']);
    // 100,000 requests: the APIs would cost 750 a month, but they are out; the licence (1,000) is the cheapest left,
    // served on the organisation's own accelerators because the cloud is out too.
    const licence = costReason(sourcing, 'industry-specific-solutions')!;
    expect(licence.rationale).toContain('through foundation-model APIs 750 USD (ruled out)');
    expect(licence.rationale).toContain('as an industry-specific solution is the cheapest of those not ruled out');
    expect(costScore(sourcing, 'industry-specific-solutions')).toBe(1);
    // The ruled-out API is scored too, against what is left (the room may still choose it), and says it is ruled out.
    expect(costReason(sourcing, 'foundation-model-apis')!.rationale).toContain('is ruled out, though it would cost no more than the cheapest of those not ruled out');
    // With every place open, the APIs would be the yardstick and the licence would score below 1.
    const open = evaluate(pack, roadmap(organisation, { ...sovereign, dataResidency: 'none' }), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    expect(costScore(useCaseDecision(open, 'sourcing'), 'foundation-model-apis')).toBe(1);
    expect(costScore(useCaseDecision(open, 'sourcing'), 'industry-specific-solutions')).toBeLessThan(1);
  });

  it('scores a ruled-out way the room chooses as its risk prices it, with advice for sourcing', () => {
    // Sovereign data at 365 million requests: the API is ruled out, and would cost 2,737,500 a month.
    const sovereign = { ...drafting, dataResidency: 'sovereign', requestsPerMonthInProduction: 365_000_000 };
    const chosen: Roadmap = { answers: organisation, useCases: [{ id: 'uc-1', name: 'Use case 1', answers: sovereign, decided: { sourcing: 'foundation-model-apis' } }] };
    const e = evaluate(pack, chosen, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    const sourcing = useCaseDecision(e, 'sourcing');
    expect(costScore(sourcing, 'foundation-model-apis')).toBe(0);
    const risk = sourcing.risks.find((r) => r.rule === COST_MODEL_RULE)!;
    expect(risk.severity).toBe('high');
    expect(risk.message).toMatch(/^Sourcing it through foundation-model APIs costs 2,737,500 USD a month at production volume, \d+ times what it costs on a managed ML platform/);
    expect(risk.action).toContain('what this way of sourcing buys');
    expect(risk.action).not.toContain('placement');
  });

  it('moves the call with the volume: a model of one’s own at scale, an API for a handful of requests', () => {
    const at = (requests: number) =>
      evaluate(pack, roadmap(organisation, { ...drafting, requestsPerMonthNow: requests, requestsPerMonthInProduction: requests }), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS }).useCases[0]!.outcomes.find(
        (o) => o.decision === 'sourcing',
      )!.option;
    expect(at(50_000)).toBe('foundation-model-apis');
    expect(['managed-ml-platform', 'custom-platform']).toContain(at(100_000_000));
  });
});

describe('the cost model in evaluate', () => {
  const r = roadmap(organisation, drafting);

  it('changes nothing without assumptions, nothing until a use case has a volume, and nothing for bare organisation answers', () => {
    const without = evaluate(pack, r, undefined, fast);
    expect(without.useCases[0]!.firedRules).not.toContain(COST_MODEL_RULE);
    // (Robustness samples the open volumes, which the cost model then prices: compare the scoring itself.)
    const noVolume = roadmap(organisation, { task: 'language-generation', usage: 'interactive' });
    const plain = { sensitivity: false };
    const priced = evaluate(pack, noVolume, undefined, { ...plain, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    // Only one thing differs: the decisions the cost model would price ask for the volume it needs.
    const withoutVolumeQuestion = JSON.parse(JSON.stringify(priced), (key, value) => (key === 'unanswered' && Array.isArray(value) ? value.filter((q: { rules?: string[] }) => !q.rules?.includes(COST_MODEL_RULE)) : value));
    expect(JSON.stringify(withoutVolumeQuestion)).toBe(JSON.stringify(evaluate(pack, noVolume, undefined, plain)));
    // (Served by a provider's API, its placement does not apply here: sourcing asks.)
    for (const id of ['sourcing']) {
      expect(useCaseDecision(priced, id).unanswered.find((q) => q.factor === 'requestsPerMonthInProduction'), id).toEqual({
        factor: 'requestsPerMonthInProduction',
        prompt: pack.factors[pack.factorIndex.get('requestsPerMonthInProduction')!]!.prompt,
        rules: [COST_MODEL_RULE],
      });
    }
    expect(priced.decisions.find((d) => d.id === 'ai-sourcing')!.unanswered.some((q) => q.factor === 'requestsPerMonthInProduction' && q.useCase === 'uc-1')).toBe(true);
    // A pack's organisation decisions are no longer priced on their own: without use cases there is nothing to price.
    const bare = { ...organisation, ...drafting };
    expect(JSON.stringify(evaluate(pack, bare, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS }))).toBe(JSON.stringify(evaluate(pack, bare, undefined, fast)));
  });

  it('cites the cost model on the use case’s placement and sourcing options and in its fired rules, and nowhere else', () => {
    const e = evaluate(pack, r, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    const u = e.useCases[0]!;
    expect(u.firedRules[u.firedRules.length - 1]).toBe(COST_MODEL_RULE);
    expect(e.firedRules).not.toContain(COST_MODEL_RULE);
    const serving = useCaseDecision(e, 'serving-placement');
    expect(serving.ranking.map((x) => [x.option, costReason(serving, x.option)?.by])).toEqual(
      expect.arrayContaining([
        ['cloud', 0.437],
        ['on-premises', 0.5],
        ['edge', 0.533],
      ]),
    );
    // The cost model alone judges cost: what it prices scores as it says, whatever the rules.
    expect(costScore(serving, 'on-premises')).toBe(1);
    expect(costScore(serving, 'cloud')).toBe(0.987);
    expect(costReason(serving, 'cloud')).toMatchObject({ rule: COST_MODEL_RULE, consideration: COST_MODEL_CONSIDERATION, criterion: COST_MODEL_CRITERION });
    for (const d of [...u.decisions.filter((x) => x.id !== 'serving-placement' && x.id !== 'sourcing'), ...e.decisions]) {
      for (const option of d.ranking) expect(option.reasons.some((x) => x.rule === COST_MODEL_RULE), `${d.id}/${option.option}`).toBe(false);
    }
  });

  it('prices each use case on its own answers, and shares the organisation’s spare accelerators and fixed cost among them', () => {
    // The same use case in a roadmap of two gets half the spare accelerators and at most half the fixed cost.
    const alone = adjustment(organisation, drafting, DEFAULT_COST_ASSUMPTIONS, 1);
    const ofTwo = adjustment(organisation, drafting, DEFAULT_COST_ASSUMPTIONS, 2);
    expect(ofTwo).not.toEqual(alone);
    const e = evaluate(pack, roadmap(organisation, drafting, { task: 'vision', usage: 'batch' }), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    expect(e.useCases[0]!.firedRules).toContain(COST_MODEL_RULE);
    expect(e.useCases[1]!.firedRules).not.toContain(COST_MODEL_RULE);
    const serving = useCaseDecision(e, 'serving-placement', 0);
    for (const [option, by] of Object.entries(byOption(ofTwo, 'serving-placement'))) expect(costReason(serving, option)!.by).toBe(by);
  });

  it('moves the scores in the right direction as the cloud price rises, and can move a use case and the deployment', () => {
    const cheap = evaluate(pack, r, undefined, { ...fast, costAssumptions: withPrice(1) });
    const dear = evaluate(pack, r, undefined, { ...fast, costAssumptions: withPrice(12) });
    expect(costScore(useCaseDecision(dear, 'serving-placement'), 'cloud')).toBeLessThan(costScore(useCaseDecision(cheap, 'serving-placement'), 'cloud'));
    expect(costScore(useCaseDecision(dear, 'serving-placement'), 'on-premises')).toBeGreaterThan(costScore(useCaseDecision(cheap, 'serving-placement'), 'on-premises'));

    // A steady, busy model of its own in a firm with a data centre and the skills to run it: cheap cloud keeps it
    // (and the organisation) in the cloud; at 30 USD an hour owning wins, for the use case and so for the deployment.
    const org = BUSY_DATA_CENTRE_ANSWERS;
    const model = OWN_LANGUAGE_MODEL_ANSWERS;
    const weights = { cost: 3 };
    const low = evaluate(pack, roadmap(org, model), weights, { ...fast, costAssumptions: withPrice(1) });
    const high = evaluate(pack, roadmap(org, model), weights, { ...fast, costAssumptions: withPrice(30) });
    const lands = (e: Evaluation, decision: string) => e.useCases[0]!.outcomes.find((o) => o.decision === decision)!.option;
    expect([lands(low, 'serving-placement'), lands(low, 'training-placement'), low.decisions.find((d) => d.id === 'deployment')!.recommended]).toEqual(['cloud', 'cloud', 'cloud']);
    expect([lands(high, 'serving-placement'), lands(high, 'training-placement'), high.decisions.find((d) => d.id === 'deployment')!.recommended]).toEqual([
      'on-premises',
      'on-premises',
      'on-premises',
    ]);
  });

  it('raises a High risk with the figures where a use case lands at three times the cheapest place or more', () => {
    // A bank at 5% utilization with no data centre: owning its training costs over ten times renting it.
    const org: Answers = { sustainedGpuUtilization: 0.05, spareAccelerators: 0, existingOnPremCapacity: 'none', opsExpertise: 'high', mlExpertise: 'high' };
    const fraud: Answers = { task: 'tabular-prediction', usage: 'interactive', latencyP95Ms: 30, dataSensitivity: 'regulated', dataResidency: 'in-country', dataLocation: 'on-premises', requestsPerMonthNow: 1_000_000, requestsPerMonthInProduction: 2_000_000, monthlyTrainingGpuHours: 6_000, interruptionTolerance: 'some', customizationNeed: 'high' };
    const e = evaluate(pack, roadmap(org, fraud), { compliance: 5, control: 5 }, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS, decided: { deployment: 'on-premises' } });
    const training = useCaseDecision(e, 'training-placement');
    expect(e.useCases[0]!.outcomes.find((o) => o.decision === 'training-placement')!.option).toBe('on-premises');
    const risk = training.risks.find((r) => r.rule === COST_MODEL_RULE)!;
    expect(risk).toMatchObject({ severity: 'high', option: 'on-premises', consideration: COST_MODEL_CONSIDERATION });
    expect(risk.message).toMatch(/^Training it on-premises costs [\d,]+ USD a month at production volume, \d+ times what it costs in the cloud \([\d,]+ USD\)\.$/);
    expect(risk.action).toMatch(/budget alert/);
    // It reaches the deployment, naming the use case.
    expect(e.decisions.find((d) => d.id === 'deployment')!.risks).toContainEqual({ ...risk, useCase: 'uc-1' });
    // Where it lands in the cheapest place, or the gap is under three times, there is no cost risk.
    const rented = evaluate(pack, roadmap(org, fraud), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS, decided: { deployment: 'cloud' } });
    expect(useCaseDecision(rented, 'training-placement').risks.some((r) => r.rule === COST_MODEL_RULE)).toBe(false);
    const busy = evaluate(pack, roadmap({ ...org, sustainedGpuUtilization: 0.9, existingOnPremCapacity: 'significant' }, fraud), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS, decided: { deployment: 'on-premises' } });
    expect(useCaseDecision(busy, 'training-placement').risks.some((r) => r.rule === COST_MODEL_RULE)).toBe(false);
    // Nor for a gap of a few dollars, however large the ratio.
    const small = evaluate(pack, roadmap(org, { ...fraud, monthlyTrainingGpuHours: 2 }), undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS, decided: { deployment: 'on-premises' } });
    expect(useCaseDecision(small, 'training-placement').risks.some((r) => r.rule === COST_MODEL_RULE)).toBe(false);
  });

  it('a higher weight on cost never lowers the cheapest place or way of sourcing below an option it was level with or ahead of (property)', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), fc.double({ min: 0.5, max: 5, noNaN: true }), (input, weights, more) => {
        const options = { sensitivity: false, costAssumptions: DEFAULT_COST_ASSUMPTIONS };
        const before = evaluate(pack, input, weights, options);
        const after = evaluate(pack, input, { ...weights, cost: (weights.cost ?? pack.criteria[pack.criterionIndex.get('cost')!]!.defaultWeight) + more }, options);
        before.useCases.forEach((u, i) => {
          for (const id of ['serving-placement', 'training-placement', 'sourcing']) {
            const b = u.decisions.find((d) => d.id === id)!;
            const a = after.useCases[i]!.decisions.find((d) => d.id === id)!;
            const live = b.ranking.filter((x) => !x.excluded && costReason(b, x.option));
            if (live.length < 2) continue;
            const cheapest = live.reduce((best, x) => (costScore(b, x.option) > costScore(b, best.option) ? x : best));
            const score = (d: DecisionEvaluation, o: string) => d.ranking.find((x) => x.option === o)!.score;
            for (const other of live) {
              if (other === cheapest || costScore(b, other.option) === costScore(b, cheapest.option)) continue;
              if (score(b, cheapest.option) >= score(b, other.option)) expect(score(a, cheapest.option)).toBeGreaterThanOrEqual(score(a, other.option) - 1e-12);
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('names the monthly figures in the rationale', () => {
    const e = evaluate(pack, r, undefined, { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS });
    const costs = placementCosts(useCaseCostInput('', '', { ...organisation, ...drafting }, null), organisationCostInput(organisation), DEFAULT_COST_ASSUMPTIONS, 1).serving!;
    const reason = costReason(useCaseDecision(e, 'serving-placement'), 'edge')!;
    for (const place of ['cloud', 'on-premises', 'edge'] as const) expect(reason.rationale).toContain(formatMoney(costs[place], 'USD'));
    expect(reason.rationale).toMatch(/^Cost at production volume: serving it costs /);
    expect(reason.rationale).toMatch(/at the edge is 1\.13 times the cheapest/);
    expect(reason.rationale).toMatch(/Its cost score is 0\.98 \(1 at the cheapest, 0 at 10 times it or more\)\.$/);
  });

  it('is deterministic and independent of the weights, so scores stay linear in them (property)', () => {
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), weightsArb(pack), (input, a, b) => {
        const options = { ...fast, costAssumptions: DEFAULT_COST_ASSUMPTIONS };
        const first = JSON.stringify(evaluate(pack, input, a, options));
        expect(JSON.stringify(evaluate(pack, structuredClone(input), { ...a }, { ...options }))).toBe(first);
        const adjustments = (e: Evaluation) =>
          e.useCases.map((u) => u.decisions.map((d) => d.ranking.map((x) => [x.option, x.reasons.find((y) => y.rule === COST_MODEL_RULE)?.by ?? null]).sort()));
        const scores = (e: Evaluation) => e.useCases.map((u) => u.decisions.map((d) => Object.fromEntries(d.ranking.map((x) => [x.option, x.criteria.map((c) => c.score)]))));
        expect(adjustments(evaluate(pack, input, b, options))).toEqual(adjustments(evaluate(pack, input, a, options)));
        expect(scores(evaluate(pack, input, b, options))).toEqual(scores(evaluate(pack, input, a, options)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every flip point of a use case’s decisions exact: just past it, the top option is the one named (property)', () => {
    const costAssumptions = withPrice(6);
    fc.assert(
      fc.property(roadmapArb(pack), weightsArb(pack), (input, weights) => {
        const evaluation = evaluate(pack, input, weights, { robustness: { samples: 1 }, costAssumptions });
        evaluation.useCases.forEach((u, i) => {
          for (const d of u.decisions) {
            if (tied(d)) continue;
            for (const { criterion, to, past } of d.flipPoints.flatMap((flip) => flipCrossings(flip))) {
              const moved = evaluate(pack, input, { ...weights, [criterion]: past }, { sensitivity: false, costAssumptions });
              expect(topOf(moved.useCases[i]!.decisions.find((x) => x.id === d.id)!)).toBe(to);
            }
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('scores the same in the sensitivity sweep, the stakeholder rankings and the factor influence', () => {
    const costAssumptions = withPrice(9);
    const weights = { cost: 4, agility: 2 };
    const e = evaluate(pack, r, weights, { ...fast, costAssumptions });
    const deployment = e.decisions.find((d) => d.id === 'deployment')!;
    const sweep = sensitivitySweep(pack, r, weights, 'deployment', 'cost', { steps: 6, max: 5, costAssumptions });
    // The sweep passes through weight 4 (0, 1, …, 5): there the scores are the evaluation's.
    for (const series of sweep.options) {
      const ranked = deployment.ranking.find((x) => x.option === series.option)!;
      if (series.excluded) expect(ranked.excluded).toBe(true);
      else expect(series.scores[4]).toBeCloseTo(ranked.score, 12);
    }
    const people = stakeholderRankings(pack, r, [{ name: 'A', weights: {} }], weights, { costAssumptions });
    expect(people.group.find((g) => g.decision === 'deployment')!.ranking).toEqual(deployment.ranking.map((x) => x.option));

    // Settling utilization re-prices the owned fleet: with the cost model, it counts for at least as much.
    const open = roadmap({ ...organisation, sustainedGpuUtilization: null }, { ...drafting, requestsPerMonthInProduction: 365_000_000 });
    const shift = (list: ReturnType<typeof factorInfluence>) => list.find((f) => f.factor === 'sustainedGpuUtilization')?.maxScoreShift ?? 0;
    expect(shift(factorInfluence(pack, open, weights, { costAssumptions }))).toBeGreaterThanOrEqual(shift(factorInfluence(pack, open, weights)));
  });
});

/** Whether two live options are tied up to floating-point dust (then pack order decides against rounding). */
function tied(d: DecisionEvaluation): boolean {
  const live = d.ranking.filter((x) => !x.excluded);
  return live.some((a, i) => live.some((b, j) => j > i && Math.abs(a.score - b.score) < 1e-9));
}

function topOf(d: DecisionEvaluation): string | null {
  return d.ranking.find((x) => !x.excluded)?.option ?? null;
}

describe('applyCostAdjustment and costReasonsFor', () => {
  const reason = (by: number): ScoreReason => ({ rule: COST_MODEL_RULE, consideration: COST_MODEL_CONSIDERATION, criterion: COST_MODEL_CRITERION, by, rationale: `moves ${by}` });
  const cost: CostAdjustment = { cells: Int32Array.from([3, 10]), by: Float64Array.from([0.05, -0.02]), options: Int32Array.from([0, 1]), reasons: [reason(0.05), reason(-0.02)], priced: [] };

  it('sets each cell to its amount, replacing what the rules adjusted there, and leaves the rest', () => {
    const state = createRuleState(pack);
    state.adjust[3] = 0.1;
    const before = Float64Array.from(state.adjust);
    applyCostAdjustment(state, cost);
    expect(state.adjust[3]).toBe(0.05);
    expect(state.adjust[10]).toBe(-0.02);
    state.adjust.forEach((v, i) => {
      if (i !== 3 && i !== 10) expect(v).toBe(before[i]);
    });
    const untouched = Float64Array.from(state.adjust);
    applyCostAdjustment(state, null);
    applyCostAdjustment(state, undefined);
    expect(state.adjust).toEqual(untouched);
  });

  it('gives each option its own reasons, and none without an adjustment', () => {
    expect(costReasonsFor(cost, 1)).toEqual([reason(-0.02)]);
    expect(costReasonsFor(cost, 2)).toEqual([]);
    expect(costReasonsFor(null, 0)).toEqual([]);
  });

  it('keeps the documented scale: 1 at the cheapest, 0.70 at twice, 0.52 at three times, 0 from ten times', () => {
    expect(costModelScore(1, 1)).toBe(1);
    expect(costModelScore(1.1, 1)).toBeCloseTo(0.959, 3);
    expect(costModelScore(2, 1)).toBeCloseTo(0.699, 3);
    expect(costModelScore(3, 1)).toBeCloseTo(0.523, 3);
    expect(costModelScore(10, 1)).toBe(0);
    expect(costModelScore(50, 1)).toBe(0);
    // An immaterial difference moves it in proportion: half material, half the fall.
    expect(costModelScore(10, 0.5)).toBeCloseTo(0.5, 12);
    expect(COST_RISK_RATIO).toBe(3);
    expect([COST_MODEL_RULE, COST_MODEL_CONSIDERATION, COST_MODEL_CRITERION]).toEqual(['cost-model', 'cost-at-scale', 'cost']);
  });
});
