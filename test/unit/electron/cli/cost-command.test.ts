// `stratum cost`: each use case priced where each deployment option runs it, at today's volume (the pilot) and
// production's; the JSON and text reports, standard input, version 1 files, exit 2 when there is nothing to price,
// and exit 2 naming the field for bad assumptions.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCostArgs } from '../../../../electron/cli/cost-command';
import { runCli } from '../../../../electron/cli/run-cli';
import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { defaultPack, packFingerprint } from '../../../../shared/engine';
import { buildCli, type BuiltCli } from './built-cli';
import { memoryIo } from './memory-io';

const root = path.resolve(__dirname, '../../../..');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/workshops', name), 'utf8');
const bank = fixture('regulated-bank.json');
const answers = (body: Record<string, unknown>) => JSON.stringify({ format: 'stratum.answers', version: 2, ...body });

/**
 * Hand-computable: one use case the room builds on its own platform (its room choice: custom-platform, no markup,
 * no fees) generating language (10,000 requests per accelerator-hour), 7.3 million requests a month now and 73
 * million in production (730 and 7,300 serving hours), 1,000 training hours that may not be interrupted (no spot),
 * no egress, fleets sized at 50% utilization, no data centre yet (the whole fixed cost of running one is new).
 * A workshop file, so the room's choice pins how it is sourced whatever the rules would recommend.
 */
const organisation = { sustainedGpuUtilization: 0.5, egressTbPerMonth: 0, existingOnPremCapacity: 'none', spareAccelerators: 0, mlExpertise: 'high', opsExpertise: 'high' };
const scoring = { task: 'language-generation', requestsPerMonthNow: 7_300_000, requestsPerMonthInProduction: 73_000_000, monthlyTrainingGpuHours: 1000, interruptionTolerance: 'none', customizationNeed: 'high' };
const SCORING_ID = '5c0e5c0e-0000-4000-8000-000000000001';
const simple = JSON.stringify({
  format: 'stratum.workshop',
  version: 2,
  workshop: { id: '5c0e5c0e-0000-4000-8000-000000000000', title: 'Simple', organisation: '', facilitator: '', date: '2026-01-15', description: '', createdAt: '2026-01-15T10:00:00.000Z', updatedAt: '2026-01-15T10:00:00.000Z', archived: false },
  state: {
    participants: [],
    useCases: [{ id: SCORING_ID, name: 'Scoring', description: '', answers: scoring, dontKnow: [], notes: {}, roomChoices: { sourcing: { option: 'custom-platform', reason: 'Our own serving stack.' } } }],
    answers: organisation,
    dontKnow: [],
    notes: {},
    weights: {},
    roomChoices: {},
    costAssumptions: { monthlyBudget: 10_000 },
  },
  pack: { id: 'stratum-default', version: defaultPack().pack.packVersion, sha256: packFingerprint(defaultPack().pack) },
});
/** As an answers file, with 30 spare accelerators in a data centre the organisation already runs (a quarter of its fixed cost is new). */
const spare = answers({ title: 'Spare', answers: { ...organisation, existingOnPremCapacity: 'significant', spareAccelerators: 30 }, useCases: [{ id: 'scoring', name: 'Scoring', answers: scoring }] });

/** USD a month of one accelerator bought: 30,000 over 36 months. */
const AMORTIZED = 30_000 / 36;

function run(args: string[], files: Record<string, string>, stdin = '') {
  const io = memoryIo(files, stdin);
  const code = runCli(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

/** The lines of the text report from a heading line to the next blank line. */
function block(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(heading));
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && l === '');
  return lines.slice(at, end);
}

/** A table's rows as [label, ...numbers]; every row is as wide as the header, so the columns line up. */
function table(lines: string[]): Array<[string, ...number[]]> {
  for (const line of lines) expect(line.length, `"${line}" is as wide as "${lines[0]}"`).toBe(lines[0]!.length);
  return lines.slice(1).map((line) => {
    const [, label, numbers] = /^ {2}(.+?) {2,}([\d,]+(?: +[\d,]+)*)$/.exec(line)!;
    return [label!.trim(), ...numbers!.trim().split(/ +/).map((n) => Number(n.replace(/,/g, '')))];
  });
}

describe('stratum cost', () => {
  it('prices each use case where each option runs it, at the pilot and at production, as JSON', () => {
    const r = run(['cost', 'simple.json'], { 'simple.json': simple });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.format).toBe('stratum.cost');
    expect(report.version).toBe(2);
    expect(report.input).toEqual({ file: 'simple.json', title: 'Simple' });
    expect(report.roadmap.useCases).toEqual([
      {
        id: SCORING_ID,
        name: 'Scoring',
        task: 'language-generation',
        throughput: 10_000,
        requests: { pilot: 7_300_000, production: 73_000_000 },
        trainingHours: 1000,
        interruptibleShare: 0,
        sourcing: 'custom-platform',
      },
    ]);
    expect(Object.keys(report.production.monthly)).toEqual(['cloud', 'on-premises', 'hybrid']);
    for (const option of ['cloud', 'on-premises', 'hybrid']) {
      expect(Object.keys(report.production.options[option].breakdown)).toEqual(['training', 'inference', 'apis', 'egress', 'overhead', 'operations']);
    }
    // Cloud: 4 USD × (1,000 training + 7,300 serving hours) in production, × (1,000 + 730) for the pilot.
    expect(report.production.options.cloud.breakdown).toEqual({ training: 4000, inference: 29_200, apis: 0, egress: 0, overhead: 0, operations: 0 });
    expect(report.production.monthly.cloud).toBe(33_200);
    expect(report.pilot.monthly.cloud).toBe(6920);
    expect(report.production.options.cloud.useCases).toEqual([
      { id: SCORING_ID, name: 'Scoring', monthly: 33_200, breakdown: report.production.options.cloud.breakdown, placement: { serving: 'cloud', training: 'cloud' } },
    ]);
    // On-premises, production: ceil(8,300 / (730 × 0.5)) = 23 accelerators bought, overhead 35% of their amortized
    // price, and the whole fixed cost of an estate of more than one server (40,000).
    const onPremises = report.production.options['on-premises'];
    expect(onPremises.accelerators).toEqual({ dataCentre: 23, spareUsed: 0, bought: 23, edge: 0 });
    expect(onPremises.breakdown.training + onPremises.breakdown.inference).toBeCloseTo(23 * AMORTIZED, 3);
    expect(onPremises.breakdown.overhead).toBeCloseTo(0.35 * 23 * AMORTIZED, 3);
    expect(onPremises.breakdown.operations).toBe(40_000);
    expect(report.production.monthly['on-premises']).toBeCloseTo(1.35 * 23 * AMORTIZED + 40_000, 3);
    // The pilot: 5 accelerators for 1,730 hours, filling 1,730 / 365 / 8 of a server: that share of the fixed cost.
    expect(report.pilot.options['on-premises'].accelerators.dataCentre).toBe(5);
    expect(report.pilot.monthly['on-premises']).toBeCloseTo(1.35 * 5 * AMORTIZED + (40_000 * 1730) / 365 / 8, 3);
    // Owning one accelerator-hour at full use (plus the fixed cost) never beats renting it at 4 USD here.
    expect(report.breakevenUtilization).toBeNull();
    expect(report.spotSavings).toBe(0);
    expect(report.production.cloudOnDemand).toBe(33_200);
    expect(report.pilot.budget.monthlyBudget).toBe(10_000);
    expect(report.pilot.budget.byOption.cloud.status).toBe('ok');
    expect(report.production.budget.status).toBe('over');
    expect(report.assumptions).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, monthlyBudget: 10_000 });
    expect(report.notes).toEqual([]);
  });

  it('uses the spare accelerators the organisation already owns before buying any, and only the new share of the fixed cost', () => {
    const report = JSON.parse(run(['cost', 'spare.json'], { 'spare.json': spare }).out);
    const onPremises = report.production.options['on-premises'];
    expect(onPremises.accelerators).toEqual({ dataCentre: 23, spareUsed: 23, bought: 0, edge: 0 });
    // Nothing bought: no hardware; overhead on all 23 run; a quarter of the fixed cost.
    expect(onPremises.breakdown.training + onPremises.breakdown.inference).toBe(0);
    expect(onPremises.breakdown.operations).toBe(10_000);
    expect(report.production.monthly['on-premises']).toBeCloseTo(0.35 * 23 * AMORTIZED + 10_000, 3);
    expect(report.production.monthly['on-premises']).toBeLessThan(report.production.monthly.cloud);
    expect(report.roadmap.useCases[0].id).toBe('scoring');
    expect(report.breakevenUtilization).toBeGreaterThan(0);
    expect(report.breakevenUtilization).toBeLessThan(0.5);
  });

  it('is byte-identical across runs and reads standard input with -', () => {
    const a = run(['cost', 'bank.json'], { 'bank.json': bank });
    const b = run(['cost', 'bank.json'], { 'bank.json': bank });
    expect(a.out).toBe(b.out);
    const stdin = run(['cost', '-'], {}, bank);
    expect(stdin.code).toBe(0);
    expect(JSON.parse(stdin.out).input.file).toBe('(stdin)');
    expect(JSON.parse(stdin.out).production).toEqual(JSON.parse(a.out).production);
    // Each of the bank's use cases, with its own volume, named as stratum evaluate names it.
    expect(JSON.parse(a.out).roadmap.useCases.map((u: { id: string; name: string; requests: unknown }) => [u.id, u.name, u.requests])).toEqual([
      ['use-case-1', 'Card fraud scoring', { pilot: 20_000_000, production: 90_000_000 }],
      ['use-case-2', 'Credit risk models', { pilot: 500_000, production: 2_000_000 }],
      ['use-case-3', 'Customer assistant', { pilot: 100_000, production: 3_000_000 }],
    ]);
  });

  it('prints a readable text summary with aligned tables', () => {
    const r = run(['cost', 'simple.json', '--format', 'text'], { 'simple.json': simple });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cost of Simple \(simple\.json\), USD per month\n\n/);
    const totals = block(r.out, '  Production');
    expect(totals[0]).toMatch(/^ {2}Production +cloud +on-premises +hybrid$/);
    expect(table(totals)).toEqual([
      ['training', 4000, expect.any(Number), expect.any(Number)],
      ['inference', 29_200, expect.any(Number), expect.any(Number)],
      ['apis', 0, 0, 0],
      ['egress', 0, 0, 0],
      ['overhead', 0, 6708, expect.any(Number)],
      ['operations', 0, 40_000, expect.any(Number)],
      ['total', 33_200, 65_875, expect.any(Number)],
      ['pilot', 6920, 29_324, expect.any(Number)],
    ]);
    const byUseCase = block(r.out, '  By use case');
    expect(byUseCase[0]!.length).toBe(totals[0]!.length);
    expect(table(byUseCase)).toEqual([['Scoring', 33_200, 65_875, expect.any(Number)]]);
    expect(block(r.out, 'Each use case at production volume')).toEqual([
      'Each use case at production volume, and where each option runs it:',
      '  Scoring: 73,000,000 requests a month, 1,000 training hours, custom-platform',
      '    cloud:       serves and trains in the cloud',
      '    on-premises: serves and trains on-premises',
      expect.stringMatching(/^ {4}hybrid: {6}serves (and trains )?(in the cloud|on-premises)/),
    ]);
    expect(r.out).toMatch(/\nOwned accelerators at production: on-premises 23 in the data centre \(0 spare, 23 bought\); hybrid (none|\d+ in the data centre .*)\.\n/);
    expect(r.out).toContain('\nBreakeven: owning the accelerators for your own models never beats renting them within 0-100% utilization at these prices.\n');
    expect(r.out).toMatch(/\nBudget \(pilot\): 10,000 USD a month; OK for the cheapest option \(cloud\); cloud ok \(69%\), on-premises over \(293%\)/);
    expect(r.out).toMatch(/\nBudget \(production\): 10,000 USD a month; OVER for the cheapest option/);
    expect(r.out).toMatch(/\n {2}cloudHourlyPrice +4 {2}USD per accelerator-hour\n/);
    expect(r.out).toMatch(/\n {2}throughputLanguageGeneration +10,000 {2}requests per accelerator-hour\n/);
    expect(r.out).not.toMatch(/undefined|NaN|\[object Object\]|null/);

    const spared = run(['cost', 'spare.json', '--format', 'text'], { 'spare.json': spare });
    expect(spared.out).toMatch(/\nOwned accelerators at production: on-premises 23 in the data centre \(23 spare, 0 bought\);/);
    expect(spared.out).toMatch(/\nBreakeven: owning the accelerators for your own models beats renting them above \d+% sustained utilization \(the fleet runs at 50%\)\.\n/);
  });

  it('counts in the currency the assumptions name, at their rate, in the text and the JSON', () => {
    const yen = simple.replace('"costAssumptions":{"monthlyBudget":10000}', '"costAssumptions":{"currency":"JPY","usdExchangeRate":150,"monthlyBudget":1500000}');
    expect(yen).not.toBe(simple);
    const text = run(['cost', 'yen.json', '--format', 'text'], { 'yen.json': yen });
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Cost of Simple \(yen\.json\), JPY per month\n\n/);
    // the same fleet as in dollars, every amount 150 times: 33,200 USD of cloud is 4,980,000 JPY
    expect(table(block(text.out, '  Production')).find((row) => row[0] === 'total')?.[1]).toBe(4_980_000);
    expect(text.out).toMatch(/\nBudget \(pilot\): 1,500,000 JPY a month; OK for the cheapest option \(cloud\)/);
    expect(text.out).toMatch(/\nAssumptions:\n {2}currency +JPY\n {2}usdExchangeRate +150 {2}JPY per US dollar\n/);
    expect(text.out).toMatch(/\n {2}cloudHourlyPrice +600 {2}JPY per accelerator-hour\n/);
    expect(text.out).not.toMatch(/USD\b/);
    const json = JSON.parse(run(['cost', 'yen.json'], { 'yen.json': yen }).out);
    expect(json).toMatchObject({ format: 'stratum.cost', version: 3, currency: 'JPY', assumptions: { currency: 'JPY', usdExchangeRate: 150, cloudHourlyPrice: 600 }, production: { monthly: { cloud: 4_980_000 } } });
  });

  it('shows a use case per row, an API use case at the provider, and a long name shortened in the table only', () => {
    const long = 'Claims triage for every line of business in every country we insure';
    const retail = JSON.parse(fixture('retail-startup.json'));
    retail.useCases[0].name = long;
    const r = run(['cost', 'r.json', '--format', 'text'], { 'r.json': JSON.stringify(retail) });
    expect(r.code).toBe(0);
    const rows = table(block(r.out, '  By use case'));
    expect(rows.map((row) => row[0])).toEqual([`${long.slice(0, 39)}…`, 'Support assistant', 'Catalogue image tagging']);
    // Every option pays the same per-call fees for a use case sourced from a provider's API.
    expect(rows[1]!.slice(1).every((v) => v === rows[1]![1])).toBe(true);
    expect(r.out).toContain(`\n  ${long}: 30,000,000 requests a month, 200 training hours, managed-ml-platform\n`);
    expect(r.out).toMatch(/\n {2}Support assistant: 400,000 requests a month, foundation-model-apis\n {4}every option: called at the provider \(an API\)\n/);
  });

  it('says what it assumed for every answer that is missing', () => {
    const r = run(['cost', 'a.json'], { 'a.json': answers({ answers: {}, useCases: [{ name: 'Tuning', answers: { monthlyTrainingGpuHours: 100 } }] }) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.notes).toEqual([
      'Sustained utilization is not known: owned accelerators are sized at 50%.',
      'Tuning: what it must do is not known, so it is priced at 10,000 requests per accelerator-hour, the throughput assumed for a task not known.',
      'Tuning: no request volume is given, so it serves nothing in this estimate.',
      'Existing data-centre capacity is not known: an owned estate carries all of its fixed cost.',
    ]);
    const text = run(['cost', 'a.json', '--format', 'text'], { 'a.json': answers({ answers: {}, useCases: [{ name: 'Tuning', answers: { monthlyTrainingGpuHours: 100 } }] }) }).out;
    expect(text).toContain(`\nNotes:\n${report.notes.map((n: string) => `  ${n}`).join('\n')}`);
    // It serves nothing: where it would serve is not said, only where it trains.
    expect(text).toMatch(/\n {2}Tuning: 0 requests a month, 100 training hours, [a-z-]+\n {4}cloud: {7}trains in the cloud\n/);
  });

  it('exits 2 saying there is nothing to price: no use case, or no volume and no training in any', () => {
    const cases: Array<[string, string]> = [
      ['none.json', answers({ answers: { opsExpertise: 'high' } })],
      ['first.json', fixture('unanswered.json')],
      ['old.json', fixture('v1/unanswered.json')],
    ];
    for (const [name, text] of cases) {
      const r = run(['cost', name], { [name]: text });
      expect(r.code, name).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(`stratum: ${name}: nothing to price: no use case gives a request volume (now or in production) or training hours.`);
    }
  });

  it('prices a version 1 answers file as one use case, production at its pilotToProductionScale (10× when not given)', () => {
    const old = JSON.parse(run(['cost', 'old.json'], { 'old.json': fixture('v1/regulated-bank.json') }).out);
    expect(old.roadmap.useCases.map((u: { name: string; requests: unknown; trainingHours: number }) => [u.name, u.requests, u.trainingHours])).toEqual([
      ['Regional bank: fraud scoring and credit models: all AI use cases', { pilot: 90_000_000, production: 900_000_000 }, 12_000],
    ]);
    const scaled = answers({ version: 1, title: 'Old', answers: { monthlyInferenceRequests: 1_000_000 }, costAssumptions: { pilotToProductionScale: 4, cloudHourlyPrice: 5 } });
    const report = JSON.parse(run(['cost', 's.json'], { 's.json': scaled }).out);
    expect(report.roadmap.useCases[0].requests).toEqual({ pilot: 1_000_000, production: 4_000_000 });
    // The scale is no assumption of this version's model: it was used to read the file, and is not listed.
    expect(report.assumptions).not.toHaveProperty('pilotToProductionScale');
    expect(report.assumptions.cloudHourlyPrice).toBe(5);
  });

  it('exits 2 naming the field for bad assumptions, and prints nothing on stdout', () => {
    const useCases = [{ name: 'Scoring', answers: scoring }];
    const bad = run(['cost', 'a.json'], { 'a.json': answers({ answers: {}, useCases, costAssumptions: { spotDiscount: 1.2, cloudHourlyPrice: 'cheap' } }) });
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err.split('\n')).toEqual([
      'stratum: a.json: $.costAssumptions.cloudHourlyPrice: value not allowed for "cloudHourlyPrice"; found: "cheap"; allowed: a number between 0 and 1,000 (USD per accelerator-hour)',
      'stratum: a.json: $.costAssumptions.spotDiscount: value not allowed for "spotDiscount"; found: 1.2; allowed: a number between 0.6 and 0.9 (fraction off the on-demand price)',
    ]);
    const unknown = run(['cost', 'a.json'], { 'a.json': answers({ answers: {}, useCases, costAssumptions: { monthlyBudjet: 5 } }) });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/\$\.costAssumptions\.monthlyBudjet: not a cost assumption; .*did you mean "monthlyBudget"\?/);
    // Version 1's pilot-to-production scale belongs to version 1 files: a version 2 file gives production volumes.
    const scale = run(['cost', 'a.json'], { 'a.json': answers({ answers: {}, useCases, costAssumptions: { pilotToProductionScale: 10 } }) });
    expect(scale.code).toBe(2);
    expect(scale.err).toMatch(/^stratum: a\.json: \$\.costAssumptions\.pilotToProductionScale: not a cost assumption; found: "pilotToProductionScale"/);
  });

  it('exits 2 for other user mistakes: missing file, bad JSON, bad arguments', () => {
    expect(run(['cost', 'nope.json'], {})).toMatchObject({ code: 2, err: 'stratum: nope.json: cannot read the file: no such file' });
    expect(run(['cost', 'x.json'], { 'x.json': '{' }).err).toMatch(/^stratum: x\.json: .*not valid JSON/);
    expect(run(['cost'], {})).toMatchObject({ code: 2, err: 'stratum: cost needs an answers file (or - for standard input)\nRun `stratum cost --help` for usage.' });
    expect(run(['cost', 'a.json', '--format', 'markdown'], {}).err).toMatch(/^stratum: option --format: unknown format "markdown"; allowed: json, text/);
    expect(run(['cost', 'a.json', '--formt', 'text'], {}).err).toMatch(/^stratum: unknown option --formt; did you mean --format\?/);
    expect(parseCostArgs(['a.json', '--format=text'])).toEqual({ ok: true, value: { kind: 'run', file: 'a.json', pack: undefined, format: 'text' } });
  });

  it('has help naming what it reads of each use case and of the organisation, and is listed in the main help', () => {
    const help = run(['cost', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: stratum cost FILE\|- \[--format json\|text\]/);
    for (const id of ['task', 'requestsPerMonthNow', 'requestsPerMonthInProduction', 'monthlyTrainingGpuHours', 'interruptionTolerance', 'sustainedGpuUtilization', 'spareAccelerators', 'existingOnPremCapacity', 'egressTbPerMonth']) {
      expect(help.out).toContain(id);
    }
    expect(help.out).not.toContain('monthlyInferenceRequests');
    expect(run(['help', 'cost'], {}).out).toBe(help.out);
    expect(run(['--help'], {}).out).toMatch(/\n {2}cost FILE\|- +monthly cost of cloud, on-premises and hybrid for the file's use cases/);
  });
});

describe('the built stratum cost command', () => {
  let cli: BuiltCli;
  beforeAll(async () => {
    cli = await buildCli('stratum-cost-cli-');
  }, 60_000);
  afterAll(() => cli.remove());

  it('exits 0 with JSON, and 2 without a stack trace for a bad assumption or nothing to price', () => {
    const ok = cli.run(['cost', 'test/fixtures/workshops/regulated-bank.json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).production.monthly.cloud).toBeGreaterThan(0);
    const bad = cli.run(['cost', '-'], { input: answers({ answers: {}, costAssumptions: { amortizationMonths: 0 } }) });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^stratum: \(stdin\): \$\.costAssumptions\.amortizationMonths: value not allowed for "amortizationMonths"; found: 0; allowed: a whole number between 1 and 120 \(months\)\n$/);
    expect(bad.stderr).not.toMatch(/\bat \w+ \(/);
    const nothing = cli.run(['cost', 'test/fixtures/workshops/unanswered.json']);
    expect(nothing.status).toBe(2);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toBe('stratum: test/fixtures/workshops/unanswered.json: nothing to price: no use case gives a request volume (now or in production) or training hours.\n');
  }, 60_000);
});
