import { useId, useState } from 'react';
import { formatNumber, type CostAssumptionInfo } from '../../../shared/cost';
import { allowedRange, assumptionText, readAssumption } from './cost-form';

interface AssumptionFieldProps {
  info: CostAssumptionInfo;
  /** The value the model uses now (the workshop's, or the default). */
  value: number | null;
  /** True when the workshop changed it from the default. */
  overridden: boolean;
  onCommit: (value: number | null) => void;
  onReset: () => void;
}

function shownValue(value: number | null): string {
  return value === null ? 'none' : formatNumber(value, 6);
}

/**
 * One editable cost assumption: a numeric field with its unit, range and default, an inline error naming the
 * field when what was typed is not allowed (that text is never saved), and a reset to the default.
 */
export function AssumptionField({ info, value, overridden, onCommit, onReset }: AssumptionFieldProps) {
  const id = useId();
  // What the person is typing; null shows the saved value (so undo, redo and reloads show through).
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? assumptionText(value);
  const reading = readAssumption(info, shown);
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const defaultWords = shownValue(info.defaultValue);

  return (
    <div className={`assumption${reading.ok ? '' : ' field-invalid'}${overridden ? ' assumption-changed' : ''}`}>
      <div className="assumption-text">
        <label htmlFor={inputId} className="field-label">
          {info.label}
        </label>
        <p id={hintId} className="field-hint">
          {info.rationale} <span className="assumption-range">Allowed: {allowedRange(info)}. Default: {defaultWords}.</span>
        </p>
      </div>
      <div className="assumption-control">
        <div className="number-input">
          <input
            type="text"
            id={inputId}
            inputMode="decimal"
            autoComplete="off"
            aria-describedby={reading.ok ? hintId : `${hintId} ${errorId}`}
            aria-invalid={reading.ok ? undefined : true}
            value={shown}
            placeholder={info.nullable ? 'none' : undefined}
            onChange={(e) => {
              const text = e.target.value;
              setDraft(text);
              const next = readAssumption(info, text);
              if (next.ok) onCommit(next.value);
            }}
            onBlur={() => {
              // A valid entry shows as saved; an invalid one stays, with its message, until fixed or reset.
              if (draft !== null && readAssumption(info, draft).ok) setDraft(null);
            }}
          />
          <span className="unit">{info.unit}</span>
        </div>
        <button
          type="button"
          className="button button-small button-ghost"
          disabled={!overridden && draft === null}
          aria-label={`Reset to default: ${info.label} (${defaultWords})`}
          onClick={() => {
            setDraft(null);
            onReset();
          }}
        >
          Reset to default
        </button>
      </div>
      {!reading.ok && (
        <p id={errorId} className="field-error" role="alert">
          {reading.message} Not saved: the model still uses {shownValue(value)}.
        </p>
      )}
    </div>
  );
}
