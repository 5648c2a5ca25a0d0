import { useEffect, useState } from 'react';
import { useAppPick, useAppStore } from '../../stores/context';
import { Card, Field, FieldError, OptionSelect, SubmitForm } from '../../components/form';
import type { PackSummary } from '../../../shared/contract';

const key = (p: { id: string; version: string }) => `${p.id}@${p.version}`;

/**
 * The rule pack the workshop evaluates with, and a move to another version of the same pack: what would change is
 * shown first, and a milestone keeps the results as they were before the move.
 */
export function WorkshopPackCard({ workshopId }: { workshopId: string }) {
  const { sessionPack: source, packs, loadPacks } = useAppPick('sessionPack', 'packs', 'loadPacks');
  const movePreview = useAppStore((s) => (s.movePreview?.workshopId === workshopId ? s.movePreview : null));
  const previewPackMove = useAppStore((s) => s.previewPackMove);
  const moveWorkshopPack = useAppStore((s) => s.moveWorkshopPack);
  const facilitator = useAppStore((s) => s.current?.facilitator ?? '');
  const [target, setTarget] = useState('');
  const [milestone, setMilestone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);
  // A preview belongs to the version it was made for; leaving the step drops it.
  useEffect(() => () => void previewPackMove(workshopId, null), [workshopId, previewPackMove]);

  if (!source) return null;
  const current = source.pack;
  const others = current.builtIn ? [] : packs.filter((p) => !p.builtIn && p.id === current.id && p.version !== current.version);
  const chosen = others.find((p) => key(p) === target) ?? others[0] ?? null;

  const preview = async () => {
    if (!chosen) return;
    setError(null);
    setDone(null);
    setBusy(true);
    const r = await previewPackMove(workshopId, { id: chosen.id, version: chosen.version });
    setBusy(false);
    if (!r.ok) setError(r.message);
    else setMilestone(r.preview?.milestone ?? '');
  };

  const move = async () => {
    if (!movePreview || busy) return;
    if (!milestone.trim()) return setError('Name the milestone that keeps the results as they are now.');
    setError(null);
    setBusy(true);
    const from = current.version;
    const r = await moveWorkshopPack(workshopId, movePreview.ref, milestone, facilitator);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setDone(`Moved to ${movePreview.preview.to.title} ${movePreview.ref.version}. The milestone “${r.milestone.name}” keeps the results from ${from}.`);
    setTarget('');
  };

  const p = movePreview?.preview;
  return (
    <Card className="pack-card" titleId="workshop-pack-title" title="Rule pack">
      <p>
        Evaluated with <strong>{current.title}</strong> {current.version}
        <span className="muted small">
          {' '}
          · {current.builtIn ? 'built in' : 'your team’s pack'} · sha256 <code>{current.sha256.slice(0, 12)}…</code>
        </span>
      </p>
      {others.length === 0 && !current.builtIn && <p className="muted small">No other version of this pack is in the library. Import one on the Rule packs page to move to it.</p>}
      {others.length > 0 && chosen && (
        <VersionPicker
          others={others}
          chosen={chosen}
          busy={busy}
          onPick={(k) => {
            setTarget(k);
            void previewPackMove(workshopId, null);
          }}
          onPreview={() => void preview()}
        />
      )}
      {p && (
        <div className="move-preview" aria-live="polite">
          <h4>
            {p.from.version} → {p.to.version}
          </h4>
          {p.refused ? (
            <FieldError message={p.refused} />
          ) : (
            <>
              <MoveChanges changes={p.changes} unchanged={p.unchanged} />
              <SubmitForm className="milestone-form" onSubmit={() => void move()}>
                <Field id="move-milestone" label="Milestone kept before the move">
                  <input id="move-milestone" value={milestone} maxLength={120} onChange={(e) => setMilestone(e.target.value)} />
                </Field>
                <button type="submit" className="button button-primary" disabled={busy}>
                  Move to {p.to.version}
                </button>
              </SubmitForm>
            </>
          )}
        </div>
      )}
      <FieldError message={error} />
      {done && (
        <p className="export-result" role="status">
          {done}
        </p>
      )}
    </Card>
  );
}

/** What a move to another version would change: every recommendation that moves, and how many stay. */
function MoveChanges({ changes, unchanged }: { changes: ReadonlyArray<{ useCase?: string | null; title: string; from: string; to: string }>; unchanged: number }) {
  const staying = (n: number) => (n === 1 ? '1 stays as it is' : `${n} stay as they are`);
  return (
    <>
      {changes.length === 0 ? (
        <p>No recommendation would change ({staying(unchanged)}).</p>
      ) : (
        <>
          <p>
            {changes.length === 1 ? 'One recommendation would change' : `${changes.length} recommendations would change`}; {staying(unchanged)}.
          </p>
          <ul className="plain-list move-changes" aria-label="Recommendations that would change">
            {changes.map((c, i) => (
              <li key={i}>
                {c.useCase ? <span className="muted">{c.useCase}: </span> : null}
                {c.title}: <span className="from">{c.from}</span> → <strong>{c.to}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Another version of the same pack to move to, and its preview. */
function VersionPicker({ others, chosen, busy, onPick, onPreview }: { others: PackSummary[]; chosen: PackSummary; busy: boolean; onPick: (key: string) => void; onPreview: () => void }) {
  return (
    <SubmitForm className="compare-form" onSubmit={onPreview}>
      <label className="inline-field">
        <span>Move to version</span>
        <OptionSelect value={key(chosen)} options={others.map((o) => ({ id: key(o), label: o.version }))} onChange={onPick} />
      </label>
      <button type="submit" className="button" disabled={busy}>
        Preview the move
      </button>
    </SubmitForm>
  );
}
