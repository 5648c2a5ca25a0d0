import { useId } from 'react';
import { useNumberDraft } from '../../components/use-number-draft';
import { formatNumber, type CostAssumptionInfo, type MoneyContext } from '../../../shared/cost';
import { allowedRange, assumptionText, readAssumption } from './cost-form';

interface AssumptionFieldProps {
  /** The assumption as the workshop's currency sees it (costAssumptionInfoIn). */
  info: CostAssumptionInfo;
  /** The workshop's currency and rate, which an amount is checked in. */
  money: MoneyContext;
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
export function AssumptionField({ info, money, value, overridden, onCommit, onReset }: AssumptionFieldProps) {
  const id = useId();
  const field = useNumberDraft(value, (text) => readAssumption(info, text, money), onCommit, assumptionText);
  const problem = field.problem;
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const defaultWords = shownValue(info.defaultValue);

  return (
    <div className={`assumption${problem === null ? '' : ' field-invalid'}${overridden ? ' assumption-changed' : ''}`}>
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
            aria-describedby={problem === null ? hintId : `${hintId} ${errorId}`}
            aria-invalid={problem === null ? undefined : true}
            value={field.text}
            placeholder={info.nullable ? 'none' : undefined}
            onFocus={field.onFocus}
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={field.onBlur}
          />
          <span className="unit">{info.unit}</span>
        </div>
        <button
          type="button"
          className="button button-small button-ghost"
          disabled={!overridden && !field.editing}
          aria-label={`Reset to default: ${info.label} (${defaultWords})`}
          onClick={() => {
            field.discard();
            onReset();
          }}
        >
          Reset to default
        </button>
      </div>
      {problem !== null && (
        <p id={errorId} className="field-error" role="alert">
          {problem} Not saved: the model still uses {shownValue(value)}.
        </p>
      )}
    </div>
  );
}
