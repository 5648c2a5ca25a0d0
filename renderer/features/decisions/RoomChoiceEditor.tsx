import { useId, useState } from 'react';
import type { Decision } from '../../../shared/engine';
import { useAppStore } from '../../stores/context';
import { withRoomChoice } from '../../stores/session-actions';

/** Records the room's own choice when it differs from the recommendation, with the reason the records will carry. */
export function RoomChoiceEditor({ decision, recommended, ruledOut = [] }: { decision: Decision; recommended: string | null; ruledOut?: readonly string[] }) {
  const id = useId();
  const saved = useAppStore((s) => s.session?.roomChoices[decision.id] ?? null);
  const change = useAppStore((s) => s.change);
  const presenter = useAppStore((s) => s.presenter);
  const [option, setOption] = useState<string>(saved?.option ?? '');
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  if (presenter && !saved) return null;

  const save = () => {
    if (!option) return setError('Choose the option the room decided on.');
    if (!reason.trim()) return setError('Reason is required: say why the room chose differently.');
    setError(null);
    change((s) => withRoomChoice(s, decision.id, { option, reason: reason.trim() }));
  };
  const clear = () => {
    setOption('');
    setReason('');
    setError(null);
    change((s) => withRoomChoice(s, decision.id, null));
  };

  return (
    <section className="card card-wide room-choice" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>The room’s choice</h4>
      {saved ? (
        <p>
          The room chose <strong>{decision.options.find((o) => o.id === saved.option)?.label ?? saved.option}</strong>
          {ruledOut.includes(saved.option) ? ', which a constraint rules out (see its risk),' : recommended && saved.option !== recommended ? ' over the recommendation,' : ','} because: “{saved.reason}”
        </p>
      ) : (
        <p className="muted">When the room decides differently from the recommendation, record what it chose and why; the decision record will show both.</p>
      )}
      {!presenter && (
        <form
          className="room-choice-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-option`} className="field-label">
              Chosen option
            </label>
            <select id={`${id}-option`} value={option} onChange={(e) => setOption(e.target.value)}>
              <option value="">Choose…</option>
              {decision.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                  {o.id === recommended ? ' (recommended)' : ruledOut.includes(o.id) ? ' (ruled out by a constraint)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-reason`} className="field-label">
              Reason
            </label>
            <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          </div>
          <div className="room-choice-actions">
            <button type="submit" className="button button-primary">
              {saved ? 'Update choice' : 'Record choice'}
            </button>
            {saved && (
              <button type="button" className="button" onClick={clear}>
                Clear
              </button>
            )}
          </div>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
