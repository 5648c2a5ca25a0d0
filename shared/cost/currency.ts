/** The currencies a workshop can count in: the model's list prices are in US dollars and converted at a rate. */
export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export const DEFAULT_CURRENCY: CurrencyCode = 'USD';

export interface CurrencyInfo {
  code: CurrencyCode;
  name: string;
  /** Units of this currency for one US dollar: a starting point (late 2025) the room replaces with its own. */
  defaultUsdRate: number;
  /** Decimals an amount under 100 is shown with (none for the yen, which has no minor unit in use). */
  decimals: number;
}

export const CURRENCIES: Readonly<Record<CurrencyCode, CurrencyInfo>> = {
  USD: { code: 'USD', name: 'US dollar', defaultUsdRate: 1, decimals: 2 },
  EUR: { code: 'EUR', name: 'Euro', defaultUsdRate: 0.86, decimals: 2 },
  GBP: { code: 'GBP', name: 'Pound sterling', defaultUsdRate: 0.75, decimals: 2 },
  CHF: { code: 'CHF', name: 'Swiss franc', defaultUsdRate: 0.8, decimals: 2 },
  JPY: { code: 'JPY', name: 'Japanese yen', defaultUsdRate: 155, decimals: 0 },
};

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && (CURRENCY_CODES as readonly string[]).includes(value);
}

/** The currency an amount is in and the rate its list prices were converted at. */
export interface MoneyContext {
  currency: CurrencyCode;
  /** Units of `currency` per US dollar (1 for USD). */
  usdExchangeRate: number;
}

export const USD_CONTEXT: Readonly<MoneyContext> = Object.freeze({ currency: 'USD', usdExchangeRate: 1 });

/** The currency and rate as `costAssumptions` fields: none for US dollars, which need neither. */
export function moneyFields(money: MoneyContext): { currency?: CurrencyCode; usdExchangeRate?: number } {
  return money.currency === 'USD' ? {} : { currency: money.currency, usdExchangeRate: money.usdExchangeRate };
}
