// Exported workshop files (stratum.workshop) as input to evaluate and cost: evaluated exactly as the app does,
// told apart from answers files by their "format" field, and refused clearly when unknown or newer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asWorkshop, parseInput, stableUuid } from '../../../../electron/cli/input-file';
import { runCli } from '../../../../electron/cli/run-cli';
import { defaultPack } from '../../../../shared/engine';
import { parseWorkshopFile } from '../../../../shared/records';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { memoryIo } from './memory-io';

const root = path.resolve(__dirname, '../../../..');
const workshopText = fs.readFileSync(path.join(root, 'test/fixtures/records/workshop-bank.json'), 'utf8');
const answersText = fs.readFileSync(path.join(root, 'test/fixtures/workshops/regulated-bank.json'), 'utf8');
const workshopJson = () => JSON.parse(workshopText) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function run(args: string[], files: Record<string, string>) {
  const io = memoryIo(files);
  const code = await runCli(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n'), io };
}

type Ranked = { id: string; recommended: string | null; ranking: Array<{ option: string; score: number }> };
const scores = (decisions: Ranked[]) => decisions.map((d) => ({ id: d.id, recommended: d.recommended, ranking: d.ranking.map((r) => [r.option, Number(r.score.toFixed(4))]) }));

describe('stratum evaluate with a workshop file', () => {
  it('gives the recommendations and scores of evaluateWorkshop, and of the evaluation stored in the file', async () => {
    const r = await run(['evaluate', 'bank.stratum.json'], { 'bank.stratum.json': workshopText });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.input).toEqual({ file: 'bank.stratum.json', title: 'Regional bank: fraud scoring & credit <models>', format: 'stratum.workshop' });
    // As the app: its robustness sample (2000, seed 1), so the whole decision equals the app's.
    expect(report.robustness).toEqual({ samples: 2000, spread: 1, seed: 1 });

    const parsed = parseWorkshopFile(workshopText);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const app = evaluateWorkshop(defaultPack(), parsed.value.state);
    expect(scores(report.decisions)).toEqual(scores(app.evaluation.decisions));
    expect(report.decisions.map((d: { robustness: number | null }) => d.robustness)).toEqual(app.evaluation.decisions.map((d) => (d.robustness === null ? null : Number(d.robustness.toFixed(4)))));
    expect(report.weights).toEqual(Object.fromEntries(app.evaluation.weights.map((w) => [w.criterion, Number(w.weight.toFixed(4))])));
    expect(report.stakeholders.stakeholders.map((s: { name: string }) => s.name)).toEqual(['R. Mensah', 'M. Okafor', 'L. Brandt', 'S. Iyer']);

    const stored = parsed.value.evaluation as unknown as { decisions: Ranked[] };
    expect(scores(report.decisions)).toEqual(scores(stored.decisions));
  });

  it('says which room choices it read ("decided"), and raises the risks of the chosen options', async () => {
    const r = await run(['evaluate', 'w.json'], { 'w.json': workshopText });
    const report = JSON.parse(r.out);
    expect(report.decided).toEqual({ 'ai-sourcing': 'foundation-model-apis' });
    const sourcing = report.decisions.find((d: { id: string }) => d.id === 'ai-sourcing');
    expect(sourcing.recommended).toBe('custom-platform');
    expect(sourcing.risks.map((x: { rule: string }) => x.rule)).toContain('ai-sourcing.apis-with-on-prem-deployment');

    // Choosing cloud over the recommended on-premises is why the cloud strategy applies; --samples evaluates anew, alike.
    const cloud = workshopJson();
    cloud.state.roomChoices = { ...cloud.state.roomChoices, deployment: { option: 'cloud', reason: 'Board mandate.' }, 'ai-sourcing': { option: 'mainframe', reason: 'Not an option.' } };
    for (const args of [[], ['--samples', '300']]) {
      const chosen = JSON.parse((await run(['evaluate', 'w.json', ...args], { 'w.json': JSON.stringify(cloud) })).out);
      expect(Object.keys(chosen)).toEqual(Object.keys(report));
      expect(chosen.decided).toEqual({ deployment: 'cloud' });
      expect(chosen.decisions.find((d: { id: string }) => d.id === 'deployment').recommended).toBe('on-premises');
      expect(chosen.decisions.find((d: { id: string }) => d.id === 'cloud-strategy').applicable).toBe(true);
    }

    const none = workshopJson();
    none.state.roomChoices = {};
    expect(JSON.parse((await run(['evaluate', 'w.json'], { 'w.json': JSON.stringify(none) })).out).decided).toEqual({});
  });

  it('says the room’s choice in text and Markdown, beside the recommendation, and whose risks are listed', async () => {
    const text = (await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': workshopText })).out;
    expect(text).toMatch(/\n {2}Room's choice: foundation-model-apis \(the risks listed are this option's\)\n/);
    expect(text.match(/Room's choice/g)).toHaveLength(1);
    const markdown = (await run(['evaluate', 'w.json', '--format', 'markdown'], { 'w.json': workshopText })).out;
    expect(markdown).toContain("**Room's choice: foundation-model-apis** (the risks listed are this option's).");

    const cloud = workshopJson();
    cloud.state.roomChoices = { deployment: { option: 'cloud', reason: 'Board mandate.' } };
    const chosen = (await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': JSON.stringify(cloud) })).out;
    expect(chosen).toMatch(/\nDeployment: on-premises .*\n {2}Room's choice: cloud \(the risks listed are this option's\)\n/);
    expect(chosen).toMatch(/\nCloud strategy: (single|multi)-cloud /);
  });

  it('prints text and Markdown that say it is a workshop, and honours --samples and --seed without moving the scores', async () => {
    const text = await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': workshopText });
    expect(text.code).toBe(0);
    expect(text.out).toContain('Deployment: on-premises');
    expect(text.out).toMatch(/Weights: cost 3\.08, control 3\.66, compliance 4\.47,/);
    const md = await run(['evaluate', 'w.json', '--format', 'markdown'], { 'w.json': workshopText });
    expect(md.out).toContain('Workshop: `w.json`');
    const sampled = await run(['evaluate', 'w.json', '--samples', '300', '--seed', '4'], { 'w.json': workshopText });
    const base = await run(['evaluate', 'w.json'], { 'w.json': workshopText });
    expect(JSON.parse(sampled.out).robustness).toEqual({ samples: 300, spread: 1, seed: 4 });
    expect(scores(JSON.parse(sampled.out).decisions)).toEqual(scores(JSON.parse(base.out).decisions));
  });

  it('reads a workshop from standard input and notes a pack other than the one it was evaluated with', async () => {
    const io = memoryIo({}, workshopText);
    expect(await runCli(['evaluate', '-'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const other = workshopJson();
    other.pack.version = '0.9.0';
    const noted = await run(['evaluate', 'w.json'], { 'w.json': JSON.stringify(other) });
    expect(noted.code).toBe(0);
    expect(noted.err).toMatch(/^stratum: note: w\.json: This workshop was evaluated with rule pack stratum-default 0\.9\.0 .*results may differ\.$/);
  });

  it('prices a workshop with its own cost assumptions (stratum cost)', async () => {
    const w = workshopJson();
    w.state.costAssumptions = { cloudHourlyPrice: 6 };
    const r = await run(['cost', 'w.json'], { 'w.json': JSON.stringify(w) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.input).toEqual({ file: 'w.json', title: w.workshop.title });
    expect(report.assumptions.cloudHourlyPrice).toBe(6);
    const answers = await run(['cost', 'a.json'], { 'a.json': answersText });
    expect(JSON.parse(answers.out).assumptions.cloudHourlyPrice).toBe(4);
  });

  it('refuses unknown formats, newer versions and bad fields with exit 2, naming file, field, found and allowed', async () => {
    const newer = { ...workshopJson(), version: 2 };
    const badState = workshopJson();
    badState.state.participants[0].involvement = 'boss';
    const unknownAnswer = workshopJson();
    unknownAnswer.state.answers.latency = 5;
    const cases: Array<[string, RegExp]> = [
      [JSON.stringify({ format: 'stratum.diagram', version: 1 }), /^stratum: w\.json: \$\.format: not a file this build of Stratum reads; found: "stratum\.diagram"; allowed: "stratum\.answers" \(version 1\) or "stratum\.workshop" \(version 1\)$/],
      [JSON.stringify({ answers: {} }), /^stratum: w\.json: \$\.format: not a file this build of Stratum reads; found: nothing; allowed: "stratum\.answers"/],
      ['[1, 2]', /^stratum: w\.json: \$: expected a JSON object: a Stratum answers or workshop file; found: \[1,2\]/],
      [JSON.stringify(newer), /^stratum: w\.json: \$\.version: this file is stratum\.workshop version 2, written by a newer Stratum; this build of Stratum reads stratum\.workshop version 1: update Stratum to open it; found: 2; allowed: 1$/],
      [JSON.stringify(badState), /^stratum: w\.json: \$\.state\.participants\[0\]\.involvement: .*decision-maker, consulted, informed/],
      [JSON.stringify(unknownAnswer), /^stratum: w\.json: \$\.state\.answers\.latency: unknown answer id; found: "latency"; .*did you mean "latencyP95Ms"\?$/],
    ];
    for (const [text, expected] of cases) {
      for (const command of ['evaluate', 'cost']) {
        const r = await run([command, 'w.json'], { 'w.json': text });
        expect(r.code, `${command} ${text.slice(0, 60)}`).toBe(2);
        expect(r.out).toBe('');
        expect(r.err.split('\n')[0]).toMatch(expected);
        expect(r.err).not.toMatch(/\n\s+at /);
      }
    }
  });
});

describe('an answers file as a workshop (diagram and export)', () => {
  it('keeps the title, answers, weights and stakeholders, with ids that stay the same', () => {
    const pack = defaultPack();
    const parsed = parseInput(JSON.parse(answersText), 'bank.json', pack);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const now = new Date('2026-02-03T04:05:06Z');
    const view = asWorkshop(parsed.input, now);
    expect(view.derived).toBe(true);
    expect(view.workshop).toMatchObject({ title: 'Regional bank: fraud scoring and credit models', date: '2026-02-03', id: stableUuid('stratum.answers:Regional bank: fraud scoring and credit models') });
    expect(view.workshop.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(asWorkshop(parsed.input, new Date()).workshop.id).toBe(view.workshop.id);
    expect(view.state.participants.map((p) => [p.name, p.involvement])).toEqual([
      ['Room weights', 'decision-maker'],
      ['M. Okafor', 'consulted'],
      ['L. Brandt', 'consulted'],
      ['S. Iyer', 'consulted'],
    ]);
    // A stakeholder's unset criteria take the file's weights, as stratum evaluate reads them.
    expect(view.state.weights[view.state.participants[1]!.id]).toEqual({ cost: 2, control: 5, compliance: 5, agility: 2, performance: 4, operability: 3, flexibility: 2 });
    expect(view.state.answers['latencyP95Ms']).toBe(30);

    const unknown = parseInput({ format: 'stratum.answers', version: 1, answers: { latencyP95Ms: null } }, 'x/untitled.json', pack);
    if (!unknown.ok) throw new Error('does not parse');
    const minimal = asWorkshop(unknown.input, now);
    expect(minimal.workshop.title).toBe('untitled');
    expect(minimal.state.dontKnow).toEqual(['latencyP95Ms']);
    expect(minimal.state.participants).toEqual([]);
  });
});
