// `stratum export`: records into a folder (numbering, updates in place, foreign files untouched), single
// files that never overwrite another workshop's, JSON that evaluates identically, and exit 2 for a bad --to.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MANIFEST, parseExportArgs } from '../../../../electron/cli/export-command';
import { runCli } from '../../../../electron/cli/run-cli';
import { readFrontMatter } from '../../../../shared/records';
import { exportFileName } from '../../../../shared/workshop';
import { BANK_ANSWERS_FIXTURE, BANK_USE_CASES, BANK_WORKSHOP_FIXTURE, bankWorkshop, bankWorkshopText, root } from './bank-workshop';
import { memoryIo, type MemoryIo, type MemoryIoOptions } from './memory-io';

const workshopText = bankWorkshopText();
const answersText = fs.readFileSync(path.join(root, BANK_ANSWERS_FIXTURE), 'utf8');
const v1AnswersText = fs.readFileSync(path.join(root, 'test/fixtures/workshops/v1/regulated-bank.json'), 'utf8');
const workshopJson = () => bankWorkshop();
const FOREIGN = '# 1. Use PostgreSQL\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n';
const SLUG = 'regional-bank-fraud-scoring-credit-models';

async function run(args: string[], files: Record<string, string | Uint8Array>, options: MemoryIoOptions = {}) {
  const io = memoryIo(files, options);
  const code = await runCli(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n'), io };
}
const filesOf = (io: MemoryIo) => Object.fromEntries(io.files);

describe('stratum export --format madr', () => {
  it('continues the numbering after a foreign record, then reports unchanged and updated, never touching the foreign file', async () => {
    const first = await run(['export', 'w.json', '--format', 'madr', '--to', 'docs/decisions'], { 'w.json': workshopText, 'docs/decisions/0001-use-postgresql.md': FOREIGN });
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.io.written).toEqual([
      'docs/decisions/0002-deployment.md',
      'docs/decisions/0003-cloud-strategy.md',
      'docs/decisions/0004-infrastructure-model.md',
      'docs/decisions/0005-inference-mode.md',
      'docs/decisions/0006-ai-sourcing.md',
      'docs/decisions/index.md',
    ]);
    expect(first.out.split('\n')).toEqual([
      'Exported "Regional bank: fraud scoring & credit <models>" as MADR records into docs/decisions:',
      '  created    0002-deployment.md',
      '  created    0003-cloud-strategy.md',
      '  created    0004-infrastructure-model.md',
      '  created    0005-inference-mode.md',
      '  created    0006-ai-sourcing.md',
      '  created    index.md',
      '6 created, 0 updated, 0 unchanged, 0 skipped; no other file was touched.',
    ]);
    const record = first.io.files.get('docs/decisions/0002-deployment.md') as string;
    expect(readFrontMatter(record)).toMatchObject({ status: 'accepted', workshop: '5d0c6f7e-2a1b-4c3d-8e9f-0a1b2c3d4e5f', decision: 'deployment' });
    expect(record).toContain('## Decision Outcome');
    // The deployment record says where each use case lands.
    expect(record).toMatch(/\n\| Use case \| Where it lands \| Why \|\n\|[-|: ]+\|\n\| Card fraud scoring \| On-premises \| /);
    for (const name of ['Credit risk models', 'Customer assistant']) expect(record).toContain(`| ${name} | On-premises |`);

    const again = await run(['export', 'w.json', '--format', 'madr', '--to', 'docs/decisions'], filesOf(first.io));
    expect(again.code).toBe(0);
    expect(again.io.written).toEqual([]);
    expect(again.out).toMatch(/\n {2}unchanged {2}0002-deployment\.md\n/);
    expect(again.out).toMatch(/0 created, 0 updated, 6 unchanged, 0 skipped/);

    const changed = workshopJson();
    changed.records[0].status = 'deprecated';
    const updated = await run(['export', 'w.json', '--format', 'madr', '--to', 'docs/decisions'], { ...filesOf(first.io), 'w.json': JSON.stringify(changed) });
    expect(updated.code).toBe(0);
    expect(updated.io.written).toEqual(['docs/decisions/0002-deployment.md', 'docs/decisions/index.md']);
    expect(updated.out).toMatch(/\n {2}updated {4}0002-deployment\.md\n/);
    expect(readFrontMatter(updated.io.files.get('docs/decisions/0002-deployment.md') as string)?.status).toBe('deprecated');
    expect(updated.io.files.get('docs/decisions/0001-use-postgresql.md')).toBe(FOREIGN);
  });

  it('leaves a team\'s own index.md alone and says it skipped it', async () => {
    const r = await run(['export', 'w.json', '--format', 'madr', '--to', 'adr'], { 'w.json': workshopText, 'adr/index.md': '# Our decisions\n' });
    expect(r.code).toBe(0);
    expect(r.io.files.get('adr/index.md')).toBe('# Our decisions\n');
    expect(r.out).toMatch(/\n {2}skipped {4}index\.md: index\.md exists and was not written by Stratum; it was left as it is\n/);
  });

  it('exports an answers file with an id derived from its title, so a later export updates the same records', async () => {
    const first = await run(['export', 'a.json', '--format', 'madr', '--to', 'adr'], { 'a.json': answersText });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\(from the answers file a\.json: its records are known by the title, workshop id [0-9a-f-]{36}\)/);
    const again = await run(['export', 'a.json', '--format', 'madr', '--to', 'adr'], filesOf(first.io));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 created, 0 updated, 6 unchanged/);
    // Another day: the derived workshop is dated today, so its records are updated in place (no new numbers).
    const later = await run(['export', 'a.json', '--format', 'madr', '--to', 'adr'], filesOf(first.io), { now: new Date('2026-06-01T00:00:00Z') });
    expect(later.code).toBe(0);
    expect(later.out).toMatch(/0 created, 6 updated, 0 unchanged/);
    expect([...later.io.files.keys()].filter((f) => f.startsWith('adr/'))).toHaveLength(6);
  });
});

describe('stratum export --format nygard', () => {
  it('writes adr-tools records numbered after the folder\'s, each carrying its workshop and decision', async () => {
    const r = await run(['export', 'w.json', '--format', 'nygard', '--to', 'doc/adr'], { 'w.json': workshopText, 'doc/adr/0001-record-architecture-decisions.md': FOREIGN });
    expect(r.code).toBe(0);
    expect(r.io.written).toEqual(['doc/adr/0002-deployment.md', 'doc/adr/0003-cloud-strategy.md', 'doc/adr/0004-infrastructure-model.md', 'doc/adr/0005-inference-mode.md', 'doc/adr/0006-ai-sourcing.md']);
    const record = r.io.files.get('doc/adr/0002-deployment.md') as string;
    expect(record).toMatch(/^# 2\. /);
    expect(record).toContain('## Status');
    expect(record).toContain('<!-- stratum-record workshop="5d0c6f7e-2a1b-4c3d-8e9f-0a1b2c3d4e5f" decision="deployment" -->');
    const again = await run(['export', 'w.json', '--format', 'nygard', '--to', 'doc/adr'], filesOf(r.io));
    expect(again.out).toMatch(/0 created, 0 updated, 5 unchanged/);
  });
});

describe('stratum export of single files', () => {
  it('writes the workshop JSON (version 2 in US dollars, with its use cases), which stratum evaluate reads with identical recommendations and scores', async () => {
    const sources: Record<string, string> = { 'w.json': workshopText, 'a.json': answersText, 'old.json': v1AnswersText, 'v1w.json': fs.readFileSync(path.join(root, BANK_WORKSHOP_FIXTURE), 'utf8') };
    const titles: Record<string, string> = {
      'w.json': 'Regional bank: fraud scoring & credit <models>',
      'a.json': 'Regional bank: fraud scoring, credit models and a customer assistant',
      'old.json': 'Regional bank: fraud scoring and credit models',
      'v1w.json': 'Regional bank: fraud scoring & credit <models>',
    };
    for (const source of Object.keys(sources)) {
      const r = await run(['export', source, '--format', 'json', '--to', 'out'], sources);
      expect(r.code, source).toBe(0);
      const [name] = r.io.written;
      expect(name).toBe(`out/${exportFileName(titles[source]!, 'workshop', 'stratum.json')}`);
      const exported = JSON.parse(r.io.files.get(name!) as string);
      expect(exported).toMatchObject({ format: 'stratum.workshop', version: 2 });
      expect(exported.state.useCases.length, source).toBeGreaterThan(0);
      const evaluated = memoryIo({ 'x.json': r.io.files.get(name!) as string });
      expect(await runCli(['evaluate', 'x.json'], evaluated)).toBe(0);
      expect(evaluated.err, source).toEqual([]);
      const report = JSON.parse(evaluated.out.join(''));
      type D = { recommended: string | null; ranking: Array<{ option: string; score: number }> };
      const view = (ds: D[]) => ds.map((d) => [d.recommended, d.ranking.map((o) => [o.option, Number(o.score.toFixed(4))])]);
      expect(view(report.decisions)).toEqual(view(exported.evaluation.decisions));
      type U = { name: string; outcomes: Array<{ decision: string; option: string | null }> };
      const places = (us: U[]) => us.map((u) => [u.name, u.outcomes.map((o) => [o.decision, o.option])]);
      expect(places(report.useCases)).toEqual(places(exported.evaluation.useCases));
      if (source === 'w.json' || source === 'v1w.json') {
        const original = memoryIo({ 'w.json': sources[source]! });
        await runCli(['evaluate', 'w.json'], original);
        expect(view(report.decisions)).toEqual(view(JSON.parse(original.out.join('')).decisions));
        expect(exported.workshop.id).toBe('5d0c6f7e-2a1b-4c3d-8e9f-0a1b2c3d4e5f');
        expect(exported.records).toEqual(JSON.parse(sources[source]!).records);
      }
    }
    // The workshop's own use cases keep their ids; an answers file's get ids derived from it.
    const w = await run(['export', 'w.json', '--format', 'json', '--to', 'out'], sources);
    expect(JSON.parse(w.io.files.get(w.io.written[0]!) as string).state.useCases.map((u: { id: string }) => u.id)).toEqual(Object.values(BANK_USE_CASES));
    const old = await run(['export', 'old.json', '--format', 'json', '--to', 'out'], sources);
    expect(JSON.parse(old.io.files.get(old.io.written[0]!) as string).state.useCases.map((u: { name: string }) => u.name)).toEqual(['Regional bank: fraud scoring and credit models: all AI use cases']);
  });

  it('keeps from an answers file only the assumptions that differ from their defaults, so the file is no newer than it must be', async () => {
    const exported = async (costAssumptions: Record<string, unknown>) => {
      const answers = { ...JSON.parse(answersText), costAssumptions };
      const r = await run(['export', 'a.json', '--format', 'json', '--to', 'out'], { 'a.json': JSON.stringify(answers) });
      expect(r.code).toBe(0);
      return JSON.parse(r.io.files.get(r.io.written[0]!) as string) as { version: number; state: { costAssumptions: Record<string, unknown> } };
    };
    // The people per model at its default and a dearer cloud: version 2, holding only the cloud price.
    const usd = await exported({ modelTeamMonthly: 15_000, cloudHourlyPrice: 6 });
    expect(usd.version).toBe(2);
    expect(usd.state.costAssumptions).toEqual({ cloudHourlyPrice: 6 });
    // A people cost of its own: version 4.
    expect((await exported({ modelTeamMonthly: 20_000 })).version).toBe(4);
    // In euros at the room's rate, the default is the converted one (15,000 × 0.9): left out, so version 3.
    const eur = await exported({ currency: 'EUR', usdExchangeRate: 0.9, modelTeamMonthly: 13_500 });
    expect(eur.version).toBe(3);
    expect(eur.state.costAssumptions).toEqual({ currency: 'EUR', usdExchangeRate: 0.9 });
  });

  it('replaces its own earlier report and says so; refuses another workshop\'s file unless --force', async () => {
    const first = await run(['export', 'w.json', '--format', 'html', '--to', 'r'], { 'w.json': workshopText });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`^Exported "Regional bank: fraud scoring & credit <models>" as HTML report: r/${SLUG}-report\\.html created, \\d+ bytes$`));
    const html = first.io.files.get(`r/${SLUG}-report.html`) as string;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<svg');
    const again = await run(['export', 'w.json', '--format', 'html', '--to', 'r'], filesOf(first.io), { now: new Date('2026-03-01T00:00:00Z') });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/ updated \(replaced this workshop's earlier export\), \d+ bytes$/);

    const other = workshopJson();
    other.workshop.id = '99999999-9999-4999-8999-999999999999';
    other.records = [];
    const foreign = await run(['export', 'o.json', '--format', 'html', '--to', 'r'], { ...filesOf(first.io), 'o.json': JSON.stringify(other) });
    expect(foreign.code).toBe(2);
    expect(foreign.err).toBe(`stratum: r/${SLUG}-report.html: the file exists and is not an earlier export of this workshop (99999999-9999-4999-8999-999999999999); nothing was written. Add --force to replace it, or choose another --to folder`);
    expect(foreign.io.files.get(`r/${SLUG}-report.html`)).toBe(html);
    const forced = await run(['export', 'o.json', '--format', 'html', '--to', 'r', '--force'], { ...filesOf(first.io), 'o.json': JSON.stringify(other) });
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/ replaced \(--force\)/);
  });

  it('knows its own CSV and PDF by the manifest, and refuses a hand-edited or foreign one', async () => {
    const csv = await run(['export', 'w.json', '--format', 'csv', '--to', 'r'], { 'w.json': workshopText });
    expect(csv.code).toBe(0);
    const name = `r/${SLUG}-backlog.csv`;
    expect((csv.io.files.get(name) as string).split('\r\n')[0]).toBe('"Summary","Description","Priority","Decision","Risk"');
    const manifest = JSON.parse(csv.io.files.get(`r/${EXPORT_MANIFEST}`) as string);
    expect(manifest.files[`${SLUG}-backlog.csv`].workshop).toBe('5d0c6f7e-2a1b-4c3d-8e9f-0a1b2c3d4e5f');
    const same = await run(['export', 'w.json', '--format', 'csv', '--to', 'r'], filesOf(csv.io));
    expect(same.out).toMatch(/ unchanged, \d+ bytes$/);
    // The room puts everything in the cloud: regulated data in a public cloud is a new risk on the backlog.
    const changed = bankWorkshop((state) => (state.roomChoices = { ...state.roomChoices, deployment: { option: 'cloud', reason: 'Board mandate.' } }));
    const updated = await run(['export', 'w.json', '--format', 'csv', '--to', 'r'], { ...filesOf(csv.io), 'w.json': JSON.stringify(changed) });
    expect(updated.code).toBe(0);
    expect(updated.out).toMatch(/ updated \(replaced this workshop's earlier export\)/);
    expect(updated.io.files.get(name)).toMatch(/Card fraud scoring: Regulated data would be processed in a public cloud/);
    const edited = await run(['export', 'w.json', '--format', 'csv', '--to', 'r'], { ...filesOf(csv.io), [name]: 'Summary\nmy own edits\n' });
    expect(edited.code).toBe(2);
    expect(edited.err).toMatch(/the file exists and is not an earlier export of this workshop/);

    const pdf = await run(['export', 'w.json', '--format', 'pdf', '--to', 'r'], { 'w.json': workshopText });
    expect(pdf.code).toBe(0);
    expect(Buffer.from(pdf.io.files.get(`r/${SLUG}-report.pdf`) as Uint8Array).toString('latin1')).toMatch(/^%PDF-/);
    const pdfAgain = await run(['export', 'w.json', '--format', 'pdf', '--to', 'r'], filesOf(pdf.io), { pdf: () => Promise.resolve({ ok: true, pdf: new Uint8Array(Buffer.from('%PDF-1.7 second')) }) });
    expect(pdfAgain.out).toMatch(/ updated \(replaced this workshop's earlier export\)/);
    const noChromium = await run(['export', 'w.json', '--format', 'pdf', '--to', 'r'], { 'w.json': workshopText }, { pdf: () => Promise.resolve({ ok: false, message: 'PDF needs Chromium or Chrome on this computer (set CHROMIUM_PATH to its program).' }) });
    expect(noChromium.code).toBe(2);
    expect(noChromium.err).toMatch(/^stratum: cannot make the PDF: PDF needs Chromium/);
  });
});

describe('stratum export mistakes', () => {
  it('exits 2 naming the folder, file or option', async () => {
    const files = { 'w.json': workshopText, 'plain.txt': 'x' };
    const cases: Array<[string[], RegExp, MemoryIoOptions?]> = [
      [['export', 'w.json', '--format', 'madr', '--to', 'plain.txt'], /^stratum: --to plain\.txt: is a file, not a folder; allowed: a folder \(created when missing\)$/],
      [['export', 'w.json', '--format', 'madr', '--to', 'plain.txt/sub'], /^stratum: --to plain\.txt\/sub: cannot create the folder: part of the path is a file, not a folder$/],
      [['export', 'w.json', '--format', 'madr', '--to', 'locked/adr'], /^stratum: --to locked\/adr: cannot create the folder: permission denied/, { failWrites: { under: 'locked', code: 'EACCES' } }],
      [['export', 'w.json', '--format', 'madr', '--to', 'ro'], /^stratum: ro\/0001-deployment\.md: cannot write the file: the disk is read-only$/, { folders: ['ro'], failWrites: { under: 'ro', code: 'EROFS' } }],
      [['export', 'w.json', '--format', 'html', '--to', 'full'], /^stratum: full\/[a-z-]+-report\.html: cannot write the file: the disk is full \(nothing was half-written\)$/, { folders: ['full'], failWrites: { under: 'full', code: 'ENOSPC' } }],
      [['export', 'missing.json', '--format', 'json', '--to', 'o'], /^stratum: missing\.json: cannot read the file: no such file$/],
      [['export', 'w.json', '--format', 'docx', '--to', 'o'], /^stratum: option --format: unknown format "docx"; allowed: madr, nygard, json, html, pdf, csv$/],
      [['export', 'w.json', '--format', 'mdr', '--to', 'o'], /did you mean "madr"\?$/],
      [['export', 'w.json', '--to', 'o'], /^stratum: export needs --format; allowed: madr, nygard, json, html, pdf, csv$/],
      [['export', 'w.json', '--format', 'madr'], /^stratum: export needs --to DIR/],
      [['export', '--format', 'madr', '--to', 'o'], /^stratum: export needs a workshop or answers file/],
    ];
    for (const [argv, expected, options] of cases) {
      const r = await run(argv, files, options);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.split('\n')[0], argv.join(' ')).toMatch(expected);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const bad = await run(['export', 'x.json', '--format', 'madr', '--to', 'o'], { 'x.json': '{"format": "stratum.workshop",' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^stratum: x\.json: line 1, column \d+: not valid JSON/);
    expect(bad.io.written).toEqual([]);
  });

  it('says which records were written before a write failed', async () => {
    const io = memoryIo({ 'w.json': workshopText }, { folders: ['adr'] });
    let writes = 0;
    const write = io.writeFile;
    io.writeFile = (p, data) => {
      if (++writes === 3) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      write(p, data);
    };
    expect(await runCli(['export', 'w.json', '--format', 'madr', '--to', 'adr'], io)).toBe(2);
    expect(io.err).toEqual([
      'stratum: adr/0003-infrastructure-model.md: cannot write the file: the disk is full (nothing was half-written)',
      'stratum: written before the failure: 0001-deployment.md, 0002-cloud-strategy.md',
    ]);
  });

  it('has help, listed in the main help', async () => {
    const help = await run(['export', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: stratum export FILE\|- --format madr\|nygard\|json\|html\|pdf\|csv --to DIR/);
    expect((await run(['help', 'export'], {})).out).toBe(help.out);
    expect((await run(['--help'], {})).out).toMatch(/\n {2}export FILE --to DIR +write MADR or adr-tools records/);
    expect(parseExportArgs(['w.json', '--format=pdf', '--to=out', '--force'])).toEqual({ ok: true, value: { kind: 'run', file: 'w.json', format: 'pdf', to: 'out', force: true, pack: undefined } });
  });
});
