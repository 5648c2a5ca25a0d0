import fs from 'node:fs';
import path from 'node:path';
import { Menu, app, dialog, ipcMain, protocol, screen, session, shell, type BrowserWindow } from 'electron';
import { MENU_EVENT_CHANNEL, type ApiResult, type MenuCommand, type Workshop } from '../../shared/contract';
import { createHandlerDeps, invokeChannel, seedExampleOnFirstRun, type HandlerDeps } from '../handlers';
import type { PdfResult } from '../export';
import { DATABASE_FILE_NAME, dataDirFlag, openDatabase } from '../storage';
import { APP_NAME, APP_VERSION } from './app-facts';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { serveAppRequest } from './protocol';
import { openWorkshopFile, workshopFilesInArgv, type OpenFileIo } from './open-files';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
} from './security';
import { WINDOW_STATE_KEY, restoreWindowBounds, serializeWindowState } from './window-state';
import { createMainWindow, createPrintWindow, lockDownContents } from './windows';

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

/** Opens the window, showing `workshopId` when a workshop file was opened with the app. */
function createWindow(deps: HandlerDeps, workshopId?: string): BrowserWindow {
  const restored = restoreWindowBounds(
    deps.settings.get(WINDOW_STATE_KEY),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = createMainWindow(restored.bounds, path.join(__dirname, '..', 'preload', 'index.cjs'));
  if (restored.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    deps.settings.set(WINDOW_STATE_KEY, serializeWindowState(win.getNormalBounds(), win.isMaximized()));
  });
  void win.loadURL(workshopId ? `${APP_START_URL}#/workshops/${encodeURIComponent(workshopId)}/setup` : APP_START_URL);
  return win;
}

function sendMenuCommand(command: MenuCommand, workshopId?: string): void {
  mainWindow?.webContents.send(MENU_EVENT_CHANNEL, command, workshopId);
}

function fileIo(deps: HandlerDeps): OpenFileIo {
  return {
    fileSize: (file) => fs.statSync(file).size,
    readText: (file) => fs.readFileSync(file, 'utf8'),
    // The wrapper has checked the handler's answer against the channel's output schema (Workshop).
    importWorkshop: (input) => invokeChannel(deps, 'workshops.import', input) as ApiResult<Workshop>,
  };
}

function reportOpenFailure(outcome: { title: string; message: string }): void {
  if (mainWindow) void dialog.showMessageBox(mainWindow, { type: 'error', title: outcome.title, message: outcome.title, detail: outcome.message });
  else dialog.showErrorBox(outcome.title, outcome.message);
}

/** Imports workshop files the OS handed over (or File > Open chose); returns the last one opened. */
function importWorkshopFiles(deps: HandlerDeps, files: readonly string[]): string | undefined {
  let last: string | undefined;
  for (const file of files) {
    const outcome = openWorkshopFile(file, fileIo(deps));
    if (outcome.ok) last = outcome.workshop.id;
    else reportOpenFailure(outcome);
  }
  return last;
}

/** A workshop file opened while the app runs (double-click, Dock, a second launch): import it and show it. */
function openFilesInRunningApp(deps: HandlerDeps, files: readonly string[]): void {
  const id = importWorkshopFiles(deps, files);
  if (!mainWindow) {
    mainWindow = createWindow(deps, id);
    watchMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  if (id) sendMenuCommand('open-workshop', id);
}

/** File > Open: the OS dialog, then the same import as a double-clicked file. */
async function chooseWorkshopFile(deps: HandlerDeps): Promise<void> {
  if (!mainWindow) return;
  const choice = await dialog.showOpenDialog(mainWindow, {
    title: 'Open workshop file',
    filters: [{ name: 'Stratum workshop', extensions: ['json'] }],
    properties: ['openFile'],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  openFilesInRunningApp(deps, [file]);
}

/** The report printed by Electron itself: a hidden, sandboxed window with scripts off, closed afterwards. */
async function printPdfInElectron(html: string): Promise<PdfResult> {
  const win = createPrintWindow();
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

function watchMainWindow(): void {
  mainWindow?.on('closed', () => {
    mainWindow = null;
  });
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
        openFile: () => void chooseWorkshopFile(deps),
        quit: () => app.quit(),
        openExternal,
      }),
    ),
  );

  // Files named at launch (Windows, Linux) or handed over by macOS before the app was ready.
  const launchFiles = pendingFiles.splice(0);
  mainWindow = createWindow(deps, importWorkshopFiles(deps, launchFiles));
  watchMainWindow();
  openFiles = (files) => openFilesInRunningApp(deps, files);

  app.on('activate', () => {
    if (!mainWindow) {
      mainWindow = createWindow(deps);
      watchMainWindow();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => opened.value.db.close());
}

// Workshop files opened with Stratum before it is ready wait here; afterwards they go to openFiles.
const pendingFiles: string[] = workshopFilesInArgv(process.argv, process.cwd());
let openFiles: ((files: string[]) => void) | null = null;

// Any webContents created (the main window, the PDF printer) gets the same navigation and window policy.
app.on('web-contents-created', (_event, contents) => lockDownContents(contents, openExternal));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (e.g. a double-clicked workshop file on Windows or Linux) hands its files to this copy.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = workshopFilesInArgv(argv, workingDirectory);
    if (openFiles) openFiles(files);
    else pendingFiles.push(...files);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS: a workshop file opened from Finder or dropped on the Dock icon, before or after start.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (openFiles) openFiles([file]);
    else pendingFiles.push(file);
  });
  app.setName(APP_NAME);
  void start();
}
