// The built `stratum` command against files that are not what they claim: a named pipe, a device behind a
// symbolic link, a huge file or standard input, JSON nested 100,000 levels deep, a crowd of stakeholders, a
// planted link where an export writes, and escape sequences in a title. Each is refused with exit 2 and a
// message (never a hang, a runaway read or "a bug in Stratum"), or written safely.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANK_ANSWERS_FIXTURE, bankWorkshopText } from './bank-workshop';
import { nodeIo } from '../../../../electron/cli/node-io';
import { buildCli, type BuiltCli } from './built-cli';

let cli: BuiltCli;
let tmp = '';

beforeAll(async () => {
  cli = await buildCli('stratum-hostile-cli-');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-hostile-'));
}, 60_000);

afterAll(() => {
  cli.remove();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs the CLI with a short clock: a read that waits on a pipe or a device runs into it instead of the test's. */
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli.file, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: cli.nodePath },
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.signal, `stratum ${args.join(' ')} was still running after 30 s`).toBeNull();
  return r;
}

function fifo(name: string): string | null {
  const file = path.join(tmp, name);
  try {
    execFileSync('mkfifo', [file]);
    return file;
  } catch {
    return null; // no mkfifo here (Windows)
  }
}

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

function expectRefused(r: ReturnType<typeof run>, message: RegExp) {
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/bug in Stratum| {4}at /);
  expect(r.status).toBe(2);
}

describe('stratum reading files that are not what they claim', { timeout: 60_000 }, () => {
  it('refuses a named pipe at once instead of waiting for a writer, as input, as --pack and in a records folder', () => {
    const pipe = fifo('answers.json');
    if (!pipe) return;
    expectRefused(run(['evaluate', pipe]), /answers\.json: cannot read the file: is not a regular file \(a folder, a named pipe or a device\)/);
    expectRefused(run(['evaluate', BANK_ANSWERS_FIXTURE, '--pack', pipe]), /answers\.json: cannot read the file: is not a regular file/);
    const records = path.join(tmp, 'records-with-pipe');
    fs.mkdirSync(records);
    execFileSync('mkfifo', [path.join(records, '0003-waiting.md')]);
    const r = run(['export', BANK_ANSWERS_FIXTURE, '--format', 'madr', '--to', records]);
    expectRefused(r, /0003-waiting\.md: is not a regular file .*move it away and export again; nothing was written/);
    expect(fs.readdirSync(records)).toEqual(['0003-waiting.md']);
  });

  it('refuses a link to a device that never ends instead of reading it without limit', () => {
    if (!fs.existsSync('/dev/zero')) return;
    const link = path.join(tmp, 'zero.stratum.json');
    fs.symlinkSync('/dev/zero', link);
    expectRefused(run(['evaluate', link]), /zero\.stratum\.json: cannot read the file: is not a regular file/);
    expectRefused(run(['pack', 'validate', link]), /zero\.stratum\.json: cannot read the file: is not a regular file/);
  });

  it('refuses a file or standard input larger than any Stratum file, saying how large is allowed', () => {
    const big = path.join(tmp, 'big.json');
    fs.writeFileSync(big, `{"format":"stratum.answers","version":2,"answers":{},"notes":"${'x'.repeat(4_100_000)}"}`);
    expectRefused(run(['evaluate', big]), /big\.json: cannot read the file: is larger than 4 MB \(4\.1 MB or more\)/);
    expectRefused(run(['evaluate', '-'], fs.readFileSync(big, 'utf8')), /\(stdin\): cannot read the file: is larger than 4 MB/);
  });

  it('refuses JSON nested 100,000 levels deep, in an answers file, a workshop file and a pack, naming where', () => {
    const files = {
      answers: `{"format":"stratum.answers","version":2,"answers":{"x":${deep(100_000)}}}`,
      workshop: `{"format":"stratum.workshop","version":2,"workshop":${deep(100_000)}}`,
      pack: `{"format":"stratum.pack","rules":${deep(100_000)}}`,
      bare: deep(100_000),
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, `${name}-deep.json`), text);
    const nested = /nests arrays and objects more than 64 levels deep below this point; allowed: at most 64 levels/;
    expectRefused(run(['evaluate', path.join(tmp, 'answers-deep.json')]), /answers-deep\.json: \$\.answers\.x\[0\]\[0\]\[0\]\[0\]: nests arrays and objects/);
    expectRefused(run(['evaluate', path.join(tmp, 'workshop-deep.json')]), nested);
    expectRefused(run(['evaluate', BANK_ANSWERS_FIXTURE, '--pack', path.join(tmp, 'pack-deep.json')]), nested);
    expectRefused(run(['pack', 'validate', path.join(tmp, 'pack-deep.json')]), nested);
    expectRefused(run(['evaluate', path.join(tmp, 'bare-deep.json')]), /expected a JSON object: a Stratum answers or workshop file; found: an array/);
  });

  it('refuses more stakeholders than a workshop holds, once, naming the limit', () => {
    const crowd = Array.from({ length: 100_000 }, (_, i) => ({ name: `p${i}`, weights: {} }));
    const file = path.join(tmp, 'crowd.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'stratum.answers', version: 2, answers: {}, stakeholders: crowd }));
    const r = run(['evaluate', file]);
    expectRefused(r, /\$\.stakeholders: must list at most 39 stakeholders: a workshop holds at most 40 participants and the file.s own weights are one of them; found: 100000 entries; allowed: at most 39 item/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('stratum writing where someone planted a link', { timeout: 60_000 }, () => {
  it('writes a file through a new temporary file, never through a link planted at the temporary name earlier builds used', () => {
    const folder = path.join(tmp, 'planted');
    const outside = path.join(tmp, 'outside.txt');
    fs.mkdirSync(folder);
    fs.writeFileSync(outside, 'not Stratum’s to change');
    // Earlier builds wrote `.NAME.stratum-tmp-PID` with a call that follows links: this process's own name.
    fs.symlinkSync(outside, path.join(folder, `.report.html.stratum-tmp-${process.pid}`));
    nodeIo().writeFile(path.join(folder, 'report.html'), '<p>the report</p>');
    expect(fs.readFileSync(outside, 'utf8')).toBe('not Stratum’s to change');
    expect(fs.lstatSync(path.join(folder, 'report.html')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'report.html'), 'utf8')).toBe('<p>the report</p>');
    expect(fs.readdirSync(folder).sort()).toEqual([`.report.html.stratum-tmp-${process.pid}`, 'report.html']);
  });

  it('exports beside a manifest nested 100,000 levels deep, and writes back only what a manifest holds', () => {
    const out = path.join(tmp, 'deep-manifest');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '.stratum-exports.json'), `{"format":"stratum.exports","version":1,"files":{"x.csv":${deep(100_000)}}}`);
    const r = run(['export', BANK_ANSWERS_FIXTURE, '--format', 'csv', '--to', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.stratum-exports.json'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(manifest.files)).toEqual([expect.stringMatching(/\.csv$/)]);
    expect(Object.keys(manifest.files)).not.toContain('x.csv');
  });
});

describe('stratum printing titles with terminal escape sequences', { timeout: 60_000 }, () => {
  it('takes control characters out of what it prints, keeping the rest of the title', () => {
    const hostile = '\u001b]0;owned\u0007Bank\u001b[2J \u009b31mAI\rplat\u202eform';
    const file = path.join(tmp, 'escape.stratum.json');
    fs.writeFileSync(file, bankWorkshopText().replace(/"title": "[^"]*"/, `"title": ${JSON.stringify(hostile)}`));
    const text = run(['evaluate', file, '--format', 'text']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(']0;ownedBank[2J 31mAIplatform');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    const records = path.join(tmp, 'records-escape');
    const exported = run(['export', file, '--format', 'madr', '--to', records]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Exported "]0;ownedBank[2J 31mAIplatform" as MADR');
    // eslint-disable-next-line no-control-regex -- as above
    expect(exported.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });
});
