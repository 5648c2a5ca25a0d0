import type { ApiResult } from './result';
import type { Channel, ChannelInput, ChannelOutput } from './channels';
import type { MenuCommand } from './channel-names';

/** One function per channel: the same shape in Electron (window.stratum) and in browser mode. */
export type StratumApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<ApiResult<ChannelOutput<C>>>;
};

/** What the preload exposes as `window.stratum`: the channels plus the menu subscription. */
export interface StratumBridge {
  api: StratumApi;
  /** Calls `listener` for each native-menu command; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
}
