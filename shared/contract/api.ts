import type { ApiResult } from './result';
import type { Channel, ChannelInput, ChannelOutput } from './channels';
import type { ImportOutcome, MenuCommand } from './channel-names';

/** `note`: what to know about the rule pack a file opened with (ImportedWorkshop.packNote), plain text. */
export type MenuListener = (command: MenuCommand, workshopId?: string, opened?: ImportOutcome, note?: string) => void;

/** One function per channel: the same shape in Electron (window.stratum) and in browser mode. */
export type StratumApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<ApiResult<ChannelOutput<C>>>;
};

/** What the preload exposes as `window.stratum`: the channels plus the menu subscription. */
export interface StratumBridge {
  api: StratumApi;
  /**
   * Calls `listener` for each command from the main process (the native menu, a workshop file opened
   * with the app); with an 'open-workshop' command, `workshopId` names the workshop a file became and
   * `opened` says how (already here, a copy, …). Returns the unsubscribe function.
   */
  onMenuCommand: (listener: MenuListener) => () => void;
}
