// What the handler tests share around invokeChannel: a logger that keeps the wrapper quiet, and an ok result's value.
import type { ApiResult } from '../../../shared/contract';

/** A logger for invokeChannel that drops what it logs. */
export const quiet = (): void => undefined;

/** The value of an ok result; throws (failing the test) with the refusal's message otherwise. */
export function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}
