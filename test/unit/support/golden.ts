import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** True when golden files are being rewritten: `UPDATE_GOLDEN=1 npx vitest run …`. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/**
 * Golden files in `dir`: `expectGolden` compares text with one byte for byte, or in update mode writes it; a missing
 * one says to run `rerun` with UPDATE_GOLDEN=1 and review what it writes.
 */
export function goldenFiles(dir: string, rerun: string): { dir: string; expectGolden: (file: string, actual: string) => void } {
  return {
    dir,
    expectGolden: (file, actual) => {
      const path = join(dir, file);
      if (UPDATING) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, actual);
        return;
      }
      if (!existsSync(path)) throw new Error(`Golden file ${file} is missing: run UPDATE_GOLDEN=1 npx vitest run --project unit ${rerun}, then review it.`);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    },
  };
}
