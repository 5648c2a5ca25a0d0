// The built `stratum` command writing real files: diagrams in every format (PNG decoded at the requested
// scale), MADR and adr-tools records beside a foreign record, a PDF checked by poppler, JSON that evaluates
// identically, and exit 2 without a stack trace for each class of mistake.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../electron/export/pdf';
import { BANK_ANSWERS_FIXTURE, BANK_USE_CASES, BANK_WORKSHOP_FIXTURE, bankWorkshop, bankWorkshopText } from './bank-workshop';
import { buildCli, type BuiltCli } from './built-cli';

const ANSWERS = BANK_ANSWERS_FIXTURE;
const SLUG = 'regional-bank-fraud-scoring-credit-models';
const FOREIGN = '# 1. Record architecture decisions\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n';

let cli: BuiltCli;
let tmp = '';
/** The bank as a version 2 workshop file (with its three use cases), written to the temporary folder. */
let WORKSHOP = '';

beforeAll(async () => {
  cli = await buildCli('stratum-export-cli-');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-export-out-'));
  WORKSHOP = path.join(tmp, 'bank.stratum.json');
  fs.writeFileSync(WORKSHOP, bankWorkshopText());
}, 60_000);

afterAll(() => {
  cli.remove();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function ihdr(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the built stratum diagram command', { timeout: 60_000 }, () => {
  it('writes SVG, draw.io, Mermaid and PNG at the requested scale', () => {
    const out = path.join(tmp, 'diagram');
    fs.mkdirSync(out);
    for (const [format, file] of [['svg', 'stack.svg'], ['drawio', 'stack.drawio'], ['mermaid', 'stack.mmd']] as const) {
      const r = cli.run(['diagram', WORKSHOP, '--format', format, '--out', path.join(out, file)]);
      expect(r.stderr, format).toBe('');
      expect(r.status, format).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Wrote .*${file.replace('.', '\\.')} \\(${format}, \\d+ bytes\\)\\n$`));
    }
    expect(fs.readFileSync(path.join(out, 'stack.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) (\d+)"/);
    expect(fs.readFileSync(path.join(out, 'stack.drawio'), 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<mxfile/);
    expect(fs.readFileSync(path.join(out, 'stack.mmd'), 'utf8')).toMatch(/^architecture-beta\n/);
    // The use cases drawn where they are served: the bank serves all three on-premises.
    for (const id of Object.values(BANK_USE_CASES)) expect(fs.readFileSync(path.join(out, 'stack.svg'), 'utf8')).toContain(`<g id="component:on-premises/applications/uc-${id}">`);

    const [, w, h] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(fs.readFileSync(path.join(out, 'stack.svg'), 'utf8'))!;
    for (const scale of [1, 3]) {
      const png = path.join(out, `stack-${scale}x.png`);
      const r = cli.run(['diagram', WORKSHOP, '--format', 'png', '--scale', String(scale), '--out', png]);
      expect(r.status).toBe(0);
      const size = ihdr(png);
      expect(size.width).toBe(Math.round(Number(w) * scale));
      expect(size.height).toBe(Math.round(Number(h) * scale));
    }
    if (fs.existsSync('/usr/bin/rsvg-convert')) {
      const rendered = spawnSync('/usr/bin/rsvg-convert', ['-o', path.join(out, 'rsvg.png'), path.join(out, 'stack.svg')]);
      expect(rendered.status, rendered.stderr?.toString()).toBe(0);
    }
  });

  it('pipes a PNG to standard output, and refuses to overwrite without --force', () => {
    const piped = cli.runBinary(['diagram', WORKSHOP, '--format', 'png', '--scale', '1', '--out', '-']);
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(1, 4).toString('latin1')).toBe('PNG');
    const mermaid = cli.run(['diagram', ANSWERS, '--format', 'mermaid', '--out', '-']);
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout).toMatch(/^architecture-beta\n {4}title Regional bank: fraud scoring, credit models and a customer assistant: AI infrastructure stack\n/);
    for (const name of ['Card fraud scoring', 'Credit risk models', 'Customer assistant']) expect(mermaid.stdout).toContain(`[${name}] in g_on_premises_applications`);
    // A reader that stops early closes the pipe: no EPIPE trace.
    const early = spawnSync('sh', ['-c', `"${process.execPath}" "${cli.file}" diagram ${WORKSHOP} --format png --out - | head -c 8 > /dev/null`], {
      cwd: path.resolve(__dirname, '../../../..'),
      env: { ...process.env, NODE_PATH: cli.nodePath },
      encoding: 'utf8',
    });
    expect(early.stderr).toBe('');
    const target = path.join(tmp, 'existing.svg');
    fs.writeFileSync(target, 'mine');
    const refused = cli.run(['diagram', WORKSHOP, '--out', target]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`stratum: --out ${target}: the file exists; nothing was written. Add --force to replace it, or choose another --out\n`);
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');
    expect(cli.run(['diagram', WORKSHOP, '--out', target, '--force']).status).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^<svg/);
  });
});

describe('the built stratum export command', { timeout: 60_000 }, () => {
  it('continues MADR numbering after a foreign record and updates its own in place', () => {
    const dir = path.join(tmp, 'docs', 'decisions');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '0001-record-architecture-decisions.md'), FOREIGN);
    const first = cli.run(['export', WORKSHOP, '--format', 'madr', '--to', dir]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('  created    0002-deployment.md\n');
    expect(fs.readdirSync(dir).sort()).toEqual([
      '0001-record-architecture-decisions.md',
      '0002-deployment.md',
      '0003-cloud-strategy.md',
      '0004-infrastructure-model.md',
      '0005-inference-mode.md',
      '0006-ai-sourcing.md',
      'index.md',
    ]);
    const second = cli.run(['export', WORKSHOP, '--format', 'madr', '--to', dir]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 created, 0 updated, 6 unchanged, 0 skipped/);
    const edited = JSON.parse(fs.readFileSync(WORKSHOP, 'utf8'));
    edited.records[0].status = 'deprecated';
    const third = cli.run(['export', '-', '--format', 'madr', '--to', dir], { input: JSON.stringify(edited) });
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('  updated    0002-deployment.md\n');
    expect(third.stdout).toMatch(/0 created, 2 updated, 4 unchanged/);
    expect(fs.readFileSync(path.join(dir, '0001-record-architecture-decisions.md'), 'utf8')).toBe(FOREIGN);
    expect(fs.readdirSync(dir).filter((f) => f.includes('stratum-tmp'))).toEqual([]);
  });

  it('writes adr-tools records', () => {
    const dir = path.join(tmp, 'doc', 'adr');
    const r = cli.run(['export', WORKSHOP, '--format', 'nygard', '--to', dir]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, '0001-deployment.md'), 'utf8')).toMatch(/^# 1\. .*\n\nDate: \d{4}-\d{2}-\d{2}\n\n## Status\n/);
  });

  it('writes JSON that stratum evaluate reads with identical recommendations, scores and use cases', () => {
    const strip = (text: string) => {
      const report = JSON.parse(text);
      return {
        decisions: report.decisions.map((d: { id: string; recommended: string; ranking: unknown; robustness: unknown }) => [d.id, d.recommended, d.ranking, d.robustness]),
        useCases: report.useCases.map((u: { name: string; outcomes: unknown }) => [u.name, u.outcomes]),
      };
    };
    // A version 2 workshop, and a version 1 one (written before use cases), come back as version 2 files (in dollars).
    for (const [source, dir] of [[WORKSHOP, path.join(tmp, 'json')], [BANK_WORKSHOP_FIXTURE, path.join(tmp, 'json-v1')]] as const) {
      const r = cli.run(['export', source, '--format', 'json', '--to', dir]);
      expect(r.status, source).toBe(0);
      const exported = path.join(dir, `${SLUG}-workshop.stratum.json`);
      expect(JSON.parse(fs.readFileSync(exported, 'utf8'))).toMatchObject({ format: 'stratum.workshop', version: 2 });
      const before = cli.run(['evaluate', source]);
      const after = cli.run(['evaluate', exported]);
      expect(after.status).toBe(0);
      expect(after.stderr).toBe('');
      expect(strip(after.stdout)).toEqual(strip(before.stdout));
    }
  });

  it('writes a PDF that poppler renders', async () => {
    if (!findChromium()) {
      console.warn('skipped: no Chromium found (set CHROMIUM_PATH) for the PDF export test');
      return;
    }
    const dir = path.join(tmp, 'pdf');
    const r = cli.run(['export', WORKSHOP, '--format', 'pdf', '--to', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = path.join(dir, `${SLUG}-report.pdf`);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (fs.existsSync('/usr/bin/pdftoppm')) {
      const page = spawnSync('/usr/bin/pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
      expect(page.status, page.stderr?.toString()).toBe(0);
      expect(fs.readdirSync(dir).some((f) => /^page-0*1\.png$/.test(f))).toBe(true);
    }
    const again = cli.run(['export', WORKSHOP, '--format', 'pdf', '--to', dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/updated \(replaced this workshop's earlier export\)/);
  }, 120_000);

  it('exits 2 with a message naming the file, field or option, and no stack trace, for each mistake', () => {
    const bad = path.join(tmp, 'bad');
    fs.mkdirSync(bad);
    const write = (name: string, text: string) => (fs.writeFileSync(path.join(bad, name), text), path.join(bad, name));
    const invalid = write('invalid.json', '{ "format": "stratum.workshop", }');
    const unknown = write('unknown.json', '{ "format": "stratum.milestone", "version": 1 }');
    const newer = write('newer.json', '{ "format": "stratum.workshop", "version": 6 }');
    const level = bankWorkshop();
    level.state.useCases[0].answers.opsExpertise = 'high';
    const wrongLevel = write('level.json', JSON.stringify(level));
    const existing = write('existing.png', 'x');
    const aFile = write('a-file', 'x');
    const cases: Array<[string[], RegExp]> = [
      [['diagram', 'no-such.json', '--out', path.join(bad, 'x.svg')], /^stratum: no-such\.json: cannot read the file: no such file\n$/],
      [['export', invalid, '--format', 'json', '--to', bad], /^stratum: .*invalid\.json: line 1, column \d+: not valid JSON/],
      [['evaluate', unknown], /^stratum: .*unknown\.json: \$\.format: not a file this build of Stratum reads; found: "stratum\.milestone"; allowed: "stratum\.answers" \(version 2\) or "stratum\.workshop" \(version 5\)\n$/],
      [['export', newer, '--format', 'madr', '--to', bad], /^stratum: .*newer\.json: \$\.version: this file is stratum\.workshop version 6, written by a newer Stratum/],
      [['diagram', wrongLevel, '--out', path.join(bad, 'level.svg')], /^stratum: .*level\.json: \$\.state\.useCases\[0\]\.answers\.opsExpertise: asked once for the organisation: put it in state\.answers; found: "opsExpertise"; allowed: one of task, /],
      [['diagram', WORKSHOP, '--format', 'png', '--scale', '8', '--out', path.join(bad, 'x.png')], /^stratum: option --scale: found "8"; allowed: a number from 1 to 4/],
      [['diagram', WORKSHOP, '--out', existing], /^stratum: --out .*existing\.png: the file exists; nothing was written\. Add --force/],
      [['export', WORKSHOP, '--format', 'madr', '--to', aFile], /^stratum: --to .*a-file: is a file, not a folder/],
      [['export', WORKSHOP, '--format', 'csv', '--to', path.join(aFile, 'sub')], /^stratum: --to .*a-file\/sub: cannot create the folder: part of the path is a file, not a folder\n$/],
    ];
    for (const [argv, expected] of cases) {
      const r = cli.run(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stdout, argv.join(' ')).toBe('');
      expect(r.stderr, argv.join(' ')).toMatch(expected);
      expect(r.stderr).not.toMatch(/\bat .*\(/);
    }
    // A folder the operating system refuses (root can still not create folders in sysfs).
    if (fs.existsSync('/sys/kernel') && spawnSync('mkdir', ['/sys/stratum-test']).status !== 0) {
      const r = cli.run(['export', WORKSHOP, '--format', 'madr', '--to', '/sys/stratum-test']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^stratum: --to \/sys\/stratum-test: cannot create the folder: (permission denied|the disk is read-only)/);
    }
  });
});
