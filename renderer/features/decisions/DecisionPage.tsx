import { createContext, memo, useCallback, useContext, useDeferredValue, useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { CONFIDENCE_LABELS, evaluate, sensitivitySweep, type DecisionEvaluation, type FlipPoint } from '../../../shared/engine';
import { humanize } from '../../components/labels';
import { useSettled } from '../../components/use-settled';
import { useAppPick, useAppStore } from '../../stores/context';
import { useDerived, usePack, type Derived } from '../../stores/derived';
import { portfolioRows } from '../../../shared/workshop';
import { appliesBecauseOfRoom } from './applies-because';
import { RankingList } from './RankingList';
import { RiskList } from './RiskList';
import { RoomChoiceEditor } from './RoomChoiceEditor';
import { withRoomChoice } from '../../stores/session-actions';
import { SensitivityChart } from './SensitivityChart';
import { ConsistencyCallout } from '../../components/ConsistencyCallout';
import { separators, tieWords } from './confidence-words';
import { robustnessInWords } from './robustness-words';
import { ScrollTable, TableHead } from '../../components/form';
import { optionLabel } from '../../../shared/domain';

/** The criterion whose weight is closest to flipping the recommendation: the one worth showing first. */
function mostSensitiveCriterion(flips: readonly FlipPoint[]): string | null {
  let best: { criterion: string; distance: number } | null = null;
  for (const f of flips) {
    for (const t of [f.raise, f.lower]) {
      if (!t || !t.withinScale) continue;
      const distance = Math.abs(t.atWeight - f.weight);
      if (!best || distance < best.distance) best = { criterion: f.criterion, distance };
    }
  }
  return best?.criterion ?? null;
}

/** Exclusion reasons with the use cases each holds for named once: "It answers people … (Card fraud scoring, Credit memo summaries)." */
function groupedReasons(reasons: ReadonlyArray<{ reason: string; useCase?: string }>, nameOfUseCase: (id: string) => string): string {
  const byReason = new Map<string, string[]>();
  for (const r of reasons) {
    const names = byReason.get(r.reason) ?? [];
    if (r.useCase && !names.includes(nameOfUseCase(r.useCase))) names.push(nameOfUseCase(r.useCase));
    byReason.set(r.reason, names);
  }
  return [...byReason.entries()].map(([reason, names]) => (names.length > 0 ? `${reason.replace(/\.$/, '')} (${names.join(', ')}).` : reason)).join(' ');
}

/** How long the what-if slider rests before robustness is worked out at its weight (ms). */
const WHAT_IF_SETTLE_MS = 150;

/**
 * The what-if slider's own value, read by the few parts that follow it at every step of a drag (the slider, its
 * number and the what-if note). The rest of the page follows a deferred copy: React renders it between frames
 * and drops steps a drag has already passed, so the slider never waits for the page (#18).
 */
const WhatIf = createContext<{ value: number | null; set: (value: number | null) => void }>({ value: null, set: () => undefined });

/** A card (or part) whose figures follow the deferred what-if weight: busy while they are a step behind the slider. */
function Following({ shown, as = 'section', className, children, ...props }: HTMLAttributes<HTMLElement> & { shown: number | null; as?: 'section' | 'div'; children: ReactNode }) {
  const { value } = useContext(WhatIf);
  const Element = as;
  return (
    <Element {...props} className={className ? `${className} follows` : 'follows'} aria-busy={value !== shown || undefined}>
      {children}
    </Element>
  );
}

/** The what-if note: the weight being explored, against the group's, and the way back. */
function WhatIfNote({ criterionLabel, groupWeight }: { criterionLabel: string; groupWeight: number }) {
  const { value, set } = useContext(WhatIf);
  if (value === null) return null;
  return (
    <div className="callout callout-whatif" role="status">
      <p>
        <strong>What if:</strong> {criterionLabel} weighted {value.toFixed(1)} instead of the group’s {groupWeight.toFixed(1)}. Nothing is saved.
      </p>
      <button type="button" className="button button-small" onClick={() => set(null)}>
        Back to the group’s weights
      </button>
    </div>
  );
}

/** The what-if slider and its number, at the slider's own value. */
function WhatIfSlider({ id, criterionLabel, groupWeight }: { id: string; criterionLabel: string; groupWeight: number }) {
  const { value, set } = useContext(WhatIf);
  const at = value ?? groupWeight;
  return (
    <div className="what-if">
      <label htmlFor={id}>What if {criterionLabel.toLowerCase()} were weighted</label>
      <input id={id} type="range" min={0} max={5} step={0.1} value={at} aria-valuetext={`${at.toFixed(1)} of 5`} onChange={(e) => set(Number(e.target.value))} />
      <output htmlFor={id}>{at.toFixed(1)}</output>
    </div>
  );
}

/** The sensitivity chart; its sweep is worked out in a render of its own, so the page's deferred render can pause before it. */
function SweepChart(props: { derived: Derived; weights: Readonly<Record<string, number>>; decisionId: string; criterion: string; criterionLabel: string; optionLabel: (option: string) => string }) {
  const { derived, weights, decisionId, criterion } = props;
  const pack = usePack();
  const sweep = useMemo(
    () => sensitivitySweep(pack, derived.roadmap, weights, decisionId, criterion, { costAssumptions: derived.costAssumptions, decided: derived.decided }),
    [pack, derived, weights, decisionId, criterion],
  );
  return <SensitivityChart sweep={sweep} criterionLabel={props.criterionLabel} currentWeight={weights[criterion] ?? 0} optionLabel={props.optionLabel} />;
}

/** One decision: ranking, why, exclusions, pros and cons, risks, sensitivity, robustness and the room's choice. */
export function DecisionPage({ evaluation }: { evaluation: DecisionEvaluation; index: number }) {
  const pack = usePack();
  const [criterion, setCriterion] = useState<string>(() => mostSensitiveCriterion(evaluation.flipPoints) ?? pack.criteria[0]!.id);
  // A what-if weight, for the criterion it was set on: explored on this page only, never saved.
  const [whatIf, setWhatIf] = useState<{ criterion: string; value: number } | null>(null);
  // The page follows a deferred copy; one set on another criterion than the page's is none (a criterion just changed).
  const shown = useDeferredValue(whatIf);
  const here = whatIf?.criterion === criterion ? whatIf.value : null;
  const slider = useMemo(() => ({ value: here, set: (value: number | null) => setWhatIf(value === null ? null : { criterion, value }) }), [here, criterion]);
  const clearWhatIf = useCallback(() => setWhatIf(null), []);
  return (
    <WhatIf.Provider value={slider}>
      <DecisionView current={evaluation} criterion={criterion} setCriterion={setCriterion} whatIf={shown?.criterion === criterion ? shown.value : null} clearWhatIf={clearWhatIf} />
    </WhatIf.Provider>
  );
}

/**
 * The page at the deferred what-if weight. It reads no context that changes at each drag step, so a step renders only
 * the slider's parts at once and this view between frames.
 */
const DecisionView = memo(function DecisionView({
  current,
  criterion,
  setCriterion,
  whatIf,
  clearWhatIf,
}: {
  current: DecisionEvaluation;
  criterion: string;
  setCriterion: (criterion: string) => void;
  whatIf: number | null;
  clearWhatIf: () => void;
}) {
  const pack = usePack();
  const derived = useDerived();
  const { session, navigate, sessionWorkshopId: workshopId } = useAppPick('session', 'navigate', 'sessionWorkshopId');
  const decision = pack.decisions.find((x) => x.id === current.id)!.decision;
  // Robustness at a what-if weight ranks the whole roadmap under 2,000 weightings: it is worked out once the
  // slider rests, so a drag re-ranks at every step and never waits for it.
  const settledWhatIf = useSettled(whatIf, WHAT_IF_SETTLE_MS);
  const settled = useMemo(() => {
    if (settledWhatIf === null || !derived) return null;
    const at = { ...derived.weights, [criterion]: settledWhatIf };
    return evaluate(pack, derived.roadmap, at, { costAssumptions: derived.costAssumptions, decided: derived.decided }).decisions.find((x) => x.id === current.id) ?? null;
  }, [settledWhatIf, derived, criterion, pack, current.id]);
  // The ranking at the what-if weight (no robustness: that waits for the slider to rest), once per weight.
  const moved = useMemo(() => {
    if (whatIf === null || !derived) return current;
    const at = { ...derived.weights, [criterion]: whatIf };
    return evaluate(pack, derived.roadmap, at, { costAssumptions: derived.costAssumptions, decided: derived.decided, sensitivity: false }).decisions.find((x) => x.id === current.id) ?? current;
  }, [whatIf, derived, criterion, pack, current]);
  if (!derived || !session || !workshopId) return null;

  const weights = whatIf === null ? derived.weights : { ...derived.weights, [criterion]: whatIf };
  const pending = whatIf !== null && (settledWhatIf !== whatIf || settled === null);
  const d: DecisionEvaluation =
    whatIf === null ? current : { ...moved, robustness: pending ? null : settled!.robustness, flipPoints: pending ? [] : settled!.flipPoints, confidence: pending ? moved.confidence : settled!.confidence };
  const robustnessText = pending ? 'Working out how firm this is at the what-if weight…' : robustnessInWords(d, (o) => decision.options.find((x) => x.id === o)?.label ?? humanize(o));
  const nameOfUseCase = (id: string) => derived.evaluation.useCases.find((u) => u.id === id)?.name ?? 'A use case';
  const rows = portfolioRows(pack, derived.evaluation, d);

  const label = (option: string) => optionLabel(decision, option);
  // A decision that applies only because the room overrode another one says which choice it follows.
  const appliesBecauseOf = d.applicable ? appliesBecauseOfRoom(pack, derived.roadmap, weights, derived.costAssumptions, derived.decided, d.id) : [];
  const criterionLabel = (id: string) => pack.criteria.find((c) => c.id === id)?.label ?? humanize(id);
  const rec = d.recommended;
  const roomChoice = session.roomChoices[d.id];
  const tie = d.applicable && rec && d.confidence?.level === 'too-close';
  // Answers that disagree, where the rules of this decision (or of the use-case decisions it is drawn from) read them.
  const read = new Set<string>();
  const index = pack.decisionIndex.get(d.id)!;
  for (const di of [index, ...Array.from(pack.portfolioOf[index]?.parts ?? [])]) for (const r of pack.rulesByDecision[di]!) for (const f of pack.rules[r]!.factors) read.add(pack.factors[f]!.id);
  const disagreeing = derived.evaluation.consistency.filter((i) => i.factors.some((f) => read.has(f)));
  const goToContext = () => navigate({ name: 'workshop', id: workshopId, step: d.unanswered.some((u) => !u.useCase) ? 'context' : 'use-cases' });

  return (
    <article className="decision" aria-labelledby={`decision-${d.id}-title`}>
      <header className="decision-head">
        <div>
          <h3 id={`decision-${d.id}-title`} className="decision-title">
            {decision.title}
          </h3>
          <p className="lede">{decision.question}</p>
        </div>
        {d.applicable && rec && <RecommendationCard d={d} whatIf={whatIf} pending={pending} robustnessText={robustnessText} roomChoice={roomChoice?.option ?? null} label={label} />}
      </header>

      {tie && <TieCallout d={d} label={label} criterionLabel={criterionLabel} />}
      <WhatIfNote criterionLabel={criterionLabel(criterion)} groupWeight={derived.weights[criterion] ?? 0} />
      <ApplicabilityNotices d={d} appliesBecauseOf={appliesBecauseOf} />
      <ConsistencyCallout issues={disagreeing} nameOfUseCase={nameOfUseCase} title="Answers this decision reads disagree" />
      {d.applicable && d.unanswered.length > 0 && <OpenQuestionsCallout d={d} nameOfUseCase={nameOfUseCase} onAnswer={goToContext} />}

      {rows.length > 0 && <PortfolioCard d={d} rows={rows} whatIf={whatIf} />}

      {d.applicable && (
        <div className="decision-grid">
          <Following shown={whatIf} className="card" aria-labelledby={`ranking-${d.id}`}>
            <h4 id={`ranking-${d.id}`}>Ranking</h4>
            <RankingList evaluation={d} decision={decision} roomChoice={roomChoice?.option ?? null} details />
          </Following>

          <WhyCard d={d} whatIf={whatIf} label={label} criterionLabel={criterionLabel} nameOfUseCase={nameOfUseCase} />

          <Following shown={whatIf} className="card" aria-labelledby={`risks-${d.id}`}>
            <h4 id={`risks-${d.id}`}>Risks and what to do</h4>
            <RiskList risks={d.risks} nameOfUseCase={nameOfUseCase} empty={`No risks raised for ${roomChoice ? 'the room’s choice' : 'this recommendation'} with the current answers.`} />
          </Following>

          <SensitivityCard
            d={d}
            derived={derived}
            weights={weights}
            criterion={criterion}
            setCriterion={setCriterion}
            clearWhatIf={clearWhatIf}
            whatIf={whatIf}
            pending={pending}
            robustnessText={robustnessText}
            label={label}
            criterionLabel={criterionLabel}
          />

          {/* Keyed by the saved choice: when it changes from elsewhere (an undo, another tab) the form starts from
              it again, so an old reason is never saved with another option. */}
          <RoomChoiceEditor
            key={`${d.id}:${roomChoice?.option ?? ''}:${roomChoice?.reason ?? ''}`}
            decision={decision}
            recommended={rec} tied={tie ? (d.confidence?.tied ?? []) : []} ruledOut={d.excluded.filter((x) => x.reasons.some((r) => r.rule !== 'portfolio')).map((x) => x.option)} />
        </div>
      )}
      {!d.applicable && roomChoice && <SetAsideChoice decisionId={d.id} option={label(roomChoice.option)} />}
    </article>
  );
});

/** Where each use case lands under the outcome (or keeps its own way, for a main approach), and why. */
function PortfolioCard({ d, rows, whatIf }: { d: DecisionEvaluation; rows: ReturnType<typeof portfolioRows>; whatIf: number | null }) {
  return (
    <Following shown={whatIf} className="card card-wide portfolio-card" aria-labelledby={`portfolio-${d.id}`}>
      <h4 id={`portfolio-${d.id}`}>By use case</h4>
      <p className="muted small">
        {d.portfolio?.kind === 'main-approach'
          ? 'Each use case keeps its own sourcing; the recommendation is the one approach that fits the roadmap best.'
          : 'Where each use case lands under the outcome, and why.'}
      </p>
      <ScrollTable className="portfolio-table">
        <TableHead columns={['Use case', 'Lands', 'Why']} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={d.portfolio?.differ.includes(row.id) ? 'row-differs' : undefined}>
              <th scope="row">{row.name}</th>
              <td>
                {row.lands}
                {row.note && <span className="muted small portfolio-note">{row.note}</span>}
              </td>
              <td className="small">{row.why || '—'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Following>
  );
}

/** Why the options score as they do: the rules that fired and what each moved, the baseline a winner no rule moved stands on, and what is excluded. */
function WhyCard({
  d,
  whatIf,
  label,
  criterionLabel,
  nameOfUseCase,
}: {
  d: DecisionEvaluation;
  whatIf: number | null;
  label: (option: string) => string;
  criterionLabel: (id: string) => string;
  nameOfUseCase: (id: string) => string;
}) {
  const rec = d.recommended;
  const top = d.ranking.find((r) => r.option === rec);
  const fired = new Map<string, { rationale: string; moves: string[] }>();
  for (const option of d.ranking) {
    for (const r of option.reasons) {
      const entry = fired.get(r.rule) ?? { rationale: r.rationale, moves: [] };
      entry.moves.push(`${r.by > 0 ? '+' : '−'}${Math.round(Math.abs(r.by) * 100)} ${criterionLabel(r.criterion).toLowerCase()} for ${label(option.option)}`);
      fired.set(r.rule, entry);
    }
  }
  return (
    <Following shown={whatIf} className="card" aria-labelledby={`why-${d.id}`}>
      <h4 id={`why-${d.id}`}>Why</h4>
      {d.portfolio && (
        <p className="muted">
          {d.portfolio.kind === 'main-approach'
            ? 'Each option scores as the use cases would if every one that can took it; each use case’s own reasons are in the table above.'
            : 'Each option scores as the use cases would where it places them; each use case’s own reasons are in the table above.'}
        </p>
      )}
      {rec && top && top.reasons.length === 0 && top.rationale && (
        <p>
          <strong>{label(rec)}</strong> leads on the pack’s baseline, with no rule moving it: {top.rationale}
        </p>
      )}
      {fired.size === 0 ? (
        !d.portfolio && <p className="muted">No rule has fired yet: the scores are the pack’s baselines. Answer the questions of the Organisation and Use cases steps to let the workshop’s situation speak.</p>
      ) : (
        <ul className="reasons">
          {[...fired.entries()].map(([rule, r]) => (
            <li key={rule}>
              <p>{r.rationale}</p>
              <span className="reason-moves">{r.moves.join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
      {d.excluded.length > 0 && (
        <>
          <h4 className="reasons-subhead">{d.portfolio ? 'Out of reach: no placement of the use cases gives it' : 'Excluded'}</h4>
          <ul className="reasons">
            {d.excluded.map((x) => (
              <li key={x.option}>
                <strong>{label(x.option)}</strong>: {groupedReasons(x.reasons, nameOfUseCase)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Following>
  );
}

/** A tie said as one: the room decides, and what would separate the options (weights, open questions). */
function TieCallout({ d, label, criterionLabel }: { d: DecisionEvaluation; label: (option: string) => string; criterionLabel: (id: string) => string }) {
  const separating = separators(d).slice(0, 3);
  return (
    <div className="callout callout-warning" role="note">
      <p>
        <strong>Stratum cannot separate {tieWords(d, label, 'and')}.</strong> The room decides between them
        {separating.length > 0 || d.unanswered.length > 0 ? '; what would separate them:' : '.'}
      </p>
      {(separating.length > 0 || d.unanswered.length > 0) && (
        <ul>
          {separating.map((x) => (
            <li key={`${x.criterion}:${x.direction}`}>
              {x.direction === 'raise' ? 'Raising' : 'Lowering'} the weight on {criterionLabel(x.criterion).toLowerCase()} {x.direction === 'raise' ? 'above' : 'below'} {x.atWeight.toFixed(1)} puts {label(x.to)} on top.
            </li>
          ))}
          {d.unanswered.length > 0 && <li>Answering the open questions below ({d.unanswered.length}).</li>}
        </ul>
      )}
    </div>
  );
}

/** The open questions that would make the recommendation firmer, and where to answer them. */
function OpenQuestionsCallout({ d, nameOfUseCase, onAnswer }: { d: DecisionEvaluation; nameOfUseCase: (id: string) => string; onAnswer: () => void }) {
  return (
    <div className="callout callout-info needs">
      <p>
        <strong>This recommendation would be firmer with answers to:</strong>
      </p>
      <ul>
        {d.unanswered.map((u) => (
          <li key={`${u.factor}:${u.useCase ?? ''}`}>
            {u.useCase ? <strong>{nameOfUseCase(u.useCase)}: </strong> : null}
            {u.prompt}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={onAnswer}>
        {d.unanswered.some((u) => !u.useCase) ? 'Answer for the organisation' : 'Answer on Use cases'}
      </button>
    </div>
  );
}

/** A decision that does not apply takes no choice: one made before it stopped applying is set aside, and can be cleared. */
function SetAsideChoice({ decisionId, option }: { decisionId: string; option: string }) {
  const change = useAppStore((s) => s.change);
  const presenter = useAppStore((s) => s.presenter);
  return (
    <section className="card card-wide room-choice" aria-labelledby={`set-aside-${decisionId}`}>
      <h4 id={`set-aside-${decisionId}`}>The room’s earlier choice</h4>
      <p>
        The room chose <strong>{option}</strong> when this decision applied. It is set aside while the decision does not apply: nothing
        else (the stack, the records, the summary) goes by it.
      </p>
      {!presenter && (
        <div className="room-choice-actions">
          <button type="button" className="button" onClick={() => change((s) => withRoomChoice(s, decisionId, null))}>
            Clear the earlier choice
          </button>
        </div>
      )}
    </section>
  );
}

/** How firm the outcome is: robustness, the sweep of one criterion's weight, and the what-if slider. */
function SensitivityCard({
  d,
  derived,
  weights,
  criterion,
  setCriterion,
  clearWhatIf,
  whatIf,
  pending,
  robustnessText,
  label,
  criterionLabel,
}: {
  d: DecisionEvaluation;
  derived: NonNullable<ReturnType<typeof useDerived>>;
  weights: Record<string, number>;
  criterion: string;
  setCriterion: (criterion: string) => void;
  clearWhatIf: () => void;
  whatIf: number | null;
  pending: boolean;
  robustnessText: string;
  label: (option: string) => string;
  criterionLabel: (id: string) => string;
}) {
  const pack = usePack();
  return (
    <section className="card card-wide" aria-labelledby={`sensitivity-${d.id}`}>
      <div className="card-head">
        <h4 id={`sensitivity-${d.id}`}>Sensitivity</h4>
        <label className="inline-field">
          <span>Criterion</span>
          <select
            value={criterion}
            onChange={(e) => {
              setCriterion(e.target.value);
              clearWhatIf();
            }}
          >
            {pack.criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="robustness" aria-busy={pending || undefined}>
        {robustnessText}
      </p>
      <Following as="div" shown={whatIf}>
        <SweepChart derived={derived} weights={weights} decisionId={d.id} criterion={criterion} criterionLabel={criterionLabel(criterion)} optionLabel={label} />
      </Following>
      <WhatIfSlider id={`what-if-${d.id}`} criterionLabel={criterionLabel(criterion)} groupWeight={derived.weights[criterion] ?? 0} />
    </section>
  );
}

/** The outcome beside the decision's title: the recommendation or the tie, how sure, High risks, and the room's own choice. */
function RecommendationCard({
  d,
  whatIf,
  pending,
  robustnessText,
  roomChoice,
  label,
}: {
  d: DecisionEvaluation;
  whatIf: number | null;
  pending: boolean;
  robustnessText: string;
  roomChoice: string | null;
  label: (option: string) => string;
}) {
  const rec = d.recommended!;
  const tie = d.confidence?.level === 'too-close';
  // The outcome's High risks: the page says so beside the recommendation, not only in the risks card.
  const highRisks = d.risks.filter((r) => r.severity === 'high').length;
  return (
    <Following as="div" shown={whatIf} className={`recommendation-card${tie ? ' recommendation-tie' : ''}`} aria-label={tie ? 'Too close to call' : 'Recommendation'}>
      <span className="eyebrow">{tie ? 'Too close to call' : 'Recommended'}</span>
      <strong className="recommendation-option">{tie ? tieWords(d, label) : label(rec)}</strong>
      {d.confidence && !tie && <span className={`tag confidence-${d.confidence.level}`}>{CONFIDENCE_LABELS[d.confidence.level]}</span>}
      {d.confidence && <span className="recommendation-confidence">{d.confidence.why}</span>}
      <span className="recommendation-robustness" aria-busy={pending || undefined}>
        {robustnessText}
      </span>
      {highRisks > 0 && (
        <span className="recommendation-risk">
          {roomChoice !== null ? 'The room’s choice' : 'It'} carries {highRisks === 1 ? 'a High risk' : `${highRisks} High risks`}: see Risks and what to do.
        </span>
      )}
      {roomChoice !== null && roomChoice !== rec && (
        <span className="room-choice-note">
          The room chose <strong>{label(roomChoice)}</strong>
        </span>
      )}
    </Following>
  );
}

/** Why the decision applies (the room's choice elsewhere), why it does not, or that every option is ruled out. */
function ApplicabilityNotices({ d, appliesBecauseOf }: { d: DecisionEvaluation; appliesBecauseOf: ReturnType<typeof appliesBecauseOfRoom> }) {
  return (
    <>
      {appliesBecauseOf.length > 0 && (
        <div className="callout callout-info" role="note">
          <p>
            <strong>Applies because of the room’s choice.</strong>{' '}
            {appliesBecauseOf
              .map((c) => `${c.decision}: the room chose ${c.chosen}${c.recommended ? ` where Stratum recommended ${c.recommended}` : ''}.`)
              .join(' ')}
          </p>
        </div>
      )}
      {!d.applicable && (
        <div className="callout callout-info" role="note">
          <p>
            <strong>Not applicable.</strong> {d.notApplicableBecause.map((r) => r.reason).join(' ')}
          </p>
        </div>
      )}
      {d.applicable && !d.recommended && (
        <div className="callout callout-error" role="note">
          <p>Every option is excluded by a hard constraint; see the reasons below.</p>
        </div>
      )}
    </>
  );
}
