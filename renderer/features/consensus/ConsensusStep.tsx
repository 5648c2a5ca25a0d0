import { useMemo } from 'react';
import { backedOptions, factorInfluence, packOptionLabel } from '../../../shared/engine';
import { humanize, percent } from '../../components/labels';
import { useAppStore } from '../../stores/context';
import { useDerived, usePack } from '../../stores/derived';
import { Card, ScrollTable, TableHead } from '../../components/form';
import { participantName, type Participant } from '../../../shared/domain';
import { StepPage } from '../../components/StepPage';
import { AgreementHeatmap } from './AgreementHeatmap';

/** Step 5: each participant's recommendation beside the group's, how far they agree, and what to settle first. */
export function ConsensusStep() {
  const pack = usePack();
  const derived = useDerived();
  const session = useAppStore((s) => s.session);
  if (!derived || !session) return null;
  const decisionOf = (id: string) => pack.decisions.find((d) => d.id === id)?.decision;
  const decisionTitle = (id: string) => decisionOf(id)?.title ?? humanize(id);
  const optionLabel = (decision: string, option: string) => packOptionLabel(pack, decision, option);
  const analysis = derived.stakeholders;
  // The group's outcome as every other step says it: a tie is a tie.
  type GroupOutcome = { decision: string; applicable: boolean; recommended: string | null };
  const confidence = (g: GroupOutcome) => derived.evaluation.decisions.find((d) => d.id === g.decision)?.confidence ?? null;
  const tiedOf = (g: GroupOutcome): readonly string[] | null => {
    const tie = confidence(g);
    return g.applicable && g.recommended && tie?.level === 'too-close' && tie.tied.includes(g.recommended) ? tie.tied : null;
  };
  const groupOutcome = (g: GroupOutcome) => {
    const tied = tiedOf(g);
    if (tied) return `Too close: ${tied.map((o) => optionLabel(g.decision, o)).join(' or ')}`;
    return g.applicable && g.recommended ? optionLabel(g.decision, g.recommended) : 'Not applicable';
  };
  /** The options the group backs: the recommendation, or each option of a tie (a person's top among them agrees). */
  const backedBy = (g: GroupOutcome): readonly string[] => backedOptions({ ...g, confidence: confidence(g) });

  return (
    <StepPage
      titleId="consensus-title"
      title="Consensus"
      width="wide"
      lede="What each person’s own weights would recommend, beside the group’s; and which open questions would move the result most."
      aside={
        analysis &&
        analysis.stakeholders.length > 1 && (
          <p className="progress-total" aria-label={`Agreement index ${percent(analysis.agreement.index)}`}>
            <strong>{percent(analysis.agreement.index)}</strong> agreement
          </p>
        )
      }
    >

      {!analysis || analysis.stakeholders.length < 2 ? (
        <div className="callout callout-info">
          <p>Consensus needs at least two participants who decide or are consulted, each with their own weights (Setup and Priorities).</p>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="heatmap-title">
            <h3 id="heatmap-title">Agreement with the group</h3>
            <AgreementHeatmap analysis={analysis} decisionTitle={decisionTitle} optionLabel={optionLabel} groupOutcome={groupOutcome} backedBy={backedBy} />
            <ScrollTable>
              <caption>Each participant’s recommendation per decision (the group’s in the first row)</caption>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  {analysis.group.map((g) => (
                    <th scope="col" key={g.decision}>
                      {decisionTitle(g.decision)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="row-strong">
                  <th scope="row">Group</th>
                  {analysis.group.map((g) => (
                    <td key={g.decision}>{groupOutcome(g)}</td>
                  ))}
                </tr>
                {analysis.stakeholders.map((p, i) => (
                  <tr key={`${p.name}-${i}`}>
                    <th scope="row">
                      {p.name}
                      {p.role ? <span className="muted"> · {p.role}</span> : null}
                    </th>
                    {p.decisions.map((d) => {
                      const group = analysis.group.find((g) => g.decision === d.decision);
                      const differs = group ? !(d.recommended ? backedBy(group).includes(d.recommended) : group.recommended === null) : true;
                      return (
                        <td key={d.decision} className={differs ? 'cell-differs' : undefined}>
                          {/* A mark besides the colour: the difference reads without telling red from green. */}
                          {differs && (
                            <span className="differs-mark" aria-hidden="true">
                              ≠{' '}
                            </span>
                          )}
                          {d.applicable && d.recommended ? optionLabel(d.decision, d.recommended) : 'Not applicable'}
                          {differs && <span className="visually-hidden"> (differs from the group)</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Share agreeing</th>
                  {analysis.agreement.decisions.map((a) => (
                    <td key={a.decision} className="num">
                      {percent(a.topShare)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </ScrollTable>
          </section>
        </>
      )}

      <RoomVotes votes={session.votes ?? {}} participants={session.participants} decisionTitle={decisionTitle} optionLabel={optionLabel} />
      <SettleFirst decisionTitle={decisionTitle} optionLabel={optionLabel} />
    </StepPage>
  );
}

/** How each person voted on their own device in the workshop room, with their reasons; nothing when nobody did. */
function RoomVotes({
  votes,
  participants,
  decisionTitle,
  optionLabel,
}: {
  votes: Readonly<Record<string, Readonly<Record<string, { option: string; reason: string }>>>>;
  participants: readonly Participant[];
  decisionTitle: (id: string) => string;
  optionLabel: (decision: string, option: string) => string;
}) {
  const pack = usePack();
  const voters = participants.filter((p) => votes[p.id] && Object.keys(votes[p.id]!).length > 0);
  if (voters.length === 0) return null;
  const decisions = pack.organisationDecisions.filter((d) => voters.some((p) => votes[p.id]![d.id]));
  return (
    <Card titleId="room-votes-title" title="How each person voted">
      <p className="muted small">Cast on their own devices in the workshop room, unseen by the others until revealed.</p>
      <ScrollTable>
        <TableHead columns={['Participant', ...decisions.map((d) => decisionTitle(d.id))]} />
        <tbody>
          {voters.map((p) => (
            <tr key={p.id}>
              <th scope="row">{participantName(p)}</th>
              {decisions.map((d) => {
                const vote = votes[p.id]![d.id];
                return (
                  <td key={d.id}>
                    {vote ? optionLabel(d.id, vote.option) : '—'}
                    {vote?.reason ? <span className="muted small vote-reason">“{vote.reason}”</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Card>
  );
}

/** The answers that could change an outcome, open questions first: what the room can settle now. */
function SettleFirst({ decisionTitle, optionLabel }: { decisionTitle: (id: string) => string; optionLabel: (decision: string, option: string) => string }) {
  const pack = usePack();
  const derived = useDerived();
  // Which answers could change an outcome, open questions first (settling one is what the room can do now), each kind
  // in order of influence: worked out once per evaluation, not on every render.
  const influence = useMemo(
    () =>
      derived
        ? factorInfluence(pack, derived.roadmap, derived.weights, { costAssumptions: derived.costAssumptions, decided: derived.decided })
            .filter((f) => f.couldChange.length > 0 || f.maxScoreShift > 0)
            .sort((a, b) => Number(a.answered) - Number(b.answered))
            .slice(0, 6)
        : [],
    [pack, derived],
  );
  if (!derived) return null;
  const nameOfUseCase = (id: string) => derived.evaluation.useCases.find((u) => u.id === id)?.name ?? 'A use case';
  return (
    <section className="card" aria-labelledby="settle-title">
      <h3 id="settle-title">What to settle first</h3>
      {influence.length === 0 ? (
        <p className="muted">No open answer would change a recommendation now.</p>
      ) : (
        <ol className="settle-list">
          {influence.map((f) => (
            <li key={`${f.factor}:${f.useCase ?? ''}`}>
              <strong>
                {f.useCase ? `${nameOfUseCase(f.useCase)}: ` : ''}
                {f.prompt}
              </strong>
              <span className="tag">{f.answered ? 'answered' : 'open'}</span>
              <p className="muted">
                {f.couldChange.length > 0
                  ? `Could change ${f.couldChange
                      .map((c) => `${c.useCase ? `its ${decisionTitle(c.decision).toLowerCase()}` : decisionTitle(c.decision)} (to ${c.to.map((o) => optionLabel(c.decision, o)).join(' or ')})`)
                      .join('; ')}.`
                  : `Moves scores by up to ${Math.round(f.maxScoreShift * 100)} points without changing a recommendation.`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
