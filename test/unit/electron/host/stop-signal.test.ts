// The browser-mode host as `npm start` runs it: the terminal's Ctrl-C reaches both the launcher (which passes
// it on) and the host, so the host sees the signal twice. It must still close its database cleanly once:
// the write-ahead log is folded back and removed only by a clean close.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStopSignal } from '../../../../electron/host/stop-signal';
import { bundleForNode, bundleNodePath, repositoryRoot } from '../../support/bundle';

let dir = '';
let host = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-host-signal-'));
  host = path.join(dir, 'host.cjs');
  await bundleForNode(path.join(repositoryRoot, 'electron/host/index.ts'), host);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the host on a fresh data folder and resolves once it says where it is running. */
function startHost(dataDir: string) {
  const child = spawn(process.execPath, [host, '--data-dir', dataDir, '--port', '0', '--no-open'], {
    env: { ...process.env, NODE_PATH: bundleNodePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const running = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stratum is running at')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the host stopped before it was running:\n${output}`)));
  });
  return { child, running, exited, output: () => output };
}

describe('the host’s stop signal', () => {
  it('keeps listening after the first signal, so a repeat cannot kill the process mid-shutdown, until the host is done', async () => {
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    const stop = firstStopSignal(proc);
    proc.emit('SIGINT', 'SIGINT');
    expect(await stop.signalled).toBe('SIGINT');
    // Node kills a process on a signal nobody listens for: the repeat must still find a listener.
    proc.emit('SIGINT', 'SIGINT');
    expect(proc.listenerCount('SIGINT')).toBe(1);
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    stop.done();
    expect(proc.listenerCount('SIGINT')).toBe(0);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });
});

describe('the browser-mode host and Ctrl-C', { timeout: 60_000 }, () => {
  it('closes the database once and exits 0 when the same Ctrl-C arrives twice', async () => {
    const dataDir = path.join(dir, 'twice');
    const started = startHost(dataDir);
    await started.running;
    expect(fs.existsSync(path.join(dataDir, 'stratum.db-wal'))).toBe(true);
    started.child.kill('SIGINT');
    // The second arrives once the host is stopping (sent back to back, the two could merge into one).
    await expect.poll(() => started.output().includes('Stopping Stratum: closing the database…'), { interval: 5 }).toBe(true);
    started.child.kill('SIGINT');
    const exit = await started.exited;
    expect(exit, started.output()).toEqual({ code: 0, signal: null });
    // A clean close checkpoints the log into the database and removes it.
    expect(fs.existsSync(path.join(dataDir, 'stratum.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'stratum.db'))).toBe(true);
  });

  it('closes the database on SIGTERM too', async () => {
    const dataDir = path.join(dir, 'term');
    const started = startHost(dataDir);
    await started.running;
    started.child.kill('SIGTERM');
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dataDir, 'stratum.db-wal'))).toBe(false);
  });
});
