// Durability: a process saving revisions is killed with SIGKILL at random (seeded) moments, again and
// again; every reopen finds an intact database holding every save that was acknowledged. And a data folder
// that refuses writes, or a full disk, gives a clear 'storage' error through the wrapper and loses nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlerDeps, invokeChannel, type HandlerDeps } from '../../../electron/handlers';
import { LATEST_SCHEMA_VERSION, openDatabase } from '../../../electron/storage';
import type { ApiResult } from '../../../shared/contract';
import { createRandom } from '../../../shared/util';
import type { Workshop, WorkshopState } from '../../../shared/domain';
import { tempDeps, tempDir } from '../support/temp-db';
import { dumpDatabase, quiet, sampleState, seedWorkshops } from './hardening-support';
import { bundleForNode, bundleNodePath } from '../support/bundle';

const WORKSHOP_ID = '7e57da7a-0000-4000-8000-000000000001';
const KILLS = 20;

interface Run {
  acks: number[];
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/**
 * When to kill: `startup` kills `afterMs` after spawning, wherever the child is (opening, migrating a new
 * file, or already saving); `saving` waits for the child's `afterAcks`-th acknowledgement and kills
 * `jitterMs` later, so the kill lands inside the save loop however fast or loaded the machine is.
 */
type KillPlan = { kind: 'startup'; afterMs: number } | { kind: 'saving'; afterAcks: number; jitterMs: number };

/** Whole lines only: a line cut by the kill was never fully acknowledged. */
function readAcks(logFile: string): number[] {
  const lines = fs.readFileSync(logFile, 'utf8').split('\n').slice(0, -1);
  return lines
    .map((l) => /^ack (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}

/** Starts the save loop with its acknowledgements going to a fresh log file and SIGKILLs it as `plan` says. */
function runAndKill(bundle: string, file: string, logFile: string, plan: KillPlan): Promise<Run> {
  return new Promise((resolve, reject) => {
    const logFd = fs.openSync(logFile, 'w');
    const child = spawn(process.execPath, [bundle, file, WORKSHOP_ID], {
      env: { ...process.env, NODE_PATH: bundleNodePath },
      stdio: ['ignore', logFd, 'pipe'],
    });
    fs.closeSync(logFd);
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
    const timers: NodeJS.Timeout[] = [];
    const kill = () => child.kill('SIGKILL');
    if (plan.kind === 'startup') {
      timers.push(setTimeout(kill, plan.afterMs));
    } else {
      // Poll the log; a generous watchdog turns a child that stopped saving into a failure, not a hang.
      const poll = setInterval(() => {
        if (readAcks(logFile).length < plan.afterAcks) return;
        clearInterval(poll);
        timers.push(setTimeout(kill, plan.jitterMs));
      }, 1);
      timers.push(poll, setTimeout(kill, 60_000));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ acks: readAcks(logFile), stderr: err, signal, code });
    });
  });
}

describe('durability under SIGKILL', () => {
  let buildDir: string;
  let bundle: string;

  beforeAll(async () => {
    buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-durability-'));
    bundle = path.join(buildDir, 'save-loop.cjs');
    await bundleForNode(path.join(__dirname, 'save-loop-child.ts'), bundle);
  }, 60_000);

  afterAll(() => {
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged revision and an intact file through ${KILLS} kills at random moments`, async () => {
    const file = path.join(tempDir(), 'stratum.db');
    // The same kill moments on every run: the app's own seeded generator.
    const random = createRandom(20261128);
    const logFile = path.join(path.dirname(file), 'acks.log');
    let acknowledged = 0;
    for (let k = 0; k < KILLS; k++) {
      // One kill in four at a random moment after spawning (often still opening or migrating the new
      // file); the rest after a random number of acknowledged saves, a few milliseconds into the next.
      const plan: KillPlan =
        k % 4 === 0
          ? { kind: 'startup', afterMs: Math.floor(random() * 400) }
          : { kind: 'saving', afterAcks: 1 + Math.floor(random() * 40), jitterMs: Math.floor(random() * 8) };
      const run = await runAndKill(bundle, file, logFile, plan);
      expect(run.stderr, `run ${k} failed by itself`).toBe('');
      expect(run.signal, `run ${k} was not killed`).toBe('SIGKILL');
      if (plan.kind === 'saving') {
        expect(run.acks.length, `run ${k} was killed before it saved ${plan.afterAcks} times`).toBeGreaterThanOrEqual(plan.afterAcks);
      }
      // Each run continues from the last saved revision: acknowledged revisions are consecutive.
      run.acks.forEach((rev, i) => expect(rev).toBe((run.acks[0] ?? 0) + i));
      if (run.acks.length > 0) expect(run.acks[0]).toBeGreaterThan(acknowledged);
      acknowledged = Math.max(acknowledged, ...run.acks);

      // Reopen the way the app does, then check the whole file.
      if (!fs.existsSync(file)) continue;
      const opened = openDatabase(file);
      if (!opened.ok) throw new Error(`after kill ${k}: ${opened.message}`);
      const db = opened.value.db;
      try {
        expect(db.pragma('integrity_check', { simple: true }), `after kill ${k}`).toBe('ok');
        expect(opened.value.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
        const row = db.prepare('SELECT revision, state FROM workshop_state WHERE workshop_id = ?').get(WORKSHOP_ID) as { revision: number; state: string } | undefined;
        if (acknowledged > 0) {
          expect(row, `after kill ${k}: the saved state is gone`).toBeDefined();
          // Revisions only grow by one per save, so holding revision ≥ n means save n and all before it landed.
          expect(row!.revision, `after kill ${k}: acknowledged ${acknowledged}`).toBeGreaterThanOrEqual(acknowledged);
          // At most the one save in flight when the process died may have landed without its acknowledgement.
          expect(row!.revision).toBeLessThanOrEqual(acknowledged + 1);
          const state = JSON.parse(row!.state) as WorkshopState;
          expect(state.participants[0]?.name, 'the row is whole: its state matches its revision').toBe(`revision ${row!.revision}`);
          acknowledged = row!.revision;
        }
      } finally {
        db.close();
      }
    }
  }, 90_000);
});

function expectStorageFailure(result: ApiResult<unknown>, problem: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('storage');
  expect(result.error.message).toMatch(problem);
  expect(result.error.message).toMatch(/^Stratum could not save or read your data: .+\. Nothing already saved was lost\.$/);
}

describe('a data folder that refuses writes, and a full disk', () => {
  it('gives a storage error naming a read-only database for every write, keeps reads working, and loses nothing', () => {
    // Tests run as root in CI, where chmod 0500 on the folder is ignored (root may write anyway). A
    // connection SQLite itself opened read-only is the portable equivalent: every write fails the way it
    // does on a read-only folder or file (SQLITE_READONLY), whoever runs the test.
    const writable = tempDeps();
    const seededData = seedWorkshops(writable);
    const before = dumpDatabase(writable.db);
    const file = writable.dataFile;
    writable.db.close();

    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const deps: HandlerDeps = createHandlerDeps(
        { db, file, schemaVersion: LATEST_SCHEMA_VERSION, backupFile: null, created: false },
        { name: 'Stratum', version: '0.0.0-test', transport: 'browser', platform: 'linux' },
      );
      const [a] = seededData.workshops as [Workshop];
      const log: string[] = [];
      const logger = (m: string) => void log.push(m);
      expectStorageFailure(invokeChannel(deps, 'workshops.create', { title: 'New' }, logger), /readonly database/);
      expectStorageFailure(invokeChannel(deps, 'workshops.update', { id: a.id, patch: { title: 'Renamed' } }, logger), /readonly database/);
      expectStorageFailure(invokeChannel(deps, 'workshopState.save', { id: a.id, state: sampleState('Changed'), baseRevision: 1 }, logger), /readonly database/);
      expectStorageFailure(invokeChannel(deps, 'milestones.create', { id: a.id, name: 'M', author: '' }, logger), /readonly database/);
      expectStorageFailure(invokeChannel(deps, 'records.update', { id: a.id, decision: 'deployment', status: 'accepted' }, logger), /readonly database/);
      expectStorageFailure(invokeChannel(deps, 'packs.moveWorkshop', { id: seededData.team.id, pack: { id: 'northwind-risk', version: '1.1.0' }, milestone: 'Before 1.1.0', author: '' }, logger), /readonly database/);
      // Reads still answer, so the person can see and export what is saved.
      expect(invokeChannel(deps, 'workshops.list', {}, logger)).toMatchObject({ ok: true, value: [{}, {}, {}] });
      expect(invokeChannel(deps, 'workshopState.get', { id: a.id }, logger)).toMatchObject({ ok: true, value: { revision: 1 } });
      expect(log.every((m) => /could not reach the database/.test(m))).toBe(true);
    } finally {
      db.close();
    }
    const reopened = openDatabase(file);
    if (!reopened.ok) throw new Error(reopened.message);
    try {
      expect(dumpDatabase(reopened.value.db)).toBe(before);
    } finally {
      reopened.value.db.close();
    }
  });

  it('gives a storage error naming a full disk, changes nothing while full, and saves again once there is room', () => {
    // No tmpfs without root mounts: PRAGMA max_page_count caps the file so writes fail with SQLITE_FULL.
    const deps = tempDeps();
    const seededData = seedWorkshops(deps);
    const [a] = seededData.workshops as [Workshop];
    const pages = deps.db.pragma('page_count', { simple: true }) as number;
    deps.db.pragma(`max_page_count = ${pages + 2}`);
    let created = 0;
    let full: ApiResult<unknown> | null = null;
    let beforeFull = '';
    for (let i = 0; i < 100 && full === null; i++) {
      beforeFull = dumpDatabase(deps.db);
      const result = invokeChannel(deps, 'workshops.create', { title: `Filler ${i}`, description: 'd'.repeat(5000) }, quiet);
      if (result.ok) created++;
      else full = result;
    }
    expect(full, 'the disk never filled up').not.toBeNull();
    expectStorageFailure(full!, /database or disk is full/);
    expect(dumpDatabase(deps.db)).toBe(beforeFull);
    // Other writes fail the same way and change nothing either.
    const bigState = { ...sampleState('Full'), participants: Array.from({ length: 40 }, (_, i) => ({ id: `5d0f3c9e-2b7a-4c1e-9f3d-${String(i).padStart(12, '0')}`, name: 'n'.repeat(120), role: 'r'.repeat(120), involvement: 'informed' as const })) };
    expectStorageFailure(invokeChannel(deps, 'workshopState.save', { id: a.id, state: bigState, baseRevision: 1 }, quiet), /database or disk is full/);
    expect(dumpDatabase(deps.db)).toBe(beforeFull);
    // Everything saved before is there, and once there is room again saving works.
    deps.db.pragma('max_page_count = 1073741823');
    expect(invokeChannel(deps, 'workshops.list', {}, quiet)).toMatchObject({ ok: true });
    expect((invokeChannel(deps, 'workshops.list', {}, quiet) as { value: unknown[] }).value).toHaveLength(seededData.workshops.length + 1 + created);
    expect(invokeChannel(deps, 'workshopState.save', { id: a.id, state: bigState, baseRevision: 1 }, quiet)).toMatchObject({ ok: true, value: { revision: 2 } });
    expect(deps.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
