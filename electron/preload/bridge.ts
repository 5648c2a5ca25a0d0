// Only the names list and types: the preload stays free of zod and of the schemas.
import type { StratumApi, StratumBridge } from '../../shared/contract/api';
import { CHANNEL_NAMES, MENU_COMMANDS, type MenuCommand } from '../../shared/contract/channel-names';

/** A workshop id as the main process sends it: a UUID, nothing longer or stranger reaches the page. */
const WORKSHOP_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IpcLike {
  invoke: (channel: string, payload: unknown) => Promise<unknown>;
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void;
  removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void;
}

/** Builds `window.stratum` from the contract: one function per channel and the menu subscription, nothing else. */
export function buildBridge(ipc: IpcLike, menuChannel: string): StratumBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = (input: unknown) => ipc.invoke(channel, input);
  }
  return {
    api: Object.freeze(api) as unknown as StratumApi,
    onMenuCommand: (listener) => {
      const wrapped = (_event: unknown, command: unknown, workshopId: unknown) => {
        if (typeof command !== 'string' || !(MENU_COMMANDS as readonly string[]).includes(command)) return;
        if (typeof workshopId === 'string' && WORKSHOP_ID_PATTERN.test(workshopId)) listener(command as MenuCommand, workshopId);
        else listener(command as MenuCommand);
      };
      ipc.on(menuChannel, wrapped);
      return () => ipc.removeListener(menuChannel, wrapped);
    },
  };
}
