import type { CustomScheme, HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** The app's own scheme and host: the renderer is served from app://stratum/, never file:// or http. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stratum';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Privileges of app://: a standard, secure origin so 'self' in the CSP and fetch() mean this app. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
};

/** https addresses the app itself shows (Help menu); nothing else is opened outside the app. */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = [
  'https://adr.github.io/madr/',
  'https://www.electronjs.org/docs/latest/tutorial/security',
];

/** True when `url` may be handed to the OS browser: an exact https entry of the allow-list. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && EXTERNAL_URL_ALLOWLIST.includes(parsed.href);
}

/** True when `url` is a page of the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the app is never allowed (in-page hash changes do not reach will-navigate). */
export function shouldPreventNavigation(url: string): boolean {
  return !isAppUrl(url);
}

/**
 * New windows are always denied; an allow-listed https link is opened in the OS browser instead,
 * through `openExternal` (injected so this policy is testable without Electron).
 */
export function windowOpenPolicy(openExternal: (url: string) => void): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return (details) => {
    if (isAllowedExternalUrl(details.url)) openExternal(details.url);
    return { action: 'deny' };
  };
}

/** Every permission request (camera, notifications, geolocation, …) is refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Every permission check answers no. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** An IPC call is served only when it comes from a frame showing the app's own origin. */
export function isTrustedSenderUrl(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
