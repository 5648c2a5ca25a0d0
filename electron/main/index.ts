import path from 'node:path';
import { Menu, app, dialog, ipcMain, protocol, screen, session, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { MENU_EVENT_CHANNEL, workshopHash, type ApiResult, type ImportedWorkshop, type MenuCommand } from '../../shared/contract';
import { createHandlerDeps, invokeChannel, seedExampleOnFirstRun, type HandlerDeps } from '../handlers';
import type { PdfResult } from '../export';
import { DATABASE_FILE_NAME, dataDirFlag, openDatabase, readFileBounded } from '../storage';
import { APP_NAME, APP_VERSION } from '../serve/app-facts';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { serveAppRequest } from './protocol';
import { WorkshopFileQueue, openWorkshopFiles, workshopFilesInArgv, type OpenFileIo, type OpenedWorkshop } from './open-files';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
} from './security';
import { WINDOW_STATE_KEY, restoreWindowBounds, serializeWindowState } from './window-state';
import { createRoomController } from '../room/controller';
import { createMainWindow, createPrintWindow, lockDownContents } from './windows';

// Must run before `ready`: app:// is a standard, secure scheme.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
// Commands for the page wait here while it loads (a message sent before its preload runs would be lost).
let pageLoaded = false;
const waitingForPage: Array<Parameters<typeof sendMenuCommand>> = [];

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function dataDir(): string {
  const flag = dataDirFlag(process.argv);
  if (flag) return path.resolve(flag);
  if (process.env['STRATUM_DATA_DIR']) return path.resolve(process.env['STRATUM_DATA_DIR']);
  return app.getPath('userData');
}

/** Opens the window, on `workshopId`'s page when a workshop file was opened with the app. */
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
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  pageLoaded = false;
  waitingForPage.length = 0;
  win.webContents.on('did-start-loading', () => {
    pageLoaded = false;
  });
  win.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    for (const args of waitingForPage.splice(0)) sendMenuCommand(...args);
  });
  void win.loadURL(workshopId ? `${APP_START_URL}${workshopHash(workshopId)}` : APP_START_URL);
  return win;
}

/**
 * Brings the window to the front, making it when there is none (macOS keeps running without one), and
 * shows the workshop a file opened as, telling the person when it was already here or came in as a copy.
 */
function showMainWindow(deps: HandlerDeps, shown?: OpenedWorkshop): void {
  if (!mainWindow) {
    mainWindow = createWindow(deps, shown?.id);
    if (shown && (shown.opened !== 'new' || shown.packNote)) sendMenuCommand('open-workshop', shown.id, shown.opened, ...(shown.packNote ? [shown.packNote] : []));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  if (shown) sendMenuCommand('open-workshop', shown.id, shown.opened, ...(shown.packNote ? [shown.packNote] : []));
}

/** Sends a command to the page once it has loaded (the preload then keeps it until the page listens). */
function sendMenuCommand(command: MenuCommand, ...args: [workshopId?: string, opened?: string, note?: string]): void {
  if (!mainWindow) return;
  if (pageLoaded) mainWindow.webContents.send(MENU_EVENT_CHANNEL, command, ...args);
  else waitingForPage.push([command, ...args]);
}

function reportOpenFailure(failure: { title: string; message: string }): void {
  if (mainWindow) void dialog.showMessageBox(mainWindow, { type: 'error', title: failure.title, message: failure.title, detail: failure.message });
  else dialog.showErrorBox(failure.title, failure.message);
}

function fileIo(deps: HandlerDeps): OpenFileIo {
  return {
    read: readFileBounded,
    // The wrapper has checked the handler's answer against the channel's output schema (ImportedWorkshop).
    importWorkshop: (input) => invokeChannel(deps, 'workshops.import', input) as ApiResult<ImportedWorkshop>,
  };
}

/** Workshop files opened while the app runs (double-click, Dock, a second launch, File > Open): import and show. */
function openFilesInRunningApp(deps: HandlerDeps, files: readonly string[]): void {
  showMainWindow(deps, openWorkshopFiles(files, fileIo(deps), reportOpenFailure));
}

/** File > Open: the OS dialog (attached to the window when there is one), then the same import as a double-clicked file. */
async function chooseWorkshopFile(deps: HandlerDeps): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Open workshop file',
    filters: [{ name: 'Stratum workshop', extensions: ['json'] }],
    properties: ['openFile'],
  };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
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
    // The main process runs the workshop room's server when the facilitator opens it.
    { printPdf: printPdfInElectron, room: createRoomController({ rendererDir }) },
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

  // Files named at launch (Windows, Linux) or handed over by macOS before the app was ready open first;
  // later ones open as they come.
  const atLaunch = workshopFiles.ready((files) => openFilesInRunningApp(deps, files));
  showMainWindow(deps, openWorkshopFiles(atLaunch, fileIo(deps), reportOpenFailure));

  app.on('activate', () => showMainWindow(deps));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Closing twice is harmless; 'quit' as well in case a quit skips 'will-quit'.
  app.on('will-quit', () => opened.value.db.close());
  app.on('quit', () => opened.value.db.close());
  // Ctrl-C in the terminal that ran `npm start` (seen twice: the launcher passes it on) quits as closing the
  // window does, so pending saves are flushed and the database is closed; a repeat finds the app quitting.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

// Workshop files opened with Stratum: from this launch's command line, a second launch's, or macOS.
const workshopFiles = new WorkshopFileQueue(workshopFilesInArgv(process.argv, process.cwd()));

// Any webContents created (the main window, the PDF printer) gets the same navigation and window policy.
app.on('web-contents-created', (_event, contents) => lockDownContents(contents, openExternal));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (e.g. a double-clicked workshop file on Windows or Linux) hands its files to this copy.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = workshopFilesInArgv(argv, workingDirectory);
    if (files.length > 0) workshopFiles.handOver(files);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS: a workshop file opened from Finder or dropped on the Dock icon, before or after start.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    workshopFiles.handOver([file]);
  });
  app.setName(APP_NAME);
  void start();
}
