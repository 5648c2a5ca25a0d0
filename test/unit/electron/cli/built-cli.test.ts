// Spawns the real CLI bundle (built here with esbuild, as scripts/build.mjs does) to check the process
// wiring: exit codes, stdout/stderr, stdin, and no stack trace for a user's mistake.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root, type BuiltCli } from './built-cli';

let cli: BuiltCli;

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

afterAll(() => cli.remove());

function run(args: string[], input?: string) {
  return cli.run(args, { input });
}

describe('the built stratum command', { timeout: 60_000 }, () => {
  it('evaluates a file and exits 0, listing its use cases', () => {
    const r = run(['evaluate', 'test/fixtures/workshops/media-analytics.json', '--format', 'text', '--samples', '200']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Inference mode: batch');
    expect(r.stdout).toMatch(/\nUse cases, where each one lands:\n {2}Use case +sourcing +serving-placement +training-placement +serving-mode\n/);
    expect(r.stderr).toBe('');
  });

  it('evaluates a version 1 answers file, from a path and from standard input', () => {
    const file = 'test/fixtures/workshops/v1/media-analytics.json';
    const r = run(['evaluate', file, '--samples', '200']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.useCases).toHaveLength(1);
    expect(report.useCases[0].name).toMatch(/: all AI use cases$/);
    const piped = run(['evaluate', '-', '--samples', '200'], fs.readFileSync(path.join(root, file), 'utf8'));
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).decisions).toEqual(report.decisions);
  });

  it('exits 2 with a one-line message and no stack trace for a user mistake', () => {
    const r = run(['evaluate', '-'], '{"format":"stratum.answers","version":2,"answers":{},"useCases":[{"name":"A","answers":{"latency":5}}]}');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^stratum: \(stdin\): \$\.useCases\[0\]\.answers\.latency: unknown answer id; found: "latency"; .*did you mean "latencyP95Ms"\?\n$/);
    const level = run(['evaluate', '-'], '{"format":"stratum.answers","version":2,"answers":{"usage":"batch"},"useCases":[]}');
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/^stratum: \(stdin\): \$\.answers\.usage: asked of each use case: put it in a use case's answers \(useCases\[\]\.answers\); found: "usage"; allowed: one of airGapped, [^\n]+\n$/);
    const missing = run(['evaluate', 'no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toMatch(/\bat .*\(/);
  });
});
