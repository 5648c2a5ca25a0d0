import {
  channels,
  describeIssues,
  fail,
  toFieldIssues,
  type ApiResult,
  type Channel,
  type ChannelOutput,
} from '../../shared/contract';
import type { HandlerDeps } from './deps';
import { handlers, type Handler } from './registry';

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
  return invokeKnown(deps, name, payload, log);
}

function invokeKnown<C extends Channel>(deps: HandlerDeps, name: C, payload: unknown, log: Logger): ApiResult<ChannelOutput<C>> {
  const spec = channels[name];
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    return fail('invalid-input', `The request to ${name} was refused: ${describeIssues(issues)}.`, issues);
  }
  const handler = handlers[name] as Handler<C>;
  let result: ApiResult<ChannelOutput<C>>;
  try {
    result = handler(deps, parsed.data as Parameters<Handler<C>>[1]);
  } catch (err) {
    if (isStorageFailure(err)) {
      log(`${name} could not reach the database`, err);
      return fail('storage', `Stratum could not save or read your data: ${(err as Error).message}. Nothing already saved was lost.`);
    }
    log(`${name} failed`, err);
    return fail('internal', `Something went wrong in ${name}. Your saved data is unchanged.`);
  }
  if (result.ok) {
    const checked = spec.output.safeParse(result.value);
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
