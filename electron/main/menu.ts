import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';

export interface MenuActions {
  send: (command: MenuCommand) => void;
  /** Shows the OS open dialog for a workshop file and opens it. */
  openFile: () => void;
  quit: () => void;
  openExternal: (url: string) => void;
}

/** The native menu: File (New workshop, Open, Quit), Edit, View, Help (About). */
export function buildMenuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Stratum',
      submenu: [
        { label: 'About Stratum', click: () => actions.send('about') },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: '&New workshop…', accelerator: 'CmdOrCtrl+N', click: () => actions.send('new-workshop') },
        { label: '&Open workshop file…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { label: '&Quit', accelerator: 'Ctrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Electron security checklist', click: () => actions.openExternal('https://www.electronjs.org/docs/latest/tutorial/security') },
        { label: 'MADR decision records', click: () => actions.openExternal('https://adr.github.io/madr/') },
        ...(isMac ? [] : [{ type: 'separator' as const }, { label: '&About Stratum', click: () => actions.send('about') }]),
      ],
    },
  );
  return template;
}
