import { useId } from 'react';
import { CURRENCIES, CURRENCY_CODES, isCurrencyCode, type CurrencyCode } from '../../../shared/cost';

interface CurrencyFieldProps {
  currency: CurrencyCode;
  onChange: (currency: CurrencyCode) => void;
}

/** The workshop's currency: every figure on every step and in every export is in it. */
export function CurrencyField({ currency, onChange }: CurrencyFieldProps) {
  const id = useId();
  return (
    <div className="assumption currency-field">
      <div className="assumption-text">
        <label htmlFor={`${id}-select`} className="field-label">
          Currency
        </label>
        <p id={`${id}-hint`} className="field-hint">
          Every figure on every step and in every export is in this currency. The model’s list prices are US dollars, converted at the rate below; amounts the
          room has set are converted when the currency changes.
        </p>
      </div>
      <div className="assumption-control">
        <select
          id={`${id}-select`}
          aria-describedby={`${id}-hint`}
          value={currency}
          onChange={(e) => {
            if (isCurrencyCode(e.target.value)) onChange(e.target.value);
          }}
        >
          {CURRENCY_CODES.map((code) => (
            <option key={code} value={code}>
              {code} · {CURRENCIES[code].name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
