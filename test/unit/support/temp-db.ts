import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createHandlerDeps, type HandlerDeps } from '../../../electron/handlers';
import { openDatabase, type OpenedDatabase } from '../../../electron/storage';

const dirs: string[] = [];
const open: OpenedDatabase[] = [];

afterEach(() => {
  for (const o of open.splice(0)) if (o.db.open) o.db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-unit-'));
  dirs.push(dir);
  return dir;
}

/** Opens a real database file in a temp folder; fails the test if it cannot. */
export function openTempDatabase(file = path.join(tempDir(), 'stratum.db')): OpenedDatabase {
  const result = openDatabase(file);
  if (!result.ok) throw new Error(result.message);
  open.push(result.value);
  return result.value;
}

/** Handler deps over a temp database with a fixed, advancing clock and predictable ids. */
export function tempDeps(): HandlerDeps {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  let n = 0;
  return createHandlerDeps(
    openTempDatabase(),
    { name: 'Stratum', version: '0.0.0-test', transport: 'browser', platform: 'linux' },
    {
      clock: () => new Date((t += 1000)),
      newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    },
  );
}
