import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The electron package cannot load without its binary: a stand-in BrowserWindow records what the
// app's code passes to the real constructor.
const constructed: unknown[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      constructed.push(options);
    }
  },
}));

const { createMainWindow, createPrintWindow, lockDownContents } = await import('../../../../electron/main/windows');

beforeEach(() => {
  constructed.length = 0;
});

/** The settings every window of the app must have (Electron security checklist 2–4, 7, 8). */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
};

describe('the windows Stratum opens', () => {
  it('main window: isolated, sandboxed, no Node anywhere, the preload given, hidden until ready', () => {
    createMainWindow({ width: 1440, height: 900 }, '/app/out/preload/index.cjs');
    expect(constructed).toHaveLength(1);
    expect(constructed[0]).toMatchObject({
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      webPreferences: {
        ...LOCKED_DOWN,
        preload: '/app/out/preload/index.cjs',
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        experimentalFeatures: false,
      },
    });
  });

  it('PDF window: the same lock-down, no preload and no scripts', () => {
    createPrintWindow();
    const options = constructed[0] as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ ...LOCKED_DOWN, javascript: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });
});

/** A stand-in for webContents: events plus the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits `name` with a preventable event; true when the app prevented it. */
  attempt(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

describe('every web contents is locked down', () => {
  function locked() {
    const contents = new FakeContents();
    const opened: string[] = [];
    lockDownContents(contents as never, (url) => opened.push(url));
    return { contents, opened };
  }

  it('stays on the app: navigating or redirecting elsewhere is prevented, in-app pages are not', () => {
    const { contents } = locked();
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://stratum/index.html#/workshops')).toBe(false);
  });

  it('never attaches a <webview>', () => {
    expect(locked().contents.attempt('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every new window; only an allow-listed https page goes to the OS browser', () => {
    const { contents, opened } = locked();
    expect(contents.openHandler?.({ url: 'https://adr.github.io/madr/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://stratum/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://adr.github.io/madr/']);
  });
});
