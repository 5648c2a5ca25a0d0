import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, restoreWindowBounds, serializeWindowState } from '../../../../electron/main/window-state';
import { buildMenuTemplate } from '../../../../electron/main/menu';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('reopens where it was closed', () => {
    const saved = serializeWindowState({ x: 100, y: 80, width: 1280, height: 800 }, false);
    expect(restoreWindowBounds(saved, screen)).toEqual({ bounds: { x: 100, y: 80, width: 1280, height: 800 }, maximized: false });
  });

  it('keeps the size but lets the OS place it when its monitor is gone', () => {
    const saved = serializeWindowState({ x: 2500, y: 100, width: 1200, height: 800 }, true);
    expect(restoreWindowBounds(saved, screen)).toEqual({ bounds: { width: 1200, height: 800 }, maximized: true });
  });

  it('falls back to the default size for missing or damaged state', () => {
    for (const saved of [null, '', '{', '{"x":1}', JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false })]) {
      expect(restoreWindowBounds(saved, screen)).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
    }
  });
});

describe('native menu', () => {
  it('has File (New workshop, Open workshop file, Quit), View and Help (About), sending commands to the page', () => {
    const sent: string[] = [];
    let quit = 0;
    let opened = 0;
    const template = buildMenuTemplate('linux', { send: (c) => sent.push(c), openFile: () => opened++, quit: () => quit++, openExternal: () => undefined });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = template[0]?.submenu as { label?: string; click?: () => void }[];
    const item = (label: string) => file.find((i) => i.label === label);
    item('&New workshop…')?.click?.();
    item('&Open workshop file…')?.click?.();
    item('&Quit')?.click?.();
    const help = template[3]?.submenu as { label?: string; click?: () => void }[];
    help.find((i) => i.label === '&About Stratum')?.click?.();
    expect(sent).toEqual(['new-workshop', 'about']);
    expect(opened).toBe(1);
    expect(quit).toBe(1);
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate('darwin', { send: () => undefined, openFile: () => undefined, quit: () => undefined, openExternal: () => undefined });
    expect(template[0]?.label).toBe('Stratum');
  });
});
