// Only the names list and types: the preload stays free of zod and of the schemas.
import type { MenuListener, StratumApi, StratumBridge } from '../../shared/contract/api';
import { CHANNEL_NAMES, IMPORT_NOTE_MAX, IMPORT_OUTCOMES, MENU_COMMANDS, type ImportOutcome, type MenuCommand } from '../../shared/contract/channel-names';

/** A workshop id as the main process sends it: a UUID, nothing longer or stranger reaches the page. */
const WORKSHOP_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IpcLike {
  invoke: (channel: string, payload: unknown) => Promise<unknown>;
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void;
}

/** Commands kept for a page that has not subscribed yet (it subscribes once React has mounted). */
const MAX_WAITING_COMMANDS = 10;

/**
 * Builds `window.stratum` from the contract: one function per channel and the menu subscription, nothing
 * else. The preload listens from the start, so a command the main process sends while the page is still
 * starting (a workshop file opened as the window loads) waits for the page's first subscriber.
 */
export function buildBridge(ipc: IpcLike, menuChannel: string): StratumBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = (input: unknown) => ipc.invoke(channel, input);
  }
  const listeners = new Set<MenuListener>();
  const waiting: Parameters<MenuListener>[] = [];
  ipc.on(menuChannel, (_event: unknown, command: unknown, workshopId: unknown, opened: unknown, note: unknown) => {
    if (typeof command !== 'string' || !(MENU_COMMANDS as readonly string[]).includes(command)) return;
    // Only a command, a workshop UUID beside it, a known outcome and a short text note reach the page (which shows
    // the note as text); anything else is dropped.
    const call: Parameters<MenuListener> = [command as MenuCommand];
    if (typeof workshopId === 'string' && WORKSHOP_ID_PATTERN.test(workshopId)) {
      call.push(workshopId);
      if (typeof opened === 'string' && (IMPORT_OUTCOMES as readonly string[]).includes(opened)) {
        call.push(opened as ImportOutcome);
        if (typeof note === 'string' && note.length > 0 && note.length <= IMPORT_NOTE_MAX) call.push(note);
      }
    }
    if (listeners.size === 0) {
      // The newest commands matter most (the workshop to show): beyond the limit the oldest go.
      if (waiting.push(call) > MAX_WAITING_COMMANDS) waiting.shift();
      return;
    }
    for (const listener of listeners) listener(...call);
  });
  return {
    api: Object.freeze(api) as unknown as StratumApi,
    onMenuCommand: (listener) => {
      listeners.add(listener);
      const unsubscribe = () => {
        listeners.delete(listener);
      };
      // The commands that waited are delivered once subscribing is done, so a listener that throws cannot
      // leave the caller without its unsubscribe function. If it unsubscribed meanwhile (a component mounted
      // twice), they go to whoever listens now, or wait again.
      const waited = waiting.splice(0);
      if (waited.length > 0) {
        queueMicrotask(() => {
          const to = listeners.has(listener) ? [listener] : [...listeners];
          if (to.length === 0) waiting.unshift(...waited);
          for (const call of waited) for (const l of to) l(...call);
        });
      }
      return unsubscribe;
    },
  };
}
