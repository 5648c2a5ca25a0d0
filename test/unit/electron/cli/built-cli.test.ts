// Spawns the real CLI bundle (built here with esbuild, as scripts/build.mjs does) to check the process
// wiring: exit codes, stdout/stderr, stdin, and no stack trace for a user's mistake.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../..');
let dir = '';
let cli = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-cli-'));
  cli = path.join(dir, 'stratum.cjs');
  await build({ entryPoints: [path.join(root, 'electron/cli/index.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'warning' });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', cwd: root });
}

describe('the built stratum command', () => {
  it('evaluates a file and exits 0', () => {
    const r = run(['evaluate', 'test/fixtures/workshops/media-analytics.json', '--format', 'text', '--samples', '200']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Inference mode: batch');
    expect(r.stderr).toBe('');
  });

  it('exits 2 with a one-line message and no stack trace for a user mistake', () => {
    const r = run(['evaluate', '-'], '{"format":"stratum.answers","version":1,"answers":{"latency":5}}');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^stratum: \(stdin\): \$\.answers\.latency: unknown answer id; found: "latency"; .*did you mean "latencyP95Ms"\?\n$/);
    const missing = run(['evaluate', 'no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toMatch(/\bat .*\(/);
  });
});
