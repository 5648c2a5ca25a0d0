import type { CompiledPack, DecisionEvaluation, Evaluation } from '../../../shared/engine';
import { CONFIDENCE_LABELS, packOptionLabel } from '../../../shared/engine';
import { appliedChoice } from '../../../shared/workshop';
import { useAppPick } from '../../stores/context';
import { ConsistencyCallout } from '../../components/ConsistencyCallout';
import { useDerived, usePack } from '../../stores/derived';
import { RiskList } from '../decisions/RiskList';
import { tieWords } from '../decisions/confidence-words';
import { robustnessInWords } from '../decisions/robustness-words';
import { landsLine } from '../use-cases/UseCasesStep';
import { ScrollTable, TableHead } from '../../components/form';
import { optionLabel } from '../../../shared/domain';

/** Which use cases drove a derived decision: the use cases grouped by where their first part lands ("On-premises: A, B · Public cloud: C"). */
export function drivenBy(pack: CompiledPack, d: DecisionEvaluation): string | null {
  const portfolio = d.portfolio;
  if (!portfolio || portfolio.useCases.length === 0) return null;
  const first = portfolio.from[0]!;
  const options = pack.decisions[pack.decisionIndex.get(first) ?? -1]?.decision.options ?? [];
  const groups = new Map<string, string[]>();
  for (const row of portfolio.useCases) {
    const part = row.parts[0];
    if (!part || part.option === null) continue;
    const where = part.source === 'implied' ? 'At the provider' : optionLabel({ options }, part.option);
    groups.set(where, [...(groups.get(where) ?? []), row.name]);
  }
  return [...groups.entries()].map(([where, names]) => `${where}: ${names.join(', ')}`).join(' · ');
}


/** Step 6: the five recommendations (or the room's choices) with confidence, the open risks of those outcomes and the questions that still matter. */
export function SummaryStep() {
  const pack = usePack();
  const derived = useDerived();
  const { session, navigate, sessionWorkshopId: workshopId } = useAppPick('session', 'navigate', 'sessionWorkshopId');
  if (!derived || !session || !workshopId) return null;
  const { evaluation } = derived;
  const decisionOf = (id: string) => pack.decisions.find((d) => d.id === id)!.decision;
  const nameOfUseCase = (id: string) => evaluation.useCases.find((u) => u.id === id)?.name ?? 'A use case';
  const risks = evaluation.decisions
    .flatMap((d) => d.risks.map((r) => ({ ...r, decision: d.id, key: `${d.id}-${r.rule}-${r.useCase ?? ''}` })))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'high' ? -1 : 1));
  const unanswered = new Map<string, { prompt: string; decisions: string[] }>();
  for (const d of evaluation.decisions) {
    for (const u of d.unanswered) {
      const key = `${u.useCase ?? ''}:${u.factor}`;
      const entry = unanswered.get(key) ?? { prompt: u.useCase ? `${nameOfUseCase(u.useCase)}: ${u.prompt}` : u.prompt, decisions: [] };
      if (!entry.decisions.includes(decisionOf(d.id).title)) entry.decisions.push(decisionOf(d.id).title);
      unanswered.set(key, entry);
    }
  }

  return (
    <section className="step-page step-wide" aria-labelledby="summary-title">
      <h2 id="summary-title">Summary</h2>
      <p className="lede">Where the workshop stands: the recommendations, how firm they are, what could go wrong and what is still unknown.</p>
      <ConsistencyCallout issues={evaluation.consistency} nameOfUseCase={nameOfUseCase} />
      <ul className="summary-cards">
        {evaluation.decisions.map((d) => {
          // A choice counts only while the decision applies: one made before it stopped applying is set aside.
          const choice = appliedChoice(d, session.roomChoices);
          const setAside = d.applicable ? undefined : session.roomChoices[d.id];
          const tie = !choice && d.applicable && d.confidence?.level === 'too-close';
          return (
            <li key={d.id} className="summary-card">
              <a
                href={`#/workshops/${workshopId}/decisions/${d.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'workshop', id: workshopId, step: 'decisions', decision: d.id });
                }}
              >
                {decisionOf(d.id).title}
              </a>
              <strong className="summary-option">
                {!d.applicable
                  ? 'Not applicable'
                  : choice
                    ? packOptionLabel(pack, d.id, choice.option)
                    : tie
                      ? tieWords(d, (o) => packOptionLabel(pack, d.id, o))
                      : d.recommended
                        ? packOptionLabel(pack, d.id, d.recommended)
                        : 'No option left'}
              </strong>
              {choice && d.recommended && choice.option !== d.recommended && <span className="muted">Room’s choice; recommended: {packOptionLabel(pack, d.id, d.recommended)}</span>}
              {choice && choice.option === d.recommended && <span className="muted">The room agreed</span>}
              {setAside && <span className="muted">The room’s earlier choice, {packOptionLabel(pack, d.id, setAside.option)}, is set aside</span>}
              {d.applicable ? (
                <>
                  {d.confidence && <span className={`tag confidence-${d.confidence.level}`}>{CONFIDENCE_LABELS[d.confidence.level]}</span>}
                  <span className="muted small">
                    {/* Under the room's own choice, the confidence is the recommendation's: say whose. */}
                    {choice && d.recommended && choice.option !== d.recommended ? `Stratum’s recommendation, ${packOptionLabel(pack, d.id, d.recommended)}: ` : ''}
                    {d.confidence ? `${d.confidence.why} ` : ''}
                    {robustnessInWords(d, (o) => packOptionLabel(pack, d.id, o))}
                  </span>
                  {drivenBy(pack, d) && <span className="small summary-drivers">{drivenBy(pack, d)}</span>}
                </>
              ) : (
                <span className="muted small">{d.notApplicableBecause.map((r) => r.reason).join(' ')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {evaluation.useCases.length > 0 && <RoadmapTable useCases={evaluation.useCases} />}
      <div className="summary-grid">
        <section className="card" aria-labelledby="summary-risks">
          <h3 id="summary-risks">Open risks</h3>
          <RiskList risks={risks} nameOfUseCase={nameOfUseCase} empty="No risks raised with the current answers." context={(r) => decisionOf((r as (typeof risks)[number]).decision).title} />
        </section>
        <section className="card" aria-labelledby="summary-unanswered">
          <h3 id="summary-unanswered">Questions that still matter</h3>
          {unanswered.size === 0 ? (
            <p className="muted">Every question a rule needs has an answer.</p>
          ) : (
            <ul className="plain-list">
              {[...unanswered.entries()].map(([factor, u]) => (
                <li key={factor}>
                  {u.prompt} <span className="muted small">({u.decisions.join(', ')})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

/** Where each use case of the roadmap lands. */
function RoadmapTable({ useCases }: { useCases: Evaluation['useCases'] }) {
  const pack = usePack();
  return (
    <section className="card summary-roadmap" aria-labelledby="summary-roadmap">
      <h3 id="summary-roadmap">The roadmap</h3>
      <ScrollTable>
        <caption className="visually-hidden">Where each use case lands, how it serves and how it is sourced</caption>
        <TableHead columns={['Use case', 'Lands']} />
        <tbody>
          {useCases.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td>{landsLine(pack, u) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
