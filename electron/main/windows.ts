import { BrowserWindow, type WebContents } from 'electron';
import { APP_NAME } from '../serve/app-facts';
import { shouldPreventNavigation, windowOpenPolicy } from './security';
import { MIN_WINDOW_SIZE, type Rect } from './window-state';

// The webPreferences are written out as literals at each `new BrowserWindow` so that a reader, and
// Electronegativity, sees every security setting where the window is made. windows.test.ts checks
// what each constructor receives.

/** The app's one window: isolated and sandboxed, no Node in the page, middle-click links off. */
export function createMainWindow(bounds: Partial<Rect>, preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** A hidden window that prints the report to PDF: scripts off, no preload, sandboxed; destroyed after use. */
export function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Navigation, redirects, new windows and <webview> are refused for any web contents the app makes. */
export function lockDownContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(windowOpenPolicy(openExternal));
  contents.on('will-navigate', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
