import type { MenuListener, StratumApi, StratumBridge } from '../../shared/contract';
import { createHttpApi } from './http-transport';

declare global {
  interface Window {
    stratum?: StratumBridge;
  }
}

export interface Transport {
  kind: 'electron' | 'browser';
  api: StratumApi;
  onMenuCommand: (listener: MenuListener) => () => void;
}

const TOKEN_KEY = 'stratum.token';

/**
 * Picks the transport once at start-up: the preload's window.stratum in the desktop window, else the
 * loopback host with the token from the address Stratum printed (kept for reloads of this tab). A tab
 * without the token (an address copied from another tab) calls the host anyway: the session cookie set for
 * this browser by a call with the token stands in for it, and if the host refuses, the page says to open the
 * printed address. A token in the address is always sent, so a wrong one is refused even beside the cookie.
 */
export function pickTransport(): Transport | { error: string } {
  if (window.stratum) return { kind: 'electron', api: window.stratum.api, onMenuCommand: window.stratum.onMenuCommand };
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return { kind: 'browser', api: createHttpApi(sessionStorage.getItem(TOKEN_KEY)), onMenuCommand: () => () => undefined };
}
