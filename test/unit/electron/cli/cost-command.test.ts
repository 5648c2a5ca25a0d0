// `stratum cost`: the JSON and text reports, standard input, and exit 2 naming the field for bad assumptions.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCostArgs } from '../../../../electron/cli/cost-command';
import { runCli } from '../../../../electron/cli/run-cli';
import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { buildCli, type BuiltCli } from './built-cli';
import { memoryIo } from './memory-io';

const root = path.resolve(__dirname, '../../../..');
const bank = fs.readFileSync(path.join(root, 'test/fixtures/workshops/regulated-bank.json'), 'utf8');
const answers = (body: Record<string, unknown>) => JSON.stringify({ format: 'stratum.answers', version: 1, ...body });

// Hand-computable: 1,000 training hours, 7.3 million requests (730 inference hours at 10,000 per hour), no egress.
const simple = answers({
  title: 'Simple',
  answers: { monthlyTrainingGpuHours: 1000, monthlyInferenceRequests: 7_300_000, sustainedGpuUtilization: 0.5, interruptionTolerance: 'none', egressTbPerMonth: 0 },
  costAssumptions: { monthlyBudget: 10_000 },
});

function run(args: string[], files: Record<string, string>, stdin = '') {
  const io = memoryIo(files, stdin);
  const code = runCli(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

describe('stratum cost', () => {
  it('prints monthly cost, breakdown, breakeven, scale, budget and assumptions as JSON', () => {
    const r = run(['cost', 'simple.json'], { 'simple.json': simple });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.format).toBe('stratum.cost');
    expect(report.input).toEqual({ file: 'simple.json', title: 'Simple' });
    // Cloud: 4 USD × (1,000 + 730) hours.
    expect(report.monthly.cloud).toBe(6920);
    // On-premises: ceil(1,730 / (730 × 0.5)) = 5 accelerators × 30,000 / 36 × 1.6.
    expect(report.monthly['on-premises']).toBeCloseTo((5 * 30_000 * 1.6) / 36, 2);
    expect(Object.keys(report.monthly)).toEqual(['cloud', 'on-premises', 'hybrid']);
    for (const option of ['cloud', 'on-premises', 'hybrid']) {
      expect(Object.keys(report.breakdown[option])).toEqual(['training', 'inference', 'egress', 'overhead']);
    }
    expect(report.breakdown.cloud).toEqual({ training: 4000, inference: 2920, egress: 0, overhead: 0 });
    // Breakeven: k / r = (30,000 × 1.6 / (730 × 36)) / 4.
    expect(report.breakevenUtilization).toBeCloseTo(30_000 * 1.6 / (730 * 36) / 4, 4);
    expect(report.scale.pilot.volumeFactor).toBe(1);
    expect(report.scale.production.volumeFactor).toBe(10);
    expect(report.scale.production.monthly.cloud).toBe(69_200);
    expect(report.budget.monthlyBudget).toBe(10_000);
    expect(report.budget.byOption.cloud.status).toBe('ok');
    expect(report.scale.production.budget.status).toBe('over');
    expect(report.assumptions).toEqual({ ...DEFAULT_COST_ASSUMPTIONS, monthlyBudget: 10_000 });
    expect(report.signals.map((s: { option: string }) => s.option)).toEqual(['cloud', 'on-premises', 'hybrid']);
    expect(report.unknownInputs).toEqual([]);
  });

  it('is byte-identical across runs and reads standard input with -', () => {
    const a = run(['cost', 'bank.json'], { 'bank.json': bank });
    const b = run(['cost', 'bank.json'], { 'bank.json': bank });
    expect(a.out).toBe(b.out);
    const stdin = run(['cost', '-'], {}, bank);
    expect(stdin.code).toBe(0);
    expect(JSON.parse(stdin.out).input.file).toBe('(stdin)');
    expect(JSON.parse(stdin.out).monthly).toEqual(JSON.parse(a.out).monthly);
  });

  it('prints a readable text summary', () => {
    const r = run(['cost', 'simple.json', '--format', 'text'], { 'simple.json': simple });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cost of Simple \(simple\.json\), USD per month/);
    expect(r.out).toMatch(/ {2}Pilot +cloud +on-premises +hybrid/);
    expect(r.out).toMatch(/ {2}total +6,920 +6,667 +/);
    expect(r.out).toContain('Breakeven: owning beats renting above 46% sustained utilization (the fleet runs at 50%).');
    expect(r.out).toMatch(/Budget \(pilot\): 10,000 USD a month; (OK|WARNING) for the cheapest option/);
    expect(r.out).toMatch(/Budget \(production\): .* OVER/);
    expect(r.out).toMatch(/cloudHourlyPrice +4 {2}USD per accelerator-hour/);
    expect(r.out).toMatch(/Owned accelerators: on-premises 5, hybrid 2 at the pilot; \d+ and \d+ at production\./);
  });

  it('lists the unknown inputs and the fallbacks when volumes are missing', () => {
    const r = run(['cost', 'a.json'], { 'a.json': answers({ answers: { monthlyTrainingGpuHours: 100 } }) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.unknownInputs).toEqual(['monthlyInferenceRequests', 'sustainedGpuUtilization', 'interruptionTolerance', 'egressTbPerMonth']);
    expect(report.notes[0]).toBe('monthlyInferenceRequests is unknown; taken as 0.');
  });

  it('exits 2 naming the field for bad assumptions, and prints nothing on stdout', () => {
    const bad = run(['cost', 'a.json'], { 'a.json': answers({ answers: {}, costAssumptions: { spotDiscount: 1.2, cloudHourlyPrice: 'cheap' } }) });
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err.split('\n')).toEqual([
      'stratum: a.json: $.costAssumptions.cloudHourlyPrice: value not allowed for "cloudHourlyPrice"; found: "cheap"; allowed: a number between 0 and 1,000 (USD per accelerator-hour)',
      'stratum: a.json: $.costAssumptions.spotDiscount: value not allowed for "spotDiscount"; found: 1.2; allowed: a number between 0.6 and 0.9 (fraction off the on-demand price)',
    ]);
    const unknown = run(['cost', 'a.json'], { 'a.json': answers({ answers: {}, costAssumptions: { monthlyBudjet: 5 } }) });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/\$\.costAssumptions\.monthlyBudjet: not a cost assumption; .*did you mean "monthlyBudget"\?/);
  });

  it('exits 2 for other user mistakes: missing file, bad JSON, bad arguments', () => {
    expect(run(['cost', 'nope.json'], {})).toMatchObject({ code: 2, err: 'stratum: nope.json: cannot read the file: no such file' });
    expect(run(['cost', 'x.json'], { 'x.json': '{' }).err).toMatch(/^stratum: x\.json: .*not valid JSON/);
    expect(run(['cost'], {})).toMatchObject({ code: 2, err: 'stratum: cost needs an answers file (or - for standard input)\nRun `stratum cost --help` for usage.' });
    expect(run(['cost', 'a.json', '--format', 'markdown'], {}).err).toMatch(/^stratum: option --format: unknown format "markdown"; allowed: json, text/);
    expect(run(['cost', 'a.json', '--formt', 'text'], {}).err).toMatch(/^stratum: unknown option --formt; did you mean --format\?/);
    expect(parseCostArgs(['a.json', '--format=text'])).toEqual({ ok: true, value: { kind: 'run', file: 'a.json', pack: undefined, format: 'text' } });
  });

  it('has help, and is listed in the main help', () => {
    const help = run(['cost', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: stratum cost FILE\|- \[--format json\|text\]/);
    expect(run(['help', 'cost'], {}).out).toBe(help.out);
    expect(run(['--help'], {}).out).toMatch(/\n {2}cost FILE\|- +monthly cost of cloud, on-premises and hybrid/);
  });
});

describe('the built stratum cost command', () => {
  let cli: BuiltCli;
  beforeAll(async () => {
    cli = await buildCli('stratum-cost-cli-');
  }, 60_000);
  afterAll(() => cli.remove());

  it('exits 0 with JSON, and 2 without a stack trace for a bad assumption', () => {
    const ok = cli.run(['cost', 'test/fixtures/workshops/regulated-bank.json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).monthly.cloud).toBeGreaterThan(0);
    const bad = cli.run(['cost', '-'], { input: answers({ answers: {}, costAssumptions: { amortizationMonths: 0 } }) });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^stratum: \(stdin\): \$\.costAssumptions\.amortizationMonths: value not allowed for "amortizationMonths"; found: 0; allowed: a whole number between 1 and 120 \(months\)\n$/);
    expect(bad.stderr).not.toMatch(/\bat \w+ \(/);
  });
});
