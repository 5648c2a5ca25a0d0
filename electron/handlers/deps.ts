import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  createSettingsRepository,
  createWorkshopRepository,
  type OpenedDatabase,
  type SettingsRepository,
  type WorkshopRepository,
} from '../storage';

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
  clock: () => Date;
  newId: () => string;
  app: AppFacts;
}

/** Builds the handler dependencies over an opened database. */
export function createHandlerDeps(
  opened: OpenedDatabase,
  app: AppFacts,
  overrides: Partial<Pick<HandlerDeps, 'clock' | 'newId'>> = {},
): HandlerDeps {
  return {
    db: opened.db,
    dataFile: opened.file,
    schemaVersion: opened.schemaVersion,
    workshops: createWorkshopRepository(opened.db),
    settings: createSettingsRepository(opened.db),
    clock: overrides.clock ?? (() => new Date()),
    newId: overrides.newId ?? randomUUID,
    app,
  };
}
