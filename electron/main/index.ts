import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { MENU_EVENT_CHANNEL, type MenuCommand } from '../../shared/contract';
import { createHandlerDeps, invokeChannel, seedExampleOnFirstRun, type HandlerDeps } from '../handlers';
import type { PdfResult } from '../export';
import { DATABASE_FILE_NAME, dataDirFlag, openDatabase } from '../storage';
import { APP_NAME, APP_VERSION } from './app-facts';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { serveAppRequest } from './protocol';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
  mainWindowWebPreferences,
  shouldPreventNavigation,
  windowOpenPolicy,
} from './security';
import { MIN_WINDOW_SIZE, WINDOW_STATE_KEY, restoreWindowBounds, serializeWindowState } from './window-state';

// Must run before `ready`: app:// is a standard, secure scheme.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function dataDir(): string {
  const flag = dataDirFlag(process.argv);
  if (flag) return path.resolve(flag);
  if (process.env['STRATUM_DATA_DIR']) return path.resolve(process.env['STRATUM_DATA_DIR']);
  return app.getPath('userData');
}

function createWindow(deps: HandlerDeps): BrowserWindow {
  const restored = restoreWindowBounds(
    deps.settings.get(WINDOW_STATE_KEY),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: mainWindowWebPreferences(path.join(__dirname, '..', 'preload', 'index.cjs')),
  });
  if (restored.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(windowOpenPolicy(openExternal));
  win.webContents.on('will-navigate', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  win.on('close', () => {
    deps.settings.set(WINDOW_STATE_KEY, serializeWindowState(win.getNormalBounds(), win.isMaximized()));
  });
  void win.loadURL(APP_START_URL);
  return win;
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_EVENT_CHANNEL, command);
}

/** File > Open: the OS dialog, then the same import the browser-mode button uses; the list shows the result. */
async function openWorkshopFile(deps: HandlerDeps): Promise<void> {
  if (!mainWindow) return;
  const choice = await dialog.showOpenDialog(mainWindow, {
    title: 'Open workshop file',
    filters: [{ name: 'Stratum workshop', extensions: ['json'] }],
    properties: ['openFile'],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (err) {
    dialog.showErrorBox('Stratum could not read the file', `${file}: ${(err as Error).message}`);
    return;
  }
  const result = invokeChannel(deps, 'workshops.import', { fileName: path.basename(file), content });
  if (!result.ok) {
    dialog.showErrorBox('Stratum could not open this workshop', result.error.message);
    return;
  }
  sendMenuCommand('open-workshop');
}

/** The report printed by Electron itself: a hidden, sandboxed window with scripts off, closed afterwards. */
async function printPdfInElectron(html: string): Promise<PdfResult> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return { ok: true, pdf: new Uint8Array(pdf) };
  } catch (err) {
    return { ok: false, message: `The report could not be printed to PDF: ${(err as Error).message}` };
  } finally {
    win.destroy();
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const file = path.join(dataDir(), DATABASE_FILE_NAME);
  const opened = openDatabase(file);
  if (!opened.ok) {
    dialog.showErrorBox('Stratum cannot open its data', opened.message);
    app.exit(2);
    return;
  }
  const deps = createHandlerDeps(
    opened.value,
    { name: APP_NAME, version: APP_VERSION, transport: 'electron', platform: process.platform },
    { printPdf: printPdfInElectron },
  );
  seedExampleOnFirstRun(deps);

  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  registerIpcHandlers(ipcMain, deps);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, {
        send: sendMenuCommand,
        openFile: () => void openWorkshopFile(deps),
        quit: () => app.quit(),
        openExternal,
      }),
    ),
  );

  mainWindow = createWindow(deps);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(deps);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => opened.value.db.close());
}

// Any webContents created later (none are expected) gets the same navigation and window policy.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(windowOpenPolicy(openExternal));
  contents.on('will-navigate', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.setName(APP_NAME);
  void start();
}
