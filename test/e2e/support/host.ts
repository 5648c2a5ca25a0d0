import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const HOST = path.join(ROOT, 'out', 'host', 'index.cjs');

export interface StartedHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A temp data folder for one test, removed by the caller. */
export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-e2e-'));
}

/** Starts the built browser-mode host as a separate process and waits for its address line. */
export function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<StartedHost> {
  const child: ChildProcess = spawn(NODE, [HOST, '--data-dir', dataDir, '--no-open', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STRATUM_NO_OPEN: '1' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const [, origin = '', port = '0', token = ''] = match;
      resolve({
        url: `${origin}#token=${token}`,
        origin,
        token,
        port: Number(port),
        dataDir,
        output: () => output,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}
