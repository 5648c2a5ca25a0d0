import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ApiResult } from '../../shared/contract';
import type { WorkshopState } from '../../shared/domain';
import type { CompiledPack } from '../../shared/engine';
import {
  createSettingsRepository,
  createWorkshopRepository,
  createWorkshopStateRepository,
  createMilestoneRepository,
  createRecordRepository,
  createPackRepository,
  type MilestoneRepository,
  type PackRepository,
  type RecordRepository,
  type OpenedDatabase,
  type SettingsRepository,
  type WorkshopRepository,
  type WorkshopStateRepository,
} from '../storage';
import { htmlToPdfWithChromium, type PdfResult } from '../export';
import type { RoomController } from '../room/controller';
import { checkWorkshopState } from './check-state';

export interface AppFacts {
  name: string;
  version: string;
  transport: 'electron' | 'browser';
  platform: string;
}

/** What every handler may use: repositories over one database, a clock and an id source. */
export interface HandlerDeps {
  db: Database;
  dataFile: string;
  schemaVersion: number;
  workshops: WorkshopRepository;
  settings: SettingsRepository;
  workshopStates: WorkshopStateRepository;
  milestones: MilestoneRepository;
  records: RecordRepository;
  packs: PackRepository;
  /** Checks a workshop state against the rule pack (known factors, values in range, known options). */
  checkState: (state: WorkshopState, pack: CompiledPack) => ApiResult<never> | null;
  clock: () => Date;
  newId: () => string;
  /** Prints a self-contained HTML page to PDF: Electron's printToPDF in the desktop window, headless Chromium elsewhere. */
  printPdf: (html: string) => Promise<PdfResult>;
  app: AppFacts;
  /** The workshop room (participants on their own devices); null where this process cannot serve one (the CLI, tests). */
  room: RoomController | null;
}

/** Builds the handler dependencies over an opened database. */
export function createHandlerDeps(
  opened: OpenedDatabase,
  app: AppFacts,
  overrides: Partial<Pick<HandlerDeps, 'clock' | 'newId' | 'printPdf' | 'room'>> = {},
): HandlerDeps {
  return {
    db: opened.db,
    dataFile: opened.file,
    schemaVersion: opened.schemaVersion,
    workshops: createWorkshopRepository(opened.db),
    settings: createSettingsRepository(opened.db),
    workshopStates: createWorkshopStateRepository(opened.db),
    milestones: createMilestoneRepository(opened.db),
    records: createRecordRepository(opened.db),
    packs: createPackRepository(opened.db),
    checkState: checkWorkshopState,
    clock: overrides.clock ?? (() => new Date()),
    newId: overrides.newId ?? randomUUID,
    printPdf: overrides.printPdf ?? ((html) => htmlToPdfWithChromium(html)),
    app,
    room: overrides.room ?? null,
  };
}
