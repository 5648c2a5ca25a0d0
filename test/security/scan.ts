import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import run from '@doyensec/electronegativity';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** One finding, with the path of the real file (out/main/index.cjs, electron/main/windows.ts). */
export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
  sample: string;
  url: string;
}

/** A finding we accept, and why. `sample` is part of the flagged line, so moving code keeps it. */
export interface Suppression {
  check: string;
  file: string;
  sample: string;
  justification: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Files Electronegativity could not parse (and so did not check). */
  unparsed: string[];
  scanned: string[];
  checks: number;
}

// Electronegativity reads only .js/.jsx/.ts/.tsx/.html/.htm files and skips .cjs entirely, which
// would leave out the whole main-process and preload bundles. The scan therefore runs on a copy in
// which .cjs files are named .js (contents unchanged), and findings are mapped back to the real name.
const SCANNED_EXTENSION: Readonly<Record<string, string>> = { '.cjs': '.js', '.js': '.js', '.mjs': '.js', '.ts': '.ts', '.tsx': '.tsx', '.html': '.html' };

function copyForScan(from: string, to: string, prefix: string, names: Map<string, string>): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      copyForScan(source, path.join(to, entry.name), `${prefix}${entry.name}/`, names);
      continue;
    }
    const ext = path.extname(entry.name);
    const scannedExt = SCANNED_EXTENSION[ext];
    if (!scannedExt) continue;
    const scannedName = entry.name.slice(0, entry.name.length - ext.length) + scannedExt;
    fs.mkdirSync(to, { recursive: true });
    fs.copyFileSync(source, path.join(to, scannedName));
    names.set(`${prefix}${scannedName}`, `${prefix}${entry.name}`);
  }
}

/** The Electron version the app is built against, read from the installed electron package. */
export function installedElectronVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Runs every Electronegativity check except the online one (AvailableSecurityFixesGlobalCheck asks
 * the network for Electron's security releases) on `folders`, each relative to `base`.
 */
export async function scan(folders: readonly string[], base = ROOT): Promise<ScanResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-electronegativity-'));
  try {
    const names = new Map<string, string>();
    for (const folder of folders) copyForScan(path.join(base, folder), path.join(work, folder), `${folder}/`, names);
    const result = await run({
      input: work,
      output: null,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      isRelative: true,
      electronVersionOverride: installedElectronVersion(),
    });
    const realName = (file: string) => names.get(file.split(path.sep).join('/')) ?? file;
    return {
      checks: result.globalChecks + result.atomicChecks,
      scanned: [...names.values()],
      unparsed: result.errors.filter((e) => !e.tolerable).map((e) => `${realName(path.relative(work, e.file))}: ${e.message}`),
      findings: result.issues.map((i) => ({
        check: i.id,
        file: realName(i.file),
        line: i.location.line,
        severity: i.severity.name,
        confidence: i.confidence.name,
        description: i.description,
        sample: (i.sample ?? '').trim(),
        url: i.shortenedURL,
      })),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function matches(s: Suppression, f: Finding): boolean {
  return s.check === f.check && s.file === f.file && f.sample.includes(s.sample);
}

/** Findings no suppression covers, and suppressions that no longer match anything (to be removed). */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): { unjustified: Finding[]; stale: Suppression[] } {
  return {
    unjustified: findings.filter((f) => !suppressions.some((s) => matches(s, f))),
    stale: suppressions.filter((s) => !findings.some((f) => matches(s, f))),
  };
}

/** A finding as a reader fixes it: where, what, and the check's documentation. */
export function describeFinding(f: Finding): string {
  return `${f.check} (${f.severity}, ${f.confidence}) at ${f.file}:${f.line}\n    ${f.sample.slice(0, 160)}\n    ${f.description} ${f.url}`;
}
