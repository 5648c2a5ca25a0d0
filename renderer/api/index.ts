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
 * loopback host with the token from the address Stratum printed (kept for reloads of this tab).
 */
export function pickTransport(): Transport | { error: string } {
  if (window.stratum) return { kind: 'electron', api: window.stratum.api, onMenuCommand: window.stratum.onMenuCommand };
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    return {
      error:
        'This page needs the address Stratum printed in its terminal (it ends with #token=…). Open that address, or restart with npm start.',
    };
  }
  return { kind: 'browser', api: createHttpApi(token), onMenuCommand: () => () => undefined };
}
