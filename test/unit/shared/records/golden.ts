import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Where the records' golden files live. */
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/records');

/** True when golden files are being rewritten: `UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/shared/records`. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/** Compares text with a golden file byte for byte; in update mode writes it instead. */
export function expectGolden(file: string, actual: string): void {
  const path = join(GOLDEN_DIR, file);
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`Golden file ${file} is missing: run UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/shared/records, then review it.`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
