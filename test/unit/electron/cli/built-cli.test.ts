// Spawns the real CLI bundle (built here with esbuild, as scripts/build.mjs does) to check the process
// wiring: exit codes, stdout/stderr, stdin, and no stack trace for a user's mistake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from './built-cli';

let cli: BuiltCli;

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

afterAll(() => cli.remove());

function run(args: string[], input?: string) {
  return cli.run(args, { input });
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
