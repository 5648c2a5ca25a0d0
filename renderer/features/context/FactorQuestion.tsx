import { useId, useState } from 'react';
import type { AnswerValue } from '../../../shared/domain';
import type { Factor } from '../../../shared/engine';
import { Segmented } from '../../components/Segmented';
import { humanize } from '../../components/labels';
import { keptWords } from './number-answer';
import { useAnswerNumber } from './use-answer-number';

const DONT_KNOW = '__dont-know__';

interface FactorQuestionProps {
  factor: Factor;
  value: AnswerValue | undefined;
  dontKnow: boolean;
  note: string;
  onAnswer: (value: AnswerValue) => void;
  /** Empties a number's answer (neither answered nor "don't know"). */
  onClear?: () => void;
  onDontKnow: () => void;
  onNote: (note: string) => void;
}

/** One question: the prompt, why it matters, a control that fits the factor's type, "don't know yet" and a note. */
export function FactorQuestion({ factor, value, dontKnow, note, onAnswer, onClear, onDontKnow, onNote }: FactorQuestionProps) {
  const id = useId();
  const [showNote, setShowNote] = useState(note.length > 0);
  const helpId = `${id}-help`;
  const status = value !== undefined ? 'answered' : dontKnow ? 'dont-know' : 'open';

  return (
    <article className={`question question-${status}`} aria-labelledby={`${id}-prompt`}>
      <header className="question-head">
        <h4 id={`${id}-prompt`} className="question-prompt">
          {factor.type === 'number' ? <label htmlFor={`${id}-input`}>{factor.prompt}</label> : factor.prompt}
        </h4>
        <span className={`question-status status-${status}`}>{status === 'answered' ? 'Answered' : status === 'dont-know' ? 'Don’t know yet' : 'Not answered'}</span>
      </header>
      <p id={helpId} className="question-help">
        <span className="visually-hidden">Why this matters: </span>
        {factor.help}
      </p>
      {factor.type === 'number' ? (
        <NumberAnswer factor={factor} value={typeof value === 'number' ? value : undefined} dontKnow={dontKnow} inputId={`${id}-input`} helpId={helpId} onAnswer={onAnswer} onClear={onClear} onDontKnow={onDontKnow} />
      ) : (
        <Segmented
          legend={factor.prompt}
          legendHidden
          describedBy={helpId}
          value={dontKnow ? DONT_KNOW : value === undefined ? null : String(value)}
          options={[
            ...(factor.type === 'boolean'
              ? [
                  { value: 'true', label: 'Yes' },
                  { value: 'false', label: 'No' },
                ]
              : factor.values.map((v) => ({ value: v, label: humanize(v) }))),
            { value: DONT_KNOW, label: 'Don’t know yet' },
          ]}
          onChange={(v) => {
            if (v === DONT_KNOW) onDontKnow();
            else onAnswer(factor.type === 'boolean' ? v === 'true' : v);
          }}
        />
      )}
      <div className="question-note">
        {showNote ? (
          <>
            <label htmlFor={`${id}-note`} className="field-label">
              Note
            </label>
            <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => onNote(e.target.value)} placeholder="Who said what, what to check, where the number comes from" />
          </>
        ) : (
          <button type="button" className="button button-small button-ghost" onClick={() => setShowNote(true)}>
            Add a note
          </button>
        )}
      </div>
    </article>
  );
}

interface NumberAnswerProps {
  factor: Extract<Factor, { type: 'number' }>;
  value: number | undefined;
  dontKnow: boolean;
  inputId: string;
  helpId: string;
  onAnswer: (value: AnswerValue) => void;
  onClear?: () => void;
  onDontKnow: () => void;
}

function NumberAnswer({ factor, value, dontKnow, inputId, helpId, onAnswer, onClear, onDontKnow }: NumberAnswerProps) {
  const field = useAnswerNumber({ factor, value, dontKnow, onAnswer, onClear: () => onClear?.(), onDontKnow });
  const problem = field.problem;
  const errorId = `${inputId}-error`;
  return (
    <div className="number-answer">
      <div className="number-input">
        <input
          type="text"
          id={inputId}
          inputMode="decimal"
          aria-describedby={[helpId, problem ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          value={field.text}
          onFocus={field.onFocus}
          onBlur={field.onBlur}
          onChange={(e) => field.onChange(e.target.value)}
        />
        {factor.unit && <span className="unit">{factor.unit}</span>}
      </div>
      <button type="button" className={`button button-small${dontKnow ? ' button-pressed' : ''}`} aria-pressed={dontKnow} onClick={onDontKnow}>
        Don’t know yet
      </button>
      {(factor.min !== undefined || factor.max !== undefined) && (
        <span className="number-bounds">
          {factor.min !== undefined && factor.max !== undefined ? `${factor.min} to ${factor.max}` : factor.min !== undefined ? `${factor.exclusiveMin ? 'above' : 'from'} ${factor.min}` : `up to ${factor.max}`}
        </span>
      )}
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem} {keptWords(value, dontKnow)}
        </p>
      )}
    </div>
  );
}
