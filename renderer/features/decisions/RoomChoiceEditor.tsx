import { useId, useState } from 'react';
import { optionLabel } from '../../../shared/domain';
import type { Decision } from '../../../shared/engine';
import { useAppStore } from '../../stores/context';
import { Card, Field, FieldError, SubmitForm } from '../../components/form';
import { withRoomChoice } from '../../stores/session-actions';

/**
 * Records what the room decided: agreeing with the recommendation (one click, a reason optional) or another
 * option with the reason the records will carry.
 */
export function RoomChoiceEditor({
  decision,
  recommended,
  tied = [],
  ruledOut = [],
}: {
  decision: Decision;
  recommended: string | null;
  /** The options too close to call, when they are: choosing any of them needs no reason. */
  tied?: readonly string[];
  ruledOut?: readonly string[];
}) {
  const id = useId();
  const saved = useAppStore((s) => s.session?.roomChoices[decision.id] ?? null);
  const change = useAppStore((s) => s.change);
  const presenter = useAppStore((s) => s.presenter);
  const [option, setOption] = useState<string>(saved?.option ?? '');
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  if (presenter && !saved) return null;

  const labelOf = (o: string) => optionLabel(decision, o);
  // What the engine backs: the recommendation, or each option of a tie.
  const backed = tied.length > 0 ? tied : recommended ? [recommended] : [];
  const agrees = option !== '' && backed.includes(option);
  const record = (chosen: string) => {
    setError(null);
    setOption(chosen);
    change((s) => withRoomChoice(s, decision.id, { option: chosen, reason: reason.trim() }));
  };
  const save = () => {
    if (!option) return setError('Choose the option the room decided on.');
    if (!agrees && !reason.trim()) {
      return setError(recommended ? `Reason is required when the room chooses an option other than ${tied.length > 0 ? 'the tied ones' : 'the recommendation'}: say why.` : 'Reason is required: say why the room chose it.');
    }
    record(option);
  };
  const clear = () => {
    setOption('');
    setReason('');
    setError(null);
    change((s) => withRoomChoice(s, decision.id, null));
  };

  return (
    <Card className="card-wide room-choice" titleId={`${id}-title`} level="h4" title="The room’s choice">
      <ChoiceSummary saved={saved} tied={tied} recommended={recommended} ruledOut={ruledOut} labelOf={labelOf} />
      {!presenter && (
        <SubmitForm className="room-choice-form" onSubmit={save}>
          <Field id={`${id}-option`} label="Chosen option">
            <select id={`${id}-option`} value={option} onChange={(e) => setOption(e.target.value)}>
              <option value="">Choose…</option>
              {decision.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                  {o.id === recommended ? ' (recommended)' : ruledOut.includes(o.id) ? ' (ruled out by a constraint)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-reason`} label={agrees ? 'Reason (optional)' : 'Reason'} className="field-grow">
            <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          </Field>
          <div className="room-choice-actions">
            {recommended && tied.length === 0 && !saved && (
              <button type="button" className="button button-primary" onClick={() => record(recommended)}>
                Agree with {labelOf(recommended)}
              </button>
            )}
            <button type="submit" className={`button${recommended && tied.length === 0 && !saved ? '' : ' button-primary'}`}>
              {saved ? 'Update choice' : 'Record choice'}
            </button>
            {saved && (
              <button type="button" className="button" onClick={clear}>
                Clear
              </button>
            )}
          </div>
          <FieldError id={`${id}-error`} message={error} />
        </SubmitForm>
      )}
    </Card>
  );
}

/** What the room chose and why, said against the recommendation, a tie or a constraint; or what to record. */
function ChoiceSummary({
  saved,
  tied,
  recommended,
  ruledOut,
  labelOf,
}: {
  saved: { option: string; reason: string } | null;
  tied: readonly string[];
  recommended: string | null;
  ruledOut: readonly string[];
  labelOf: (option: string) => string;
}) {
  const because = saved?.reason ? <> because: “{saved.reason}”</> : null;
  return (
    <>
    {saved ? (
      tied.includes(saved.option) ? (
        <p>
          The room chose <strong>{labelOf(saved.option)}</strong> between options too close to call
          {because ? <>,{because}</> : '.'}
        </p>
      ) : saved.option === recommended ? (
        <p>
          The room agreed with the recommendation, <strong>{labelOf(saved.option)}</strong>
          {because ? <>,{because}</> : '.'}
        </p>
      ) : (
        <p>
          The room chose <strong>{labelOf(saved.option)}</strong>
          {ruledOut.includes(saved.option) ? ', which a constraint rules out (see its risk),' : recommended ? ' over the recommendation,' : ','}
          {because ?? ' with no reason recorded: it agreed when this was the recommendation. Say why it still stands, or choose again.'}
        </p>
      )
    ) : (
      <p className="muted">
        {tied.length > 0
          ? 'The options are too close to call: record which one the room chose (a reason is optional between the tied options).'
          : recommended
            ? 'Record what the room decided: agree with the recommendation, or choose another option and say why.'
            : 'Record what the room decided and why.'}{' '}
        The decision record shows both.
      </p>
    )}
    </>
  );
}
