import { useState } from 'react';
import { UNNAMED_PARTICIPANT } from '../../../shared/domain';
import { RankingList } from '../decisions/RankingList';
import { robustnessInWords } from '../decisions/robustness-words';
import { useAppPick, useAppStore } from '../../stores/context';
import { withWeight } from '../../stores/session-actions';
import { defaultWeights, participantWeights, useDerived, usePack, weighingParticipants } from '../../stores/derived';
import { DecisionPicker } from '../../components/DecisionPicker';
import { ScrollTable } from '../../components/form';
import { StepPage } from '../../components/StepPage';
import { RoomCard } from '../room/RoomCard';

function formatWeight(w: number): string {
  return Number.isInteger(w) ? String(w) : w.toFixed(1);
}

/** Step 3: each participant weighs the criteria 0..5; the group's weights are their geometric mean. */
export function PrioritiesStep() {
  const pack = usePack();
  const { session, change, navigate, sessionWorkshopId: workshopId } = useAppPick('session', 'change', 'navigate', 'sessionWorkshopId');
  const derived = useDerived();
  const people = weighingParticipants(session?.participants ?? []);
  // Informed participants are told the outcome; they are named here so nobody wonders where they went.
  const informed = (session?.participants ?? []).filter((p) => p.involvement === 'informed');
  const [selected, setSelected] = useState<string | null>(null);
  // The decision the live effect shows: kept while the step is open, whoever is weighing.
  const [watched, setWatched] = useState<string>(() => pack.organisationDecisions[0]!.id);
  if (!session || !derived || !workshopId) return null;
  const current = people.find((p) => p.id === selected) ?? people[0] ?? null;
  const defaults = defaultWeights(pack);

  return (
    <StepPage
      titleId="priorities-title"
      title="Priorities"
      width="wide"
      lede="How much each criterion matters to each person, from 0 (not at all) to 5 (above all). The group’s weights are the geometric mean of everyone’s, so one person’s extreme view cannot dominate."
    >

      {people.length === 0 ? (
        <div className="callout callout-info">
          <p>
            Nobody who decides or is consulted is listed yet, so the pack’s default weights are used. Add participants on the{' '}
            <a
              href={`#/workshops/${workshopId}/setup`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'workshop', id: workshopId, step: 'setup' });
              }}
            >
              Setup
            </a>{' '}
            step to weigh the criteria person by person.
          </p>
        </div>
      ) : (
        <>
          <RoomCard workshopId={workshopId} participants={people} />
          <div className="priorities-layout">
            <div className="card">
              <fieldset className="person-picker">
                <legend>Whose weights</legend>
                <div className="segmented-options">
                  {people.map((p) => (
                    <label key={p.id} className={`segment${current?.id === p.id ? ' segment-checked' : ''}`}>
                      <input type="radio" name="priorities-person" checked={current?.id === p.id} onChange={() => setSelected(p.id)} />
                      <span>
                        {p.name || UNNAMED_PARTICIPANT}
                        {p.role && <span className="segment-sub"> · {p.role}</span>}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {informed.length > 0 && (
                <p className="field-hint informed-note">
                  Not weighing in: {informed.map((p) => p.name || UNNAMED_PARTICIPANT).join(', ')} {informed.length === 1 ? 'is' : 'are'} informed of the outcome, not asked to
                  weigh the criteria (Setup says who decides, is consulted or is informed).
                </p>
              )}
              {current && (
                <div className="weight-list">
                  {pack.criteria.map((c) => {
                    const value = participantWeights(pack, session, current.id)[c.id] ?? c.defaultWeight;
                    const group = derived.weights[c.id] ?? 0;
                    const inputId = `weight-${c.id}`;
                    return (
                      <div key={c.id} className="weight-row">
                        <label htmlFor={inputId} className="weight-label">
                          <span className="weight-name">{c.label}</span>
                          <span className="weight-desc">{c.description}</span>
                        </label>
                        <input
                          id={inputId}
                          type="range"
                          min={0}
                          max={5}
                          step={0.5}
                          value={value}
                          aria-valuetext={`${formatWeight(value)} of 5`}
                          onChange={(e) =>
                            change((s) => withWeight(s, current.id, c.id, Number(e.target.value), defaults), { coalesceKey: `weight:${current.id}:${c.id}` })
                          }
                        />
                        <output htmlFor={inputId} className="weight-value">
                          {formatWeight(value)}
                        </output>
                        <span className="weight-group" title="The group's weight (geometric mean)">
                          group {group.toFixed(1)}
                        </span>
                      </div>
                    );
                  })}
                </div>
              )}
            </div>

            <div className="priorities-side">
            <LiveEffect watched={watched} setWatched={setWatched} />
            <GroupView people={people} />
            </div>
          </div>
        </>
      )}
    </StepPage>
  );
}

/** One decision's ranking as the weights move, so the room sees what its priorities do. */
function LiveEffect({ watched, setWatched }: { watched: string; setWatched: (decision: string) => void }) {
  const pack = usePack();
  const derived = useDerived();
  const session = useAppStore((s) => s.session);
  if (!derived || !session) return null;
  return (
    <section className="card live-effect" aria-labelledby="live-effect-title">
      <div className="card-head">
        <h3 id="live-effect-title">Live effect</h3>
        <DecisionPicker value={watched} onChange={setWatched} />
      </div>
      {(() => {
        const ev = derived.evaluation.decisions.find((d) => d.id === watched);
        const decision = pack.decisions.find((d) => d.id === watched)?.decision;
        if (!ev || !decision) return null;
        if (!ev.applicable) return <p className="muted">Not applicable: {ev.notApplicableBecause.map((r) => r.reason).join(' ')}</p>;
        return (
          <>
            <RankingList evaluation={ev} decision={decision} roomChoice={session.roomChoices[watched]?.option ?? null} />
            <p className="muted small">{robustnessInWords(ev)}</p>
          </>
        );
      })()}
    </section>
  );
}

/** Everyone's weights side by side with the group's, and where the room disagrees most. */
function GroupView({ people }: { people: ReturnType<typeof weighingParticipants> }) {
  const pack = usePack();
  const derived = useDerived();
  const session = useAppStore((s) => s.session);
  if (!derived || !session) return null;
  const spreads = derived.stakeholders?.agreement.criteria.filter((c) => c.spread > 0).sort((a, b) => b.spread - a.spread) ?? [];
  return (
    <aside className="card" aria-labelledby="group-weights-title">
      <h3 id="group-weights-title">Group view</h3>
      <ScrollTable>
        <caption className="visually-hidden">Weights per participant and the group’s geometric mean</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {people.map((p) => (
              <th scope="col" key={p.id}>
                {p.name || 'Unnamed'}
              </th>
            ))}
            <th scope="col">Group</th>
          </tr>
        </thead>
        <tbody>
          {pack.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              {people.map((p) => (
                <td key={p.id} className="num">
                  {formatWeight(participantWeights(pack, session, p.id)[c.id] ?? 0)}
                </td>
              ))}
              <td className="num strong">{(derived.weights[c.id] ?? 0).toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h3>Where the room disagrees most</h3>
      {spreads.length === 0 ? (
        <p className="muted">{people.length < 2 ? 'With one person weighing, there is nothing to disagree on yet.' : 'Everyone weighs every criterion the same.'}</p>
      ) : (
        <ol className="disagreements">
          {spreads.slice(0, 3).map((s) => {
            const label = pack.criteria.find((c) => c.id === s.criterion)?.label ?? s.criterion;
            const low = people.filter((p) => (participantWeights(pack, session, p.id)[s.criterion] ?? 0) === s.min).map((p) => p.name || 'Unnamed');
            const high = people.filter((p) => (participantWeights(pack, session, p.id)[s.criterion] ?? 0) === s.max).map((p) => p.name || 'Unnamed');
            return (
              <li key={s.criterion}>
                <strong>{label}</strong>: {high.join(', ')} at {formatWeight(s.max)}, {low.join(', ')} at {formatWeight(s.min)} (apart by {formatWeight(s.spread)})
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
