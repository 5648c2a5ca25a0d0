import { useState } from 'react';
import { UNNAMED_PARTICIPANT, type Involvement, type Participant, type WorkshopState } from '../../../shared/domain';

type WorkshopVotes = NonNullable<WorkshopState['votes']>[string];
import { useAppPick, useAppStore } from '../../stores/context';
import { withParticipantRemoved, withParticipantRestored } from '../../stores/session-actions';
import { ActionsColumnHead, Field, FieldError, OptionSelect, SubmitForm, TableHead } from '../../components/form';

const INVOLVEMENTS: { id: Involvement; label: string; hint: string }[] = [
  { id: 'decision-maker', label: 'Decision-maker', hint: 'decides; listed as decision-makers in the records' },
  { id: 'consulted', label: 'Consulted', hint: 'gives input before the decision' },
  { id: 'informed', label: 'Informed', hint: 'is told the outcome' },
];

function newId(): string {
  return crypto.randomUUID();
}

/** The room: who takes part, in what role, and how (decision-maker, consulted, informed). */
export function ParticipantsEditor() {
  const participants = useAppStore((s) => s.session?.participants ?? []);
  const { change, undoIfLatest, showNotice } = useAppPick('change', 'undoIfLatest', 'showNotice');

  const update = (id: string, patch: Partial<Participant>, key: string) =>
    change((s) => ({ ...s, participants: s.participants.map((p) => (p.id === id ? { ...p, ...patch } : p)) }), { coalesceKey: `participant:${id}:${key}` });

  // A removal takes their weights too, so it says so and offers them back (where they were in the list).
  const remove = (id: string) => {
    const at = participants.findIndex((p) => p.id === id);
    const person = participants[at];
    if (!person) return;
    let weights: Record<string, number> | undefined;
    let votes: WorkshopVotes | undefined;
    const after = change((s) => {
      weights = s.weights[id];
      votes = s.votes?.[id];
      return withParticipantRemoved(s, id);
    });
    const name = person.name || UNNAMED_PARTICIPANT;
    showNotice({
      message: `Removed ${name}${weights ? ' and their weights' : ''}.`,
      tone: 'info',
      action: {
        label: 'Undo',
        run: () => {
          // Nothing edited since: the removal is taken back as Undo would (Redo removes them again).
          if (after && undoIfLatest(after)) return;
          change((s) => withParticipantRestored(s, person, at, weights, votes));
        },
      },
    });
  };

  return (
    <section className="participants" aria-labelledby="participants-title">
      <h3 id="participants-title">Participants</h3>
      <p className="muted">Everyone in the room. Their involvement becomes the records’ decision-makers, consulted and informed.</p>
      {participants.length > 0 && (
        <table className="participants-table">
          <TableHead columns={['Name', 'Role', 'Involvement']}>
            <ActionsColumnHead />
          </TableHead>
          <tbody>
            {participants.map((p, i) => (
              <tr key={p.id}>
                <td>
                  <input
                    aria-label={`Name of participant ${i + 1}`}
                    value={p.name}
                    maxLength={120}
                    placeholder={UNNAMED_PARTICIPANT}
                    onChange={(e) => update(p.id, { name: e.target.value }, 'name')}
                  />
                </td>
                <td>
                  <input aria-label={`Role of participant ${i + 1}`} value={p.role} maxLength={120} placeholder="e.g. CISO" onChange={(e) => update(p.id, { role: e.target.value }, 'role')} />
                </td>
                <td>
                  <OptionSelect aria-label={`Involvement of participant ${i + 1}`} value={p.involvement} options={INVOLVEMENTS} onChange={(involvement) => update(p.id, { involvement }, 'involvement')} />
                </td>
                <td>
                  <button type="button" className="button button-small button-ghost" onClick={() => remove(p.id)} aria-label={`Remove ${p.name || `participant ${i + 1}`}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddParticipantForm />
      <ul className="involvement-legend">
        {INVOLVEMENTS.map((i) => (
          <li key={i.id}>
            <strong>{i.label}</strong>: {i.hint}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Adds a participant by name (and role); they decide until said otherwise. */
function AddParticipantForm() {
  const change = useAppStore((s) => s.change);
  const [draftName, setDraftName] = useState('');
  const [draftRole, setDraftRole] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const name = draftName.trim();
    if (!name) {
      setError('Name is required to add a participant.');
      return;
    }
    setError(null);
    change((s) => ({
      ...s,
      participants: [...s.participants, { id: newId(), name, role: draftRole.trim(), involvement: 'decision-maker' }],
    }));
    setDraftName('');
    setDraftRole('');
  };

  return (
    <>
      <SubmitForm className="participant-add" onSubmit={add}>
        <Field id="new-participant-name" label="Name">
          <input id="new-participant-name" value={draftName} maxLength={120} onChange={(e) => setDraftName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'new-participant-error' : undefined} />
        </Field>
        <Field id="new-participant-role" label="Role">
          <input id="new-participant-role" value={draftRole} maxLength={120} placeholder="e.g. CIO, data-science lead" onChange={(e) => setDraftRole(e.target.value)} />
        </Field>
        <button type="submit" className="button">
          Add participant
        </button>
      </SubmitForm>
      <FieldError id="new-participant-error" message={error} />
    </>
  );
}
