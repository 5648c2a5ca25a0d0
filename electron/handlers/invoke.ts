import {
  channels,
  describeIssues,
  fail,
  fieldPath,
  toFieldIssues,
  type ApiResult,
  type Channel,
  type FieldIssue,
} from '../../shared/contract';
import { MAX_JSON_NESTING, jsonNestingIssue } from '../../shared/engine';
import type { HandlerDeps } from './deps';
import { asyncHandlers, handlers, isAsyncChannel, type AsyncChannel, type Handler, type SyncChannel } from './registry';

export type Logger = (message: string, error?: unknown) => void;

const defaultLogger: Logger = (message, error) => {
  console.error(`[stratum] ${message}`, error ?? '');
};

/** True when `name` is one of the contract's channels (an own key, not an inherited one). */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * The one way into a handler: validates the payload against the channel's schema (the handler never
 * runs on a bad one), runs it, checks its output, and turns a thrown bug into an `internal` error.
 */
export function invokeChannel(
  deps: HandlerDeps,
  name: string,
  payload: unknown,
  log: Logger = defaultLogger,
): ApiResult<unknown> {
  if (!isChannel(name)) return fail('not-found', `Unknown API channel "${name}".`);
  if (isAsyncChannel(name)) return fail('internal', `${name} answers asynchronously; call it through invokeChannelAsync.`);
  const input = parseInput(name, payload);
  if (!input.ok) return input.failure;
  return settle(name, log, () => (handlers[name] as Handler<SyncChannel>)(deps, input.value as never));
}

/** The same wrapper for every channel, including those whose handler waits (PDF printing); transports use this. */
export async function invokeChannelAsync(deps: HandlerDeps, name: string, payload: unknown, log: Logger = defaultLogger): Promise<ApiResult<unknown>> {
  if (!isChannel(name) || !isAsyncChannel(name)) return invokeChannel(deps, name, payload, log);
  const input = parseInput(name, payload);
  if (!input.ok) return input.failure;
  let result: ApiResult<unknown>;
  try {
    result = await asyncHandlers[name as AsyncChannel](deps, input.value as never);
  } catch (err) {
    return failure(name, log, err);
  }
  return checkOutput(name, log, result);
}

function parseInput(name: Channel, payload: unknown): { ok: true; value: unknown } | { ok: false; failure: ApiResult<never> } {
  // Checked first, so nothing below (validation, describing what was found) runs out of stack on a hostile payload.
  const tooDeep = jsonNestingIssue(payload);
  let issues: FieldIssue[];
  if (tooDeep) {
    issues = [{ path: fieldPath(tooDeep.path), message: `${tooDeep.message} (at most ${MAX_JSON_NESTING} levels are allowed)` }];
  } else {
    const parsed = channels[name].input.safeParse(payload ?? {});
    if (parsed.success) return { ok: true, value: parsed.data };
    issues = toFieldIssues(parsed.error);
  }
  return { ok: false, failure: fail('invalid-input', `The request to ${name} was refused: ${describeIssues(issues)}.`, issues) };
}

function settle(name: Channel, log: Logger, run: () => ApiResult<unknown>): ApiResult<unknown> {
  let result: ApiResult<unknown>;
  try {
    result = run();
  } catch (err) {
    return failure(name, log, err);
  }
  return checkOutput(name, log, result);
}

function failure(name: Channel, log: Logger, err: unknown): ApiResult<never> {
  if (isStorageFailure(err)) {
    log(`${name} could not reach the database`, err);
    return fail('storage', `Stratum could not save or read your data: ${(err as Error).message}. Nothing already saved was lost.`);
  }
  log(`${name} failed`, err);
  return fail('internal', `Something went wrong in ${name}. Your saved data is unchanged.`);
}

function checkOutput(name: Channel, log: Logger, result: ApiResult<unknown>): ApiResult<unknown> {
  if (result.ok) {
    const checked = channels[name].output.safeParse(result.value);
    if (!checked.success) {
      log(`${name} returned a value outside its contract: ${describeIssues(toFieldIssues(checked.error))}`);
      return fail('internal', `Something went wrong in ${name}. Your saved data is unchanged.`);
    }
  }
  return result;
}

// better-sqlite3 raises SqliteError with codes such as SQLITE_FULL, SQLITE_READONLY, SQLITE_BUSY.
function isStorageFailure(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof (err as { code: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('SQLITE_')
  );
}
