// `stratum diagram`: every format from an answers or workshop file, --out as file, folder or stdout, and
// exit 2 for each mistake (existing file without --force, bad --scale, PNG to a terminal, ...).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramArgs } from '../../../../electron/cli/diagram-command';
import { runCli } from '../../../../electron/cli/run-cli';
import { pngSize } from '../../../../electron/export';
import { exportFileName } from '../../../../shared/workshop';
import { BANK_ANSWERS_FIXTURE, BANK_USE_CASES, bankWorkshopText, root } from './bank-workshop';
import { memoryIo, type MemoryIoOptions } from './memory-io';

const workshop = bankWorkshopText();
const answers = fs.readFileSync(path.join(root, BANK_ANSWERS_FIXTURE), 'utf8');
const v1Answers = fs.readFileSync(path.join(root, 'test/fixtures/workshops/v1/regulated-bank.json'), 'utf8');
const inputs = { 'w.json': workshop, 'a.json': answers };
const USE_CASES = ['Card fraud scoring', 'Credit risk models', 'Customer assistant'];

async function run(args: string[], files: Record<string, string | Uint8Array> = inputs, options: MemoryIoOptions = {}) {
  const io = memoryIo(files, options);
  const code = await runCli(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n'), io };
}

describe('stratum diagram', () => {
  it('writes SVG, draw.io and Mermaid from a workshop file, saying what it wrote', async () => {
    const svg = await run(['diagram', 'w.json', '--format', 'svg', '--out', 'stack.svg']);
    expect(svg.err).toBe('');
    expect(svg.code).toBe(0);
    const text = svg.io.files.get('stack.svg') as string;
    expect(text).toMatch(/^<svg [^>]*viewBox="/);
    expect(text).toContain('Regional bank: fraud scoring &amp; credit &lt;models&gt;');
    expect(text).toMatch(/Foundation-model APIs \(room(&apos;|&#39;|')s choice\)/);
    expect(svg.out).toBe(`Wrote stack.svg (svg, ${Buffer.byteLength(text)} bytes)`);

    const drawio = await run(['diagram', 'w.json', '--format', 'drawio', '--out', 'stack.drawio']);
    expect(drawio.io.files.get('stack.drawio')).toMatch(/<mxfile[^>]*>\s*<diagram[^>]*>\s*<mxGraphModel/);
    const mermaid = await run(['diagram', 'w.json', '--format', 'mermaid', '--out', 'stack.mmd']);
    expect(mermaid.io.files.get('stack.mmd')).toMatch(/^architecture-beta\n/);
    // Each use case is drawn as an application where it is served: the bank serves all three on-premises.
    for (const id of Object.values(BANK_USE_CASES)) expect(text).toContain(`<g id="component:on-premises/applications/uc-${id}">`);
    for (const [format, file] of [['drawio', drawio.io.files.get('stack.drawio') as string], ['mermaid', mermaid.io.files.get('stack.mmd') as string]] as const) {
      for (const name of USE_CASES) expect(file, `${format} draws ${name}`).toContain(name);
    }
    expect(mermaid.io.files.get('stack.mmd')).toMatch(/\n {4}service s_on_premises_applications_uc_[0-9a-f_]+\(internet\)\[Card fraud scoring\] in g_on_premises_applications\n/);
  });

  it('draws an answers file\'s use cases, and a version 1 file\'s one use case', async () => {
    const r = await run(['diagram', 'a.json', '--format', 'mermaid', '--out', '-']);
    expect(r.code).toBe(0);
    for (const name of USE_CASES) expect(r.out).toMatch(new RegExp(`\\[${name}\\] in g_on_premises_applications\\n`));
    const old = await run(['diagram', 'old.json', '--format', 'mermaid', '--out', '-'], { 'old.json': v1Answers });
    expect(old.code).toBe(0);
    expect(old.err).toBe('');
    expect(old.out).toContain('[Regional bank: fraud scoring and credit models: all AI use cases] in g_on_premises_applications');
  });

  it('tells the format from the --out extension and names the file after the workshop in a folder', async () => {
    const r = await run(['diagram', 'a.json', '--out', 'pictures/stack.drawio'], inputs, { folders: ['pictures'] });
    expect(r.code).toBe(0);
    expect(r.io.files.get('pictures/stack.drawio')).toMatch(/<mxfile/);
    const folder = await run(['diagram', 'a.json', '--format', 'mermaid', '--out', 'pictures'], inputs, { folders: ['pictures'] });
    expect(folder.code).toBe(0);
    const title = 'Regional bank: fraud scoring, credit models and a customer assistant';
    expect(folder.io.written).toEqual([`pictures/${exportFileName(title, 'stack', 'mmd')}`]);
    expect(folder.io.written[0]).toMatch(/^pictures\/regional-bank-fraud-scoring-credit-models-[a-z-]+-stack\.mmd$/);
    expect(folder.io.files.get(folder.io.written[0]!)).toContain(`title ${title}`);
  });

  it('renders PNG at the requested scale, white or transparent', async () => {
    const one = await run(['diagram', 'w.json', '--format', 'png', '--scale', '1', '--out', 'one.png']);
    const three = await run(['diagram', 'w.json', '--format', 'png', '--scale', '3', '--background', 'transparent', '--out', 'three.png']);
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    const a = pngSize(one.io.files.get('one.png') as Uint8Array)!;
    const b = pngSize(three.io.files.get('three.png') as Uint8Array)!;
    expect(a.width).toBeGreaterThan(500);
    expect(b.width).toBe(a.width * 3);
    expect(b.height).toBe(a.height * 3);
    expect(three.out).toMatch(new RegExp(`^Wrote three\\.png \\(png, ${b.width}×${b.height} px, 3x, transparent background, \\d+ bytes\\)$`));
    const byDefault = await run(['diagram', 'w.json', '--out', 'two.png']);
    expect(pngSize(byDefault.io.files.get('two.png') as Uint8Array)!.width).toBe(a.width * 2);
  });

  it('writes text formats to standard output with --out -, and PNG only to a pipe', async () => {
    const mermaid = await run(['diagram', 'w.json', '--format', 'mermaid', '--out', '-']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.out).toMatch(/^architecture-beta\n/);
    expect(mermaid.io.written).toEqual([]);
    const piped = await run(['diagram', 'w.json', '--format', 'png', '--out', '-']);
    expect(piped.code).toBe(0);
    expect(pngSize(piped.io.outBytes[0]!)).not.toBeNull();
    const terminal = await run(['diagram', 'w.json', '--format', 'png', '--out', '-'], inputs, { terminal: true });
    expect(terminal.code).toBe(2);
    expect(terminal.err).toMatch(/^stratum: --out -: refusing to write a PNG to a terminal/);
    expect(terminal.io.outBytes).toEqual([]);
  });

  it('never overwrites an existing file without --force', async () => {
    const files = { ...inputs, 'stack.svg': 'precious' };
    const refused = await run(['diagram', 'w.json', '--out', 'stack.svg'], files);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('stratum: --out stack.svg: the file exists; nothing was written. Add --force to replace it, or choose another --out');
    expect(refused.io.files.get('stack.svg')).toBe('precious');
    const forced = await run(['diagram', 'w.json', '--out', 'stack.svg', '--force'], files);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^Replaced stack\.svg/);
    expect(forced.io.files.get('stack.svg')).toMatch(/^<svg/);
  });

  it('exits 2 naming the option or file for every mistake', async () => {
    const cases: Array<[string[], RegExp, MemoryIoOptions?]> = [
      [['diagram', 'missing.json', '--out', 'x.svg'], /^stratum: missing\.json: cannot read the file: no such file$/],
      [['diagram', 'w.json', '--format', 'svg', '--out', 'x.svg', '--scale', '2'], /^stratum: option --scale applies to --format png only; found --format svg$/],
      [['diagram', 'w.json', '--format', 'png', '--out', 'x.png', '--scale', '5'], /^stratum: option --scale: found "5"; allowed: a number from 1 to 4/],
      [['diagram', 'w.json', '--format', 'png', '--out', 'x.png', '--scale', 'big'], /^stratum: option --scale: found "big"; allowed: a number from 1 to 4/],
      [['diagram', 'w.json', '--format', 'png', '--out', 'x.png', '--background', 'black'], /^stratum: option --background: found "black"; allowed: white, transparent$/],
      [['diagram', 'w.json', '--format', 'mermaid', '--out', 'x.mmd', '--background', 'white'], /^stratum: option --background applies to --format png and svg only/],
      [['diagram', 'w.json', '--format', 'pdf', '--out', 'x.pdf'], /^stratum: option --format: unknown format "pdf"; allowed: svg, png, drawio, mermaid/],
      [['diagram', 'w.json', '--format', 'mermiad', '--out', 'x'], /did you mean "mermaid"\?$/],
      [['diagram', 'w.json', '--out', 'stack.txt'], /^stratum: option --format is missing and cannot be told from --out "stack\.txt"; allowed: svg, png, drawio, mermaid$/],
      [['diagram', 'w.json', '--format', 'svg'], /^stratum: diagram needs --out PATH/],
      [['diagram', '--out', 'x.svg'], /^stratum: diagram needs an answers or workshop file/],
      [['diagram', 'w.json', '--out', 'x.svg', '--sclae', '2'], /^stratum: unknown option --sclae; did you mean --scale\?/],
      [['diagram', 'w.json', '--out', 'no/such/folder/x.svg'], /^stratum: --out no\/such\/folder\/x\.svg: cannot write the file: its folder does not exist$/],
      [['diagram', 'w.json', '--out', 'w.json/x.svg'], /^stratum: --out w\.json\/x\.svg: cannot write the file: its folder is not a folder$/],
      [['diagram', 'w.json', '--out', 'ro/x.svg'], /^stratum: ro\/x\.svg: cannot write the file: the disk is read-only$/, { folders: ['ro'], failWrites: { under: 'ro', code: 'EROFS' } }],
      [['diagram', 'w.json', '--out', 'full/x.svg'], /^stratum: full\/x\.svg: cannot write the file: the disk is full \(nothing was half-written\)$/, { folders: ['full'], failWrites: { under: 'full', code: 'ENOSPC' } }],
    ];
    for (const [argv, expected, options] of cases) {
      const r = await run(argv, inputs, options);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.split('\n')[0], argv.join(' ')).toMatch(expected);
      expect(r.io.written, argv.join(' ')).toEqual([]);
    }
    const bad = await run(['diagram', 'bad.json', '--out', 'x.svg'], { 'bad.json': '{"format": "stratum.workshop", "version": 9}' });
    expect(bad.err).toMatch(/^stratum: bad\.json: \$\.version: this file is stratum\.workshop version 9, written by a newer Stratum/);
  });

  it('has help, listed in the main help', async () => {
    const help = await run(['diagram', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: stratum diagram FILE\|- --out PATH \[--format svg\|png\|drawio\|mermaid\] \[--scale N\]/);
    expect((await run(['help', 'diagram'])).out).toBe(help.out);
    expect((await run(['--help'])).out).toMatch(/\n {2}diagram FILE --out PATH +draw the stack as SVG, PNG, draw\.io or Mermaid/);
    expect(parseDiagramArgs(['a.json', '--out=x.png', '--scale=2.5'])).toEqual({
      ok: true,
      value: { kind: 'run', file: 'a.json', format: 'png', out: 'x.png', scale: 2.5, background: 'white', force: false, pack: undefined },
    });
  });
});
