/** Why a call failed, in words a person can act on. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'storage'
  | 'forbidden'
  | 'unavailable'
  | 'internal';

/** One problem with one field of a payload: `path` is the dotted path of the field. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A successful result. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** A failed result carrying a message for a person. */
export function fail<T = never>(code: ApiErrorCode, message: string, issues?: FieldIssue[]): ApiResult<T> {
  return issues && issues.length > 0
    ? { ok: false, error: { code, message, issues } }
    : { ok: false, error: { code, message } };
}
