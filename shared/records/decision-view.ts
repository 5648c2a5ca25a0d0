import { CONFIDENCE_LABELS, COST_MODEL_RULE, SCOPE_USE_CASE, backedOptions, type DecisionOption, type DecisionEvaluation, type FlipPoint, type RankedOption, type Risk, type UnansweredFactor } from '../engine';
import { nameOfUseCase, type WorkshopState } from '../domain';
import { appliedChoice, portfolioRows, type UseCaseRow } from '../workshop';
import { formatPercent, USE_CASE_COST_FACTORS } from '../cost';
import { formatAnswer, formatScore, formatWeight, isDay, isoDay, listAnd, lowerFirst, participantLabel } from './record-format';
import { proposedRecord } from './record-lifecycle';
import type { RecordsInput } from './records-input';
import type { DecisionRecord } from './record-status';

/** An option named by id and label. */
export interface OptionName {
  id: string;
  label: string;
}

/** One option as records show it: the pack's description, pros and cons with the engine's ranking. */
export interface OptionView extends OptionName {
  description: string;
  pros: readonly string[];
  cons: readonly string[];
  ranked: RankedOption;
  /** Why a hard constraint removed it (empty when it was not excluded). */
  excludedBecause: string[];
}

/** A decision driver: a weighted criterion or a rule that fired. */
export interface DecisionDriver {
  kind: 'criterion' | 'rule';
  /** Criterion or rule id. */
  id: string;
  text: string;
}

/** An answer that a rule about this decision read. */
export interface AnswerThatMattered {
  factor: string;
  prompt: string;
  answer: string;
  note: string | null;
}

/** Plain-text facts about one decision, shared by every record format (each escapes them its own way). */
export interface DecisionView {
  id: string;
  /** The decision's title in the pack: "Deployment". */
  title: string;
  question: string;
  /** "Deployment: Hybrid", or "Deployment: not applicable". */
  recordTitle: string;
  applicable: boolean;
  notApplicableBecause: string[];
  recommended: OptionName | null;
  /** The room's choice where it differs from the recommendation, else the recommendation. */
  chosen: OptionName | null;
  override: { option: OptionName; reason: string } | null;
  /** What follows "because" in the outcome (no final full stop). */
  because: string;
  /** With an override: what Stratum recommended instead, as a sentence. */
  recommendationNote: string | null;
  record: DecisionRecord;
  /** The record's date: when its status last changed, else the workshop's date, else the export's. */
  date: string;
  /** Options in ranking order. */
  options: OptionView[];
  drivers: DecisionDriver[];
  /** The engine's risks for the decision (DecisionEvaluation.risks): those of the room's choice, else of the recommendation, high first. */
  risks: Risk[];
  answers: AnswerThatMattered[];
  unanswered: UnansweredFactor[];
  flipPoints: Array<FlipPoint & { text: string; withinScale: boolean }>;
  robustness: number | null;
  robustnessText: string | null;
  margin: number | null;
  /** How far the participants' own weights agree on this decision, as a sentence (null with fewer than two). */
  agreementText: string | null;
  /** For a decision derived from the use cases: where each use case lands and why (empty otherwise). */
  useCases: UseCaseRow[];
  /** Each person's vote on this decision, cast on their own device in the workshop room (empty when nobody did). */
  votes: Array<{ person: string; option: OptionName; reason: string }>;
}



function optionName(option: DecisionOption | undefined, id: string): OptionName {
  return { id, label: option?.label ?? id };
}

function flipText(input: RecordsInput, d: DecisionEvaluation, fp: FlipPoint): { text: string; withinScale: boolean } {
  const criterion = input.pack.criteria.find((c) => c.id === fp.criterion);
  const label = criterion?.label ?? fp.criterion;
  const optionLabel = (id: string) => d.ranking.find((o) => o.option === id)?.label ?? id;
  const parts: string[] = [];
  if (fp.raise?.withinScale) parts.push(`raising it to ${formatWeight(fp.raise.atWeight)} puts ${optionLabel(fp.raise.to)} on top`);
  if (fp.lower?.withinScale) parts.push(`lowering it to ${formatWeight(fp.lower.atWeight)} puts ${optionLabel(fp.lower.to)} on top`);
  const within = parts.length > 0;
  const tail = within ? parts.join('; ') : 'no weight from 0 to 5 changes the recommendation';
  return { text: `${label} (weight ${formatWeight(fp.weight)}): ${tail}`, withinScale: within };
}

function whyRecommended(input: RecordsInput, d: DecisionEvaluation, top: RankedOption): string {
  const rivals = d.ranking.filter((o) => !o.excluded && o.option !== top.option);
  if (rivals.length === 0) return d.portfolio ? 'it is the only option within reach of where the use cases land' : 'it is the only option no hard constraint excludes';
  const next = rivals[0]!;
  const leading = [...top.criteria]
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 2)
    .map((c) => input.pack.criteria.find((k) => k.id === c.criterion)?.label ?? c.criterion);
  const led = leading.length > 0 ? `, led by ${listAnd(leading)}` : '';
  const base = top.reasons.length === 0 && top.rationale ? `; no rule moved it: ${lowerFirst(top.rationale).replace(/\.$/, '')}` : '';
  const why = `it scores highest on the weighted criteria (${formatScore(top.score)} against ${formatScore(next.score)} for ${next.label})${led}${base}`;
  // A tie is said as one: the lead is less than a rule's effect, or too few weightings keep it.
  if (d.confidence?.level === 'too-close') return `${why}, but it is too close to call against ${listAnd(d.confidence.tied.filter((o) => o !== top.option).map((o) => d.ranking.find((r) => r.option === o)?.label ?? o))}: ${lowerFirst(d.confidence.why).replace(/\.$/, '')}`;
  return why;
}

/** The record of a decision in the input, or a proposed one. */
export function recordFor(input: RecordsInput, decision: string): DecisionRecord {
  return input.records?.find((r) => r.decision === decision && r.workshop === input.workshop.id) ?? proposedRecord(input.workshop.id, decision);
}

/** The date a record carries: its status date, else the workshop's date, else the export's. */
export function recordDate(input: RecordsInput, record: DecisionRecord): string {
  if (record.date !== undefined) return record.date;
  if (isDay(input.workshop.date)) return input.workshop.date;
  return isoDay(input.generatedAt);
}

/** Which option the record names and why: the recommendation, or the room's choice over it, or why there is none. */
function choiceAndWhy(input: RecordsInput, evaluated: DecisionEvaluation, packOption: (id: string) => DecisionOption | undefined) {
  const { state } = input;
  const decisionId = evaluated.id;
  const recommended = evaluated.recommended === null ? null : optionName(packOption(evaluated.recommended), evaluated.recommended);
  // A choice for a decision that does not apply is set aside: the record says so and goes by the decision.
  const room = appliedChoice(evaluated, state.roomChoices);
  const setAside = evaluated.applicable ? undefined : state.roomChoices[decisionId];
  const override = room && room.option !== evaluated.recommended && packOption(room.option) ? { option: optionName(packOption(room.option), room.option), reason: room.reason } : null;
  const chosen = override ? override.option : recommended;

  const ranked = (id: string) => evaluated.ranking.find((o) => o.option === id);
  let because: string;
  let recommendationNote: string | null = null;
  const reasonText = (reason: string) => reason.replace(/\s+/g, ' ').trim().replace(/[.!?]$/, '');
  if (override) {
    // Between tied options a reason is optional; otherwise an empty one means the room agreed with an option
    // that has since stopped being the recommendation.
    // The override is never the recommendation, so an option the engine backs is one of a tie.
    const settlesTie = backedOptions(evaluated).includes(override.option.id);
    if (settlesTie) because = `the room chose it between options too close to call${override.reason.trim() ? `: ${reasonText(override.reason)}` : ''}`;
    else because = override.reason.trim() ? `the room chose it: ${reasonText(override.reason)}` : 'the room chose it (no reason was recorded)';
    const chosenScore = ranked(override.option.id);
    const chosenPart = chosenScore ? (chosenScore.excluded ? `${override.option.label} is excluded by a hard constraint` : `${override.option.label} scored ${formatScore(chosenScore.score)}`) : '';
    if (recommended) {
      const top = ranked(recommended.id)!;
      recommendationNote = `Stratum recommended ${recommended.label} (score ${formatScore(top.score)})${chosenPart ? `; ${chosenPart}` : ''}.`;
    } else {
      recommendationNote = 'Stratum recommended no option: every option is excluded by a hard constraint.';
    }
  } else if (!evaluated.applicable) {
    because = `the decision does not apply: ${evaluated.notApplicableBecause.map((r) => lowerFirst(r.reason.replace(/[.!?]$/, ''))).join('; ')}`;
    if (setAside && packOption(setAside.option)) {
      recommendationNote = `The room chose ${optionName(packOption(setAside.option), setAside.option).label} earlier; the choice is set aside while the decision does not apply.`;
    }
  } else if (recommended === null) {
    because = 'every option is excluded by a hard constraint';
  } else {
    because = whyRecommended(input, evaluated, ranked(recommended.id)!);
    if (room && room.option === evaluated.recommended) {
      const agreed = evaluated.confidence?.level === 'too-close' ? 'The room chose it between options too close to call' : 'The room agreed with the recommendation';
      recommendationNote = room.reason.trim() ? `${agreed}: ${reasonText(room.reason)}.` : `${agreed}.`;
    }
  }

  return { recommended, chosen, override, because, recommendationNote };
}

/** Every option as the record lists it: its description, pros and cons, ranking and what excludes it. */
function optionViews(evaluated: DecisionEvaluation, packOption: (id: string) => DecisionOption | undefined): OptionView[] {
  return evaluated.ranking.map((r) => {
    const o = packOption(r.option);
    return {
      id: r.option,
      label: r.label,
      description: o?.description ?? '',
      pros: o?.pros ?? [],
      cons: o?.cons ?? [],
      ranked: r,
      excludedBecause: evaluated.excluded.find((e) => e.option === r.option)?.reasons.map((x) => x.reason) ?? [],
    };
  });
}

/**
 * What drove the decision (the weighted criteria and the rules that fired, the cost model's adjustments to the chosen
 * option) and the answers that mattered: the organisation's, and each use case's for a decision derived from them.
 */
function driversAndAnswers(input: RecordsInput, evaluated: DecisionEvaluation, d: number, chosenRanked: RankedOption | undefined): { drivers: DecisionDriver[]; answers: AnswerThatMattered[] } {
  const { pack, evaluation, state } = input;
  const drivers: DecisionDriver[] = [...pack.criteria]
    .map((c, i) => ({ c, i, w: evaluation.weights.find((w) => w.criterion === c.id)?.weight ?? 0 }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map(({ c, w }) => ({ kind: 'criterion', id: c.id, text: `${c.label} (weight ${formatWeight(w)} of 5): ${c.description}` }));
  const fired = new Set(evaluation.firedRules);
  const factorIndexes = new Set<number>();
  for (const r of pack.rulesByDecision[d] ?? []) {
    const rule = pack.rules[r]!;
    if (!fired.has(rule.id)) continue;
    drivers.push({ kind: 'rule', id: rule.id, text: rule.rule.rationale });
    for (const f of rule.factors) factorIndexes.add(f);
  }
  // Adjustments from outside the pack's rules (the cost model) are cited in the reasons only.
  for (const reason of chosenRanked?.reasons ?? []) {
    if (!pack.rules.some((r) => r.id === reason.rule) && !drivers.some((x) => x.id === reason.rule)) drivers.push({ kind: 'rule', id: reason.rule, text: reason.rationale });
  }

  // A derived decision also rests on what each use case said to the rules that fired for its parts (serving, training…).
  const useCaseFactors = new Map<string, Set<number>>();
  for (const part of evaluated.portfolio?.from ?? []) {
    const p = pack.decisionIndex.get(part);
    if (p === undefined) continue;
    for (const uc of evaluation.useCases) {
      const firedFor = new Set(uc.firedRules);
      const read = useCaseFactors.get(uc.id) ?? new Set<number>();
      for (const r of pack.rulesByDecision[p] ?? []) {
        const rule = pack.rules[r]!;
        if (!firedFor.has(rule.id)) continue;
        for (const f of rule.factors) (pack.factorScopes[f] === SCOPE_USE_CASE ? read : factorIndexes).add(f);
      }
      // The cost model priced this use case: its volume (today's, when production's is not given), its training hours
      // and, for its sourcing, how far it must be customised mattered too.
      const priced = uc.decisions.find((x) => x.id === part)?.ranking.some((o) => o.reasons.some((reason) => reason.rule === COST_MODEL_RULE));
      if (priced) {
        const given = state.useCases.find((x) => x.id === uc.id)?.answers ?? {};
        const f = USE_CASE_COST_FACTORS;
        const ids = [given[f.requestsInProduction] === undefined ? f.requestsNow : f.requestsInProduction, f.trainingGpuHours, ...(part === 'sourcing' ? [f.customization] : [])];
        for (const id of ids) {
          const index = pack.factorIndex.get(id);
          if (index !== undefined) read.add(index);
        }
      }
      useCaseFactors.set(uc.id, read);
    }
  }
  const answered = (f: number, answers: WorkshopState['answers'], notes: Readonly<Record<string, string>>, prefix: string): AnswerThatMattered[] => {
    const factor = pack.factors[f]!;
    const value = answers[factor.id];
    if (value === undefined) return [];
    const note = notes[factor.id]?.trim();
    return [{ factor: factor.id, prompt: `${prefix}${factor.prompt}`, answer: formatAnswer(factor, value), note: note ? note : null }];
  };
  const answers: AnswerThatMattered[] = [
    ...[...factorIndexes].sort((a, b) => a - b).flatMap((f) => answered(f, state.answers, state.notes, '')),
    ...state.useCases.flatMap((u) =>
      [...(useCaseFactors.get(u.id) ?? [])].sort((a, b) => a - b).flatMap((f) => answered(f, u.answers, u.notes, `${nameOfUseCase(u)}: `)),
    ),
  ];

  return { drivers, answers };
}

/** How far the participants' own weights agree on this decision, when two or more weighed in. */
function agreementWords(input: RecordsInput, decisionId: string): string | null {
  const agreement = input.stakeholders?.agreement.decisions.find((a) => a.decision === decisionId);
  const people = input.stakeholders?.stakeholders.length ?? 0;
  return agreement && people >= 2
    ? `Agreement in the room: Kendall's W ${agreement.kendallW.toFixed(2)} (0 none, 1 identical rankings); ${Math.round(agreement.topShare * people)} of ${people} participants' own weights give the same recommendation.`
    : null;
}

/** Collects the plain-text facts about one decision of the input that every record format needs. */
export function decisionView(input: RecordsInput, decisionId: string): DecisionView {
  const { pack, evaluation } = input;
  const d = pack.decisionIndex.get(decisionId);
  const evaluated = evaluation.decisions.find((x) => x.id === decisionId);
  if (d === undefined || evaluated === undefined) throw new Error(`Decision "${decisionId}" is not in the pack and the evaluation.`);
  const packDecision = pack.decisions[d]!.decision;
  const packOption = (id: string) => packDecision.options.find((o) => o.id === id);
  const { recommended, chosen, override, because, recommendationNote } = choiceAndWhy(input, evaluated, packOption);
  const options = optionViews(evaluated, packOption);
  const { drivers, answers } = driversAndAnswers(input, evaluated, d, chosen ? evaluated.ranking.find((o) => o.option === chosen.id) : undefined);
  const record = recordFor(input, decisionId);
  const agreementText = agreementWords(input, decisionId);

  return {
    id: decisionId,
    title: packDecision.title,
    question: packDecision.question,
    recordTitle: `${packDecision.title}: ${chosen ? chosen.label : evaluated.applicable ? 'no option left' : 'not applicable'}`,
    applicable: evaluated.applicable,
    notApplicableBecause: evaluated.notApplicableBecause.map((r) => r.reason),
    recommended,
    chosen,
    override,
    because,
    recommendationNote,
    record,
    date: recordDate(input, record),
    options,
    drivers,
    // A use case's risk or open question names it: records list them with the organisation's.
    risks: evaluated.risks.map((r) => (r.useCase ? { ...r, message: `${nameOfUseCaseIn(input, r.useCase)}: ${r.message}` } : r)),
    answers,
    unanswered: openQuestions(input, evaluated),
    flipPoints: evaluated.flipPoints.map((fp) => ({ ...fp, ...flipText(input, evaluated, fp) })),
    robustness: evaluated.robustness,
    robustnessText:
      evaluated.robustness === null || recommended === null
        ? null
        : `${formatPercent(evaluated.robustness)} of random changes to the weights (and answers to any open questions) keep ${recommended.label} on top.${evaluated.confidence ? ` ${CONFIDENCE_LABELS[evaluated.confidence.level]}: ${lowerFirst(evaluated.confidence.why)}` : ''}`,
    margin: evaluated.margin,
    agreementText,
    useCases: portfolioRows(input.pack, input.evaluation, evaluated),
    votes: input.state.participants.flatMap((p) => {
      const vote = input.state.votes?.[p.id]?.[decisionId];
      return vote ? [{ person: participantLabel(p), option: optionName(packOption(vote.option), vote.option), reason: vote.reason }] : [];
    }),
  };
}

/** The name of a use case of the input's roadmap, as the engine was given it. */
export function nameOfUseCaseIn(input: RecordsInput, id: string): string {
  return input.evaluation.useCases.find((u) => u.id === id)?.name ?? 'A use case';
}

/**
 * The decision's open questions, each once: a use case's own question names it ("Fraud scoring: …"); an
 * organisation-wide one that a use case's rules also read is asked once, for the organisation.
 */
function openQuestions(input: RecordsInput, evaluated: DecisionEvaluation): UnansweredFactor[] {
  const { pack } = input;
  const out: UnansweredFactor[] = [];
  for (const q of evaluated.unanswered) {
    const f = pack.factorIndex.get(q.factor);
    const useCase = q.useCase !== undefined && f !== undefined && pack.factorScopes[f] === SCOPE_USE_CASE ? q.useCase : undefined;
    const same = out.find((o) => o.factor === q.factor && o.useCase === useCase);
    if (same) {
      for (const rule of q.rules) if (!same.rules.includes(rule)) same.rules.push(rule);
      continue;
    }
    const prompt = useCase === undefined ? q.prompt : `${nameOfUseCaseIn(input, useCase)}: ${q.prompt}`;
    out.push({ factor: q.factor, prompt, rules: [...q.rules], ...(useCase === undefined ? {} : { useCase }) });
  }
  // The organisation's questions first, then each use case's in the roadmap's order (a stable sort keeps the pack's order within).
  const position = (q: UnansweredFactor) => (q.useCase === undefined ? -1 : input.evaluation.useCases.findIndex((u) => u.id === q.useCase));
  return out.sort((a, b) => position(a) - position(b));
}

/** Every organisation decision of the input, in pack order. */
export function decisionViews(input: RecordsInput): DecisionView[] {
  return input.pack.organisationDecisions.map((d) => decisionView(input, d.id));
}
