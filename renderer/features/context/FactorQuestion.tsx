import { useId, useState } from 'react';
import type { AnswerValue } from '../../../shared/domain';
import type { Factor } from '../../../shared/engine';
import { Segmented } from '../../components/Segmented';
import { humanize } from '../../components/labels';
import { parseNumberText } from '../../components/number-text';
import { useNumberDraft, type NumberReading } from '../../components/use-number-draft';

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

type NumberFactor = Extract<Factor, { type: 'number' }>;

/** A factor asked as a share from 0 to 1: "55%" is read as 0.55 there. */
const asksFraction = (factor: NumberFactor) => factor.min === 0 && factor.max === 1;

/**
 * What a typed number means for a factor: the value (null when the field is emptied: no answer), or a message
 * naming what is allowed. Reads separators, a decimal comma, "30k" and "1.5M", and "55%" for a fraction.
 */
export function readNumberAnswer(factor: NumberFactor, text: string): NumberReading {
  if (text.trim() === '') return { ok: true, value: null };
  const n = parseNumberText(text, { fraction: asksFraction(factor) });
  const refuse = (message: string): NumberReading => ({ ok: false, message });
  if (!Number.isFinite(n)) return refuse(asksFraction(factor) ? 'Enter a number from 0 to 1, such as 0.55 or 55%.' : 'Enter a number, such as 2,000,000, 1.5M or 0.5.');
  if (factor.integer && !Number.isInteger(n)) return refuse('Enter a whole number.');
  if (factor.min !== undefined && (factor.exclusiveMin ? n <= factor.min : n < factor.min)) {
    return refuse(factor.exclusiveMin ? `Enter a number above ${factor.min}.` : `Enter ${factor.min} or more.`);
  }
  if (factor.max !== undefined && n > factor.max) return refuse(`Enter ${factor.max} or less.`);
  return { ok: true, value: n };
}

/** What a refused entry leaves saved, said after its message. */
export function keptWords(value: number | undefined): string {
  return value === undefined ? 'Not saved.' : `Not saved: still ${formatNumberAnswer(value)}.`;
}

/** A saved number as its field shows it, in the system's own way of writing numbers ("30,000,000"). */
export function formatNumberAnswer(value: number | null): string {
  return value === null ? '' : value.toLocaleString(undefined, { maximumFractionDigits: 6 });
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
  const field = useNumberDraft(value ?? null, (text) => readNumberAnswer(factor, text), (n) => (n === null ? onClear?.() : onAnswer(n)), formatNumberAnswer);
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
          {problem} {keptWords(value)}
        </p>
      )}
    </div>
  );
}
