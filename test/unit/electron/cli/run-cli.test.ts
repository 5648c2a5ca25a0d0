import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { defaultPack, defaultPackJson, packFingerprint } from '../../../../shared/engine';
import { tinyPackJson } from '../../shared/engine/tiny-pack';
import { northwindRiskPack } from '../../../fixtures/packs/northwind-risk';
import { memoryIo } from './memory-io';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../fixtures/workshops', name), 'utf8');
const bank = fixture('regulated-bank.json');
const bankV1 = fixture('v1/regulated-bank.json');
/** An answers file of this build's format (version 2); `version: 1` in the body writes one of the first. */
const answers = (body: Record<string, unknown>) => JSON.stringify({ format: 'stratum.answers', version: 2, ...body });
const defaultJson = defaultPackJson() as { id: string; packVersion: string; factors: Array<{ id: string; scope?: string; aggregate?: unknown }>; criteria: unknown[]; decisions: unknown[]; rules: unknown[]; expectations: { monotonic: unknown[] } };
/** The questions asked once for the organisation, and those asked of each use case, in pack order. */
const ORGANISATION_FACTORS = defaultJson.factors.filter((f) => f.scope !== 'use-case' && !f.aggregate).map((f) => f.id);
const USE_CASE_FACTORS = defaultJson.factors.filter((f) => f.scope === 'use-case').map((f) => f.id);

type Outcome = { decision: string; option: string | null; source: string };
type ReportUseCase = { id: string; name: string; outcomes: Outcome[]; decisions: Array<{ id: string; recommended: string | null }>; unanswered: string[] };
/** Where each use case lands, decision by decision: { "Card fraud scoring": { sourcing: "custom-platform", … } }. */
const landings = (useCases: ReportUseCase[]) => Object.fromEntries(useCases.map((u) => [u.name, Object.fromEntries(u.outcomes.map((o) => [o.decision, o.option]))]));
/** How each use case is sourced: { "Card fraud scoring": "custom-platform", … } (the rules settle it; the tests read it). */
const sourcingOf = (useCases: ReportUseCase[]) => Object.fromEntries(useCases.map((u) => [u.name, u.outcomes.find((o) => o.decision === 'sourcing')!.option]));
/** The bank evaluated as JSON, for what the text and Markdown reports must say alike. */
const bankReport = () => {
  const io = memoryIo({ 'bank.json': bank });
  runCli(['evaluate', 'bank.json', '--samples', '200'], io);
  return JSON.parse(io.out.join('')) as { useCases: ReportUseCase[] };
};

/**
 * The cells of a text table whose columns start where the header's titles start: each row cut at those offsets
 * (the first cell keeps its indent).
 * A cell that spills into the next column, or a column that starts elsewhere in a row, shows as a wrong cell.
 */
function tableCells(lines: string[], titles: string[]): string[][] {
  const header = lines[0]!;
  const starts = titles.map((t) => header.indexOf(t));
  expect(starts.every((at, i) => at >= 0 && (i === 0 || at > starts[i - 1]!)), `header "${header}" has ${titles.join(', ')} in order`).toBe(true);
  return lines.map((line) => starts.map((at, i) => {
    if (i > 0) expect(line.slice(at - 2, at), `two spaces before column ${titles[i]} in "${line}"`).toBe('  ');
    return line.slice(i === 0 ? 0 : at, starts[i + 1] ?? line.length).trimEnd();
  }));
}

/** The lines of a block of the text report: from its heading line to the next blank line. */
function block(text: string, heading: string | RegExp): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => (typeof heading === 'string' ? l === heading : heading.test(l)));
  expect(at, `a line ${String(heading)}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && l === '');
  return lines.slice(at, end < 0 ? undefined : end);
}

describe('stratum evaluate', () => {
  it('prints JSON with the pack id, version and sha256, the organisation decisions and the use cases', () => {
    const io = memoryIo({ 'bank.json': bank });
    expect(runCli(['evaluate', 'bank.json', '--samples', '500'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const report = JSON.parse(io.out.join(''));
    expect(report.pack).toEqual({ id: 'stratum-default', version: defaultJson.packVersion, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // decisions[] keeps its shape: the organisation's five decisions, as before use cases.
    expect(report.decisions.map((d: { id: string }) => d.id)).toEqual(['deployment', 'cloud-strategy', 'infrastructure-model', 'inference-mode', 'ai-sourcing']);
    const deployment = report.decisions[0];
    for (const key of ['id', 'applicable', 'recommended', 'ranking', 'excluded', 'risks', 'flipPoints', 'robustness', 'unanswered']) expect(deployment).toHaveProperty(key);
    for (const key of ['option', 'score', 'excluded', 'criteria', 'reasons']) expect(deployment.ranking[0]).toHaveProperty(key);
    expect(deployment.recommended).toBe('on-premises');
    // … and says which use case goes where under it.
    expect(deployment.portfolio.from).toEqual(['serving-placement', 'training-placement']);
    expect(deployment.portfolio.useCases.map((r: { name: string }) => r.name)).toEqual(['Card fraud scoring', 'Credit risk models', 'Customer assistant']);
    // useCases[] sits beside decisions[]: each use case, with the ids the file gives (use-case-<n> when it gives none).
    expect(report.useCases.map((u: ReportUseCase) => [u.id, u.name])).toEqual([
      ['use-case-1', 'Card fraud scoring'],
      ['use-case-2', 'Credit risk models'],
      ['use-case-3', 'Customer assistant'],
    ]);
    // Regulated and confidential data held in its own data centres: each served and trained there; the fraud
    // checks and the assistant answer while people wait, the credit models run overnight.
    const sourcing = sourcingOf(report.useCases);
    expect(landings(report.useCases)).toEqual({
      'Card fraud scoring': { sourcing: sourcing['Card fraud scoring'], 'serving-placement': 'on-premises', 'training-placement': 'on-premises', 'serving-mode': 'real-time' },
      'Credit risk models': { sourcing: sourcing['Credit risk models'], 'serving-placement': 'on-premises', 'training-placement': 'on-premises', 'serving-mode': 'batch' },
      'Customer assistant': { sourcing: sourcing['Customer assistant'], 'serving-placement': 'on-premises', 'training-placement': 'on-premises', 'serving-mode': 'real-time' },
    });
    // Fraud scoring on the bank's own tabular records, customised heavily: a platform, managed or its own.
    expect(['managed-ml-platform', 'custom-platform']).toContain(sourcing['Card fraud scoring']);
    // AI sourcing lists each use case with the sourcing it lands on.
    const aiSourcing = report.decisions.find((d: { id: string }) => d.id === 'ai-sourcing');
    expect(Object.fromEntries(aiSourcing.portfolio.useCases.map((r: { name: string; parts: Array<{ option: string }> }) => [r.name, r.parts[0]!.option]))).toEqual(sourcing);
    // Both serving modes among the use cases: inference mode is both.
    expect(report.decisions.find((d: { id: string }) => d.id === 'inference-mode').recommended).toBe('both');
    // The credit models did not say whether they must work offline: that question is theirs; the bank runs them in
    // its own data centre whatever the answer, so it is not one to settle first. (How fast a batch job answers is
    // not asked of it.)
    expect(report.useCases[1].unanswered).toEqual(['latencyP95Ms', 'worksOffline']);
    expect(report.decisions.find((d: { id: string }) => d.id === 'deployment').unanswered).toEqual([expect.objectContaining({ factor: 'worksOffline', useCase: 'use-case-2' })]);
    expect(report.settleFirst).toEqual([]);
    expect(report.unanswered).toEqual(ORGANISATION_FACTORS.filter((f) => !(f in JSON.parse(bank).answers)));
    expect(report.stakeholders.stakeholders).toHaveLength(3);
    expect(report.robustness).toEqual({ samples: 500, spread: 1, seed: 1 });
    // An answers file has no room choices: every decision goes with its recommendation.
    expect(report.decided).toEqual({});
  });

  it('is byte-identical across runs, and the seed is what changes the robustness sample', () => {
    const run = (args: string[]) => {
      const io = memoryIo({ 'bank.json': bank });
      runCli(['evaluate', 'bank.json', '--samples', '300', ...args], io);
      return io.out.join('');
    };
    expect(run([])).toBe(run([]));
    expect(run(['--seed', '9'])).toBe(run(['--seed', '9']));
    expect(JSON.parse(run(['--seed', '9'])).robustness.seed).toBe(9);
  });

  it('reads standard input with -', () => {
    const io = memoryIo({}, answers({ answers: {}, useCases: [{ id: 'vault', name: 'Vault search', answers: { dataResidency: 'sovereign' } }] }));
    expect(runCli(['evaluate', '-', '--samples', '100'], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.input.file).toBe('(stdin)');
    expect(report.useCases.map((u: ReportUseCase) => [u.id, u.name])).toEqual([['vault', 'Vault search']]);
  });

  it('still evaluates a version 1 answers file: its answers about the workload become one use case named for the file', () => {
    const io = memoryIo({ 'old.json': bankV1 });
    expect(runCli(['evaluate', 'old.json', '--samples', '300'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const report = JSON.parse(io.out.join(''));
    expect(report.input).toEqual({ file: 'old.json', title: 'Regional bank: fraud scoring and credit models', format: 'stratum.answers' });
    // As version 1 recommended for this bank: on-premises, hub and spoke, a platform of its own or managed.
    expect(report.decisions.map((d: { id: string; recommended: string | null }) => [d.id, d.recommended])).toEqual([
      ['deployment', 'on-premises'],
      ['cloud-strategy', null],
      ['infrastructure-model', 'hub-and-spoke'],
      ['inference-mode', 'real-time'],
      ['ai-sourcing', expect.stringMatching(/^(managed-ml|custom)-platform$/)],
    ]);
    expect(landings(report.useCases)).toEqual({
      'Regional bank: fraud scoring and credit models: all AI use cases': { sourcing: expect.any(String), 'serving-placement': 'on-premises', 'training-placement': 'on-premises', 'serving-mode': 'real-time' },
    });

    // Exactly what the same bank written as version 2 by hand gives: the workload's answers in one use case,
    // the inference volume as today's, production at 10× it (what version 1 assumed), "some" interactive use as interactive.
    const v1 = JSON.parse(bankV1);
    const moved = ['dataSensitivity', 'dataResidency', 'latencyP95Ms', 'customizationNeed', 'monthlyTrainingGpuHours', 'interruptionTolerance'];
    const organisation = Object.fromEntries(Object.entries(v1.answers as Record<string, unknown>).filter(([k]) => !moved.includes(k) && !['monthlyInferenceRequests', 'interactiveUseCases', 'dataFreshness'].includes(k)));
    const useCase = {
      ...Object.fromEntries(moved.map((k) => [k, v1.answers[k]])),
      requestsPerMonthNow: v1.answers.monthlyInferenceRequests,
      requestsPerMonthInProduction: v1.answers.monthlyInferenceRequests * 10,
      usage: 'interactive',
    };
    const v2 = answers({ title: v1.title, answers: organisation, useCases: [{ name: `${v1.title}: all AI use cases`, answers: useCase }], weights: v1.weights, stakeholders: v1.stakeholders });
    const byHand = memoryIo({ 'old.json': v2 });
    expect(runCli(['evaluate', 'old.json', '--samples', '300'], byHand)).toBe(0);
    expect(io.out.join('')).toBe(byHand.out.join(''));
  });

  it('prints a text report that lists each use case in an aligned table with where it lands', () => {
    const io = memoryIo({ 'bank.json': bank });
    expect(runCli(['evaluate', 'bank.json', '--format', 'text', '--samples', '200'], io)).toBe(0);
    const text = io.out.join('\n');
    const decisions = ['sourcing', 'serving-placement', 'training-placement', 'serving-mode'];
    const sourcing = sourcingOf(bankReport().useCases);
    const table = block(text, 'Use cases, where each one lands:').slice(1);
    expect(tableCells(table, ['Use case', ...decisions])).toEqual([
      ['  Use case', ...decisions],
      ['  Card fraud scoring', sourcing['Card fraud scoring'], 'on-premises', 'on-premises', 'real-time'],
      ['  Credit risk models', sourcing['Credit risk models'], 'on-premises', 'on-premises', 'batch'],
      ['  Customer assistant', sourcing['Customer assistant'], 'on-premises', 'on-premises', 'real-time'],
    ]);
    // Each organisation decision drawn from the use cases shows them, aligned the same way.
    const mode = block(text, /^Inference mode: both /);
    const byUseCase = mode.slice(mode.indexOf('  By use case:') + 1, mode.indexOf('  By use case:') + 5);
    expect(tableCells(byUseCase, ['Use case', 'serving-mode'])).toEqual([
      ['    Use case', 'serving-mode'],
      ['    Card fraud scoring', 'real-time'],
      ['    Credit risk models', 'batch'],
      ['    Customer assistant', 'real-time'],
    ]);
    // Why batch is out, and whose answer it was.
    expect(mode).toContain('  ✗ batch: Card fraud scoring: It answers people or systems while they wait: a scheduled batch cannot answer a request made after its run. [serving-mode.interactive-use-needs-online-serving]');
    // An open question of one use case names it, once; the settle-first list says whose it is.
    expect(block(text, /^Deployment: on-premises /)).toContain('  Unanswered, would have mattered: worksOffline (Credit risk models)');
    // A first session's open questions, each named with its use case and what it could change.
    const first = memoryIo({ 'u.json': fixture('unanswered.json') });
    expect(runCli(['evaluate', 'u.json', '--format', 'text', '--samples', '100'], first)).toBe(0);
    expect(first.out.join('\n')).toMatch(/\nSettle first \(unanswered, could change a recommendation\):\n {2}dataResidency \(First idea\): Where must its data stay\? \(serving-placement → on-premises/);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]|null/);
  });

  it('lists the answers that disagree, whose they are and what to ask, in text, Markdown and JSON', () => {
    const contradictory = answers({
      answers: { workloadPattern: 'bursty', sustainedGpuUtilization: 0.95 },
      useCases: [{ name: 'Nightly scoring', answers: { task: 'tabular-prediction', usage: 'batch', latencyP95Ms: 5 } }],
    });
    const io = memoryIo({ 'c.json': contradictory });
    expect(runCli(['evaluate', 'c.json', '--format', 'text', '--samples', '100'], io)).toBe(0);
    const lines = block(io.out.join('\n'), 'Answers that disagree:');
    expect(lines[1]).toMatch(/^ {2}Demand is bursty, yet owned accelerators would be busy 80% of the time or more\. Ask: Which holds\? .* \[bursty-demand-at-high-utilization\]$/);
    expect(lines[2]).toMatch(/^ {2}Nightly scoring: It is used in scheduled batches, yet it has a response time target under a minute\. Ask: /);
    const md = memoryIo({ 'c.json': contradictory });
    expect(runCli(['evaluate', 'c.json', '--format', 'markdown', '--samples', '100'], md)).toBe(0);
    expect(md.out.join('\n')).toContain('## Answers that disagree\n\n- Demand is bursty,');
    const json = memoryIo({ 'c.json': contradictory });
    expect(runCli(['evaluate', 'c.json', '--samples', '100'], json)).toBe(0);
    expect(JSON.parse(json.out.join('')).consistency.map((c: { check: string }) => c.check)).toEqual(['bursty-demand-at-high-utilization', 'scheduled-use-with-a-latency-target']);
  });

  it('raises the budget overrun as a risk of the deployment, priced as the Cost step prices it', () => {
    const overBudget = JSON.stringify({ ...JSON.parse(bank), costAssumptions: { monthlyBudget: 1_000 } });
    const io = memoryIo({ 'b.json': overBudget });
    expect(runCli(['evaluate', 'b.json', '--samples', '100'], io)).toBe(0);
    const deployment = JSON.parse(io.out.join('')).decisions.find((d: { id: string }) => d.id === 'deployment');
    expect(deployment.risks[0]).toMatchObject({ rule: 'cost-model.over-budget', severity: 'high', message: expect.stringMatching(/^At production volume On-premises costs [\d,]+ USD a month, [\d.]+ times the monthly budget of 1,000 USD\.$/) });
    const within = memoryIo({ 'b.json': bank });
    expect(runCli(['evaluate', 'b.json', '--samples', '100'], within)).toBe(0);
    expect(JSON.parse(within.out.join('')).decisions.find((d: { id: string }) => d.id === 'deployment').risks.some((r: { rule: string }) => r.rule === 'cost-model.over-budget')).toBe(false);
  });

  it('names each open question once, and an organisation question without a use case', () => {
    // The factory's placements read lockInConcern (asked once, of the organisation) for both use cases.
    const io = memoryIo({ 'f.json': fixture('factory-vision.json') });
    expect(runCli(['evaluate', 'f.json', '--format', 'text', '--samples', '100'], io)).toBe(0);
    const deployment = block(io.out.join('\n'), /^Deployment: hybrid /);
    const open = deployment.find((l) => l.startsWith('  Unanswered, would have mattered: '))!;
    const questions = open.replace('  Unanswered, would have mattered: ', '').split(', ');
    expect(questions).toContain('lockInConcern');
    expect(new Set(questions).size).toBe(questions.length);
    expect(open).not.toMatch(/Visual inspection|Predictive maintenance/);
    // The edge use case and the one on a vendor's solution, side by side.
    expect(tableCells(deployment.slice(deployment.indexOf('  By use case:') + 1, deployment.indexOf('  By use case:') + 4), ['Use case', 'serving-placement', 'training-placement'])).toEqual([
      ['    Use case', 'serving-placement', 'training-placement'],
      ['    Visual inspection', 'edge', 'cloud'],
      ['    Predictive maintenance', 'cloud', '—'],
    ]);
  });

  it('prints a Markdown report with the use cases as tables', () => {
    const io = memoryIo({ 'bank.json': bank });
    expect(runCli(['evaluate', 'bank.json', '--format=markdown', '--samples', '200'], io)).toBe(0);
    const md = io.out.join('\n');
    const sourcing = sourcingOf(bankReport().useCases);
    expect(md).toMatch(/^# Stratum evaluation: Regional bank: fraud scoring, credit models and a customer assistant\n/);
    expect(md).toContain('| Rank | Option | Score | Excluded |');
    expect(md).toContain(
      [
        '## Use cases',
        '',
        "Where each use case lands once the organisation's decisions are settled.",
        '',
        '| Use case | sourcing | serving-placement | training-placement | serving-mode |',
        '|---|---|---|---|---|',
        `| Card fraud scoring | ${sourcing['Card fraud scoring']} | on-premises | on-premises | real-time |`,
        `| Credit risk models | ${sourcing['Credit risk models']} | on-premises | on-premises | batch |`,
        `| Customer assistant | ${sourcing['Customer assistant']} | on-premises | on-premises | real-time |`,
      ].join('\n'),
    );
    expect(md).toContain('### By use case\n\n| Use case | serving-placement | training-placement |\n|---|---|---|\n| Card fraud scoring | on-premises | on-premises |');
    expect(md).toContain('- `worksOffline` (Credit risk models): Must it keep working when the network link is down?');
    expect(md).not.toMatch(/undefined|NaN|\[object Object\]|null/);
  });

  it('uses another pack with --pack, and refuses use cases for a pack that asks nothing per use case', () => {
    const tiny = JSON.stringify(tinyPackJson());
    const io = memoryIo({ 'tiny.json': tiny, 'a.json': answers({ version: 1, answers: { sensitivity: 'high' }, weights: { cost: 1, control: 3 } }) });
    expect(runCli(['evaluate', 'a.json', '--pack', 'tiny.json', '--samples', '50'], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.pack.id).toBe('tiny');
    expect(report.decisions[0].recommended).toBe('c');
    expect(report.useCases).toEqual([]);
    const refused = memoryIo({ 'tiny.json': tiny, 'a.json': answers({ answers: { sensitivity: 'high' }, useCases: [{ name: 'One', answers: {} }] }) });
    expect(runCli(['evaluate', 'a.json', '--pack', 'tiny.json'], refused)).toBe(2);
    expect(refused.err).toEqual(['stratum: a.json: $.useCases: rule pack tiny asks nothing per use case (pack format 1): give it one set of answers, or use a pack of format 2; found: 1 use cases; allowed: no useCases with this pack']);
  });

  it('refuses bad answers with exit 2, one line per problem naming file, path, found and allowed', () => {
    const io = memoryIo({ 'bad.json': answers({ answers: {}, useCases: [{ name: 'Fraud', answers: { dataSensitivty: 'regulated', dataResidency: 'mars' } }], weights: { cost: 9 } }) });
    expect(runCli(['evaluate', 'bad.json'], io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual([
      'stratum: bad.json: $.weights.cost: out of range; found: 9; allowed: a number at most 5',
      `stratum: bad.json: $.useCases[0].answers.dataSensitivty: unknown answer id; found: "dataSensitivty"; allowed: one of ${USE_CASE_FACTORS.join(', ')}; did you mean "dataSensitivity"?`,
      'stratum: bad.json: $.useCases[0].answers.dataResidency: value not allowed for "dataResidency"; found: "mars"; allowed: one of none, regional, in-country, sovereign (or null for unknown)',
    ]);
    // A version 1 file's problems are named where that file has them, not where its answers moved to.
    const old = memoryIo({ 'old.json': answers({ version: 1, answers: { dataResidency: 'mars', interactiveUseCases: 'most' } }) });
    expect(runCli(['evaluate', 'old.json'], old)).toBe(2);
    expect(old.err).toEqual(['stratum: old.json: $.answers.dataResidency: value not allowed for "dataResidency"; found: "mars"; allowed: one of none, regional, in-country, sovereign (or null for unknown)']);
    expect(io.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('refuses an answer given at the wrong level with exit 2, naming the file, the path and what is allowed there', () => {
    const io = memoryIo({ 'w.json': answers({ answers: { task: 'vision', opsExpertise: 'low' }, useCases: [{ name: 'Inspection', answers: { latencyP95Ms: 8, airGapped: true } }] }) });
    expect(runCli(['evaluate', 'w.json'], io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual([
      `stratum: w.json: $.answers.task: asked of each use case: put it in a use case's answers (useCases[].answers); found: "task"; allowed: one of ${ORGANISATION_FACTORS.join(', ')}`,
      `stratum: w.json: $.useCases[0].answers.airGapped: asked once for the organisation: put it in the top-level answers; found: "airGapped"; allowed: one of ${USE_CASE_FACTORS.join(', ')}`,
    ]);
    // Nothing is evaluated, priced or drawn from such a file either.
    for (const argv of [['cost', 'w.json'], ['diagram', 'w.json', '--out', '-', '--format', 'mermaid']]) {
      const other = memoryIo({ 'w.json': io.readFile('w.json') });
      expect(runCli(argv, other), argv[0]).toBe(2);
      expect(other.err[0]).toMatch(/^stratum: w\.json: \$\.answers\.task: asked of each use case/);
    }
  });

  it('refuses unreadable files, invalid JSON, other formats and newer versions with exit 2', () => {
    const cases: Array<[Record<string, string>, string[], RegExp]> = [
      [{}, ['evaluate', 'missing.json'], /^stratum: missing\.json: cannot read the file: no such file$/],
      [{ 'x.json': '{\n  "format": "stratum.answers",\n  "answers": { "a": 1, }\n}' }, ['evaluate', 'x.json'], /^stratum: x\.json: line 3, column \d+: not valid JSON/],
      [{ 'x.json': '' }, ['evaluate', 'x.json'], /^stratum: x\.json: the file is empty/],
      [{ 'x.json': answers({ version: 3, answers: {} }) }, ['evaluate', 'x.json'], /\$\.version: this file is stratum\.answers version 3, newer than this build of Stratum reads; update Stratum; found: 3; allowed: 1 or 2$/],
      [{ 'x.json': answers({ answers: {}, useCases: [{ name: 'A', answers: {} }, { id: 'b', name: 'B', answers: {} }, { id: 'b', name: 'C', answers: {} }] }) }, ['evaluate', 'x.json'], /\$\.useCases\[2\]\.id: duplicate use case id \(first used at index 1\); found: "b"/],
      [{ 'x.json': JSON.stringify(defaultPackJson()) }, ['evaluate', 'x.json'], /\$\.format: this is not a Stratum answers file \(this is a rule pack: pass it with --pack\)/],
      [{ 'x.json': answers({ answers: {} }), 'p.json': '{"format":"stratum.pack","version":1}' }, ['evaluate', 'x.json', '--pack', 'p.json'], /^stratum: p\.json: \$\.id: required field is missing/],
    ];
    for (const [files, argv, expected] of cases) {
      const io = memoryIo(files);
      expect(runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err[0]).toMatch(expected);
    }
  });
});

describe('stratum pack validate', () => {
  it('accepts the default pack and says what it checked', () => {
    const io = memoryIo({ 'default.json': JSON.stringify(defaultPackJson()) });
    expect(runCli(['pack', 'validate', 'default.json'], io)).toBe(0);
    expect(io.out[0]).toBe(
      `default.json: pack stratum-default ${defaultJson.packVersion} is valid: ${defaultJson.factors.length} factors, ${defaultJson.criteria.length} criteria, ${defaultJson.decisions.length} decisions, ${defaultJson.rules.length} rules, 7 consistency checks; ` +
        `${defaultJson.expectations.monotonic.length} monotonic expectations hold over 300 seeded workshops each; sha256 ${packFingerprint(defaultPack().pack)}`,
    );
  });

  it('refuses every kind of pack error with exit 2 and a line per problem', () => {
    const pack = tinyPackJson() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    pack.rules[0].when = { factor: 'sensitivty', op: 'eq', value: 'high' };
    pack.rules[1].effects[0].option = 'cc';
    const io = memoryIo({ 'p.json': JSON.stringify(pack) });
    expect(runCli(['pack', 'validate', 'p.json'], io)).toBe(2);
    expect(io.err).toEqual([
      'stratum: p.json: $.rules[0].when.factor: unknown factor; found: "sensitivty"; allowed: one of sensitivity, users, legacy; did you mean "sensitivity"?',
      'stratum: p.json: $.rules[1].effects[0].option: unknown option of decision "where"; found: "cc"; allowed: one of a, b, c; did you mean "c"?',
    ]);
  });

  it('refuses each class of pack error through the command line, one line naming path, found and allowed', () => {
    type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cases: Array<[(p: Json) => void, RegExp]> = [
      [(p) => (p.rules[1].id = p.rules[0].id), /\$\.rules\[1\]\.id: duplicate rule id \(first used at index 0\); found: "sensitive-needs-control"/],
      [(p) => (p.rules[0].when = { factor: 'users', op: 'gt', value: 'many' }), /\$\.rules\[0\]\.when\.value: value outside factor "users"; found: "many"; allowed: a whole number at least 0/],
      [(p) => (p.rules[0].when = { factor: 'sensitivity', op: 'eq', value: 'secret' }), /\$\.rules\[0\]\.when\.value: value outside factor "sensitivity"; found: "secret"; allowed: one of low, high/],
      [(p) => (p.rules[0].effects[0].criterion = 'speed'), /\$\.rules\[0\]\.effects\[0\]\.criterion: unknown criterion; found: "speed"; allowed: one of cost, control/],
      [(p) => (p.rules[0].effects[0].by = -2), /\$\.rules\[0\]\.effects\[0\]\.by: out of range; found: -2; allowed: a number at least -1/],
      [(p) => (p.version = 7), /\$\.version: this pack is written in pack format version 7, newer than this build of Stratum reads/],
    ];
    for (const [mutate, expected] of cases) {
      const pack = tinyPackJson() as Json;
      mutate(pack);
      const io = memoryIo({ 'p.json': JSON.stringify(pack) });
      expect(runCli(['pack', 'validate', 'p.json'], io)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(/^stratum: p\.json: \$/);
      expect(io.err[0]).toMatch(expected);
    }
  });

  it('refuses a pack whose declared monotonic expectation does not hold, with a counter-example', () => {
    const pack = tinyPackJson() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    pack.rules[0].effects.push({ type: 'adjust', decision: 'where', option: 'a', criterion: 'cost', by: 0.5 });
    const io = memoryIo({ 'p.json': JSON.stringify(pack) });
    expect(runCli(['pack', 'validate', 'p.json'], io)).toBe(2);
    expect(io.err[0]).toMatch(/^stratum: p\.json: \$\.expectations\.monotonic\[0\]: monotonic expectation "sensitivity-never-favours-a" does not hold: raising from "low" to "high", a − c rose/);
  });

  it('reports as JSON with --format json', () => {
    const io = memoryIo({ 'p.json': JSON.stringify(tinyPackJson()) });
    expect(runCli(['pack', 'validate', 'p.json', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ valid: true, pack: { id: 'tiny', version: '0.1.0' }, issues: [] });
  });

  it('prints the default pack', () => {
    const io = memoryIo({});
    expect(runCli(['pack', 'default'], io)).toBe(0);
    expect(JSON.parse(io.out.join(''))).toEqual(defaultPackJson());
  });
});

describe('stratum pack compare', () => {
  const teamPack = () => JSON.stringify(northwindRiskPack());

  it('says what a team pack changes against the built-in one, section by section', () => {
    const io = memoryIo({ 'team.json': teamPack() });
    expect(runCli(['pack', 'compare', 'team.json'], io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(io.out.join('\n').split('\n')).toEqual([
      `northwind-risk 1.0.0 ("Northwind risk function") against stratum-default ${defaultJson.packVersion} ("${defaultPack().pack.title}"):`,
      'Default weights (1):',
      '  ~ Compliance: 4 → 5',
      'Rules added (1):',
      '  + regulator.no-public-region: Our regulator does not allow regulated data in a public cloud region.',
      'Rules changed (1):',
      '  ~ serving-placement.tight-latency-favours-local-serving: condition; latencyP95Ms < 20 → < 10',
      'Exclusions added (1):',
      '  + serving-placement: cloud, by regulator.no-public-region: The regulator does not allow regulated data in a public cloud region.',
      'Risks added (1):',
      '  + High on serving-placement, by regulator.no-public-region: Regulated data must stay out of public regions.',
    ]);
  });

  it('names a baseline score, a question and a consistency check whose meaning changed', () => {
    const p = structuredClone(defaultPack().pack);
    p.id = 'northwind-risk';
    p.title = 'Northwind risk function';
    p.packVersion = '1.0.0';
    const single = p.decisions.find((d) => d.id === 'cloud-strategy')!.options.find((o) => o.id === 'single-cloud')!;
    const before = single.baseline!.cost;
    single.baseline = { ...single.baseline!, cost: 0.1 };
    (p.factors.find((f) => f.id === 'egressTbPerMonth') as { min?: number }).min = 1;
    p.checks![0]!.when = { not: p.checks![0]!.when };
    const io = memoryIo({ 'team.json': JSON.stringify(p) });
    expect(runCli(['pack', 'compare', 'team.json'], io)).toBe(0);
    expect(io.out.join('\n').split('\n').slice(1)).toEqual([
      'Baseline scores (1):',
      `  ~ cloud-strategy: single-cloud on cost: ${before} → 0.1`,
      'Questions changed (1):',
      '  ~ egressTbPerMonth: min',
      'Consistency checks changed (1):',
      `  ~ ${p.checks![0]!.id}: when`,
    ]);
  });

  it('compares against another pack with --against, says when nothing differs, and prints JSON with --format json', () => {
    const io = memoryIo({ 'team.json': teamPack(), 'same.json': teamPack() });
    expect(runCli(['pack', 'compare', 'team.json', '--against', 'same.json'], io)).toBe(0);
    expect(io.out.join('')).toBe(
      'northwind-risk 1.0.0 ("Northwind risk function") against northwind-risk 1.0.0 ("Northwind risk function"): the two evaluate alike; they differ at most in wording, typical use cases, question groups or expectations.',
    );
    const json = memoryIo({ 'team.json': teamPack() });
    expect(runCli(['pack', 'compare', 'team.json', '--format', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out.join(''))).toMatchObject({ same: false, other: { id: 'northwind-risk', version: '1.0.0' }, rules: { added: [{ id: 'regulator.no-public-region' }] } });
  });

  it('refuses a pack that does not load, with the lines validate prints, and a missing file or option by name', () => {
    const broken = JSON.parse(teamPack());
    broken.rules.at(-1).effects[0].option = 'the-cloud';
    const io = memoryIo({ 'team.json': JSON.stringify(broken) });
    expect(runCli(['pack', 'compare', 'team.json'], io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^stratum: team\.json: \$\.rules\[\d+\]\.effects\[0\]\.option: unknown option of decision "serving-placement"; found: "the-cloud"/);
    const missing = memoryIo({ 'team.json': teamPack() });
    expect(runCli(['pack', 'compare', 'team.json', '--against', 'nowhere.json'], missing)).toBe(2);
    expect(missing.err[0]).toMatch(/nowhere\.json/);
    const twoFiles = memoryIo({});
    expect(runCli(['pack', 'compare', 'a.json', 'b.json'], twoFiles)).toBe(2);
    expect(twoFiles.err[0]).toBe('stratum: pack compare needs one pack file');
  });
});

describe('command line', () => {
  it('shows help for the command and for each subcommand', () => {
    for (const [argv, expected] of [
      [['--help'], /^Usage: stratum COMMAND/],
      [[], /^Usage: stratum COMMAND/],
      [['evaluate', '--help'], /^Usage: stratum evaluate FILE\|-/],
      [['pack', '--help'], /^Usage: stratum pack validate FILE/],
      [['pack', 'validate', '-h'], /^Usage: stratum pack validate FILE/],
      [['help', 'evaluate'], /^Usage: stratum evaluate/],
    ] as const) {
      const io = memoryIo({});
      expect(runCli(argv, io)).toBe(0);
      expect(io.out[0]).toMatch(expected);
    }
    const io = memoryIo({});
    expect(runCli(['--version'], io)).toBe(0);
    expect(io.out[0]).toMatch(/^stratum \d+\.\d+\.\d+$/);
  });

  it('shows an answers file of this version in the evaluate help, and that file evaluates', () => {
    const help = memoryIo({});
    expect(runCli(['evaluate', '--help'], help)).toBe(0);
    const text = help.out.join('\n');
    const example = /\nAnswers file \(version 2\):\n([\s\S]*?)\n {2}"answers" holds/.exec(text)?.[1];
    expect(example, 'the example in stratum evaluate --help').toBeDefined();
    const file = JSON.parse(example!);
    expect(file).toMatchObject({ format: 'stratum.answers', version: 2 });
    const io = memoryIo({ 'example.json': example! });
    expect(runCli(['evaluate', 'example.json', '--format', 'text', '--samples', '50'], io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(io.out.join('\n')).toMatch(/\nUse cases, where each one lands:\n {2}Use case +sourcing .*\n {2}Fraud scoring {2}/);
  });

  it('refuses unknown commands and options with a suggestion and exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['evalute', 'x.json'], /^stratum: unknown command "evalute"; allowed: evaluate, pack, [^;]+; did you mean "evaluate"\?$/],
      [['evaluate', 'x.json', '--formt', 'text'], /^stratum: unknown option --formt; did you mean --format\?/],
      [['evaluate', 'x.json', '--format', 'yaml'], /^stratum: option --format: unknown format "yaml"; allowed: json, text, markdown/],
      [['evaluate'], /^stratum: evaluate needs an answers file/],
      [['evaluate', 'a.json', 'b.json'], /^stratum: evaluate takes one answers or workshop file; found 2/],
      [['evaluate', 'x.json', '--samples', 'many'], /^stratum: option --samples must be a whole number; found "many"; allowed: 1 to 10000000/],
      [['evaluate', 'x.json', '--samples', '0'], /^stratum: option --samples is out of range; found 0/],
      [['evaluate', 'x.json', '--pack'], /^stratum: option --pack needs a value/],
      [['pack', 'valdate', 'p.json'], /^stratum: unknown pack command "valdate"; allowed: validate, compare, default; did you mean "validate"\?/],
    ];
    for (const [argv, expected] of cases) {
      const io = memoryIo({});
      expect(runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err[0]).toMatch(expected);
      expect(io.err[1]).toMatch(/^Run `stratum .*--help` for usage\.$/);
    }
  });
});
