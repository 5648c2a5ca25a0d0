import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, fail, type ApiResult } from '../../shared/contract';
import { invokeChannelAsync, type HandlerDeps, type Logger } from '../handlers';
import { isTrustedSenderUrl } from './security';

/**
 * The IPC side of a channel call: refuses a sender that is not the app's own page, then goes through
 * the same validating wrapper as the browser-mode host.
 */
export function handleIpcCall(
  deps: HandlerDeps,
  channel: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  payload: unknown,
  log?: Logger,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSenderUrl(event.senderFrame?.url)) {
    return Promise.resolve(fail('forbidden', 'Refused: this request did not come from the Stratum window.'));
  }
  return invokeChannelAsync(deps, channel, payload, log);
}

/** Binds every contract channel to ipcMain.handle. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: HandlerDeps, log?: Logger): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => handleIpcCall(deps, channel, event, payload, log));
  }
}
