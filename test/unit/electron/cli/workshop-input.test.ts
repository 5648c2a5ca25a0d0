// Exported workshop files (stratum.workshop) as input to evaluate and cost: evaluated exactly as the app does,
// use cases and their own room choices included; version 1 files (before use cases) still read; told apart from
// answers files by their "format" field, and refused clearly when unknown or newer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asWorkshop, parseInput, stableUuid } from '../../../../electron/cli/input-file';
import { runCli } from '../../../../electron/cli/run-cli';
import { defaultPack, loadPack, packFingerprint } from '../../../../shared/engine';
import { buildRecordsInput, parseWorkshopFile, workshopToJson } from '../../../../shared/records';
import { northwindRiskPack, REGULATOR_RULE } from '../../../fixtures/packs/northwind-risk';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { BANK_ANSWERS_FIXTURE, BANK_USE_CASES, bankWorkshop, bankWorkshopText, root } from './bank-workshop';
import { memoryIo } from './memory-io';

const workshopText = bankWorkshopText();
const answersText = fs.readFileSync(path.join(root, BANK_ANSWERS_FIXTURE), 'utf8');
const v1AnswersText = fs.readFileSync(path.join(root, 'test/fixtures/workshops/v1/regulated-bank.json'), 'utf8');

async function run(args: string[], files: Record<string, string>) {
  const io = memoryIo(files);
  const code = await runCli(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n'), io };
}

type Ranked = { id: string; recommended: string | null; ranking: Array<{ option: string; score: number }> };
const scores = (decisions: Ranked[]) => decisions.map((d) => ({ id: d.id, recommended: d.recommended, ranking: d.ranking.map((r) => [r.option, Number(r.score.toFixed(4))]) }));
type Landing = { id: string; name: string; outcomes: Array<{ decision: string; option: string | null; source: string }> };
const landings = (useCases: Landing[]) => useCases.map((u) => ({ id: u.id, name: u.name, outcomes: u.outcomes.map((o) => [o.decision, o.option, o.source]) }));

/** A version 1 workshop file (pack 1.x, no use cases): the bank as Stratum 0.1 exported it. */
function version1Workshop(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const file = bankWorkshop();
  delete file.state.useCases;
  delete file.evaluation;
  file.version = 1;
  file.pack = { id: 'stratum-default', version: '1.0.1', sha256: 'a'.repeat(64) };
  file.state.answers = { ...file.state.answers, dataSensitivity: 'regulated', dataResidency: 'in-country', latencyP95Ms: 30, interactiveUseCases: 'some', monthlyInferenceRequests: 90_000_000, monthlyTrainingGpuHours: 12_000, customizationNeed: 'high' };
  return file;
}

describe('stratum evaluate with a workshop file', () => {
  it('gives the recommendations, scores and use cases of evaluateWorkshop, and of the evaluation stored in the file', async () => {
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
    // The use cases under the ids the workshop gave them, landing where the app lands them.
    expect(landings(report.useCases)).toEqual(landings(app.evaluation.useCases));
    expect(report.useCases.map((u: Landing) => [u.id, u.name])).toEqual([
      [BANK_USE_CASES.fraud, 'Card fraud scoring'],
      [BANK_USE_CASES.credit, 'Credit risk models'],
      [BANK_USE_CASES.assistant, 'Customer assistant'],
    ]);
    for (const d of report.decisions) for (const s of [...(d.unanswered as Array<{ useCase?: string }>)]) if (s.useCase) expect(Object.values(BANK_USE_CASES)).toContain(s.useCase);

    const stored = parsed.value.evaluation as unknown as { decisions: Ranked[]; useCases: Landing[] };
    expect(scores(report.decisions)).toEqual(scores(stored.decisions));
    expect(landings(report.useCases)).toEqual(landings(stored.useCases));
  });

  it('says which room choices it read ("decided"), follows them, and raises the risks of the chosen options', async () => {
    const r = await run(['evaluate', 'w.json'], { 'w.json': workshopText });
    const report = JSON.parse(r.out);
    expect(report.decided).toEqual({ 'ai-sourcing': 'foundation-model-apis' });
    const sourcing = report.decisions.find((d: { id: string }) => d.id === 'ai-sourcing');
    // The room went against the recommendation: the risks listed are those of its own option.
    expect(sourcing.recommended).not.toBe('foundation-model-apis');
    // The room's hosted APIs with an estate the engine keeps on-premises: that option's risk is the one listed.
    expect(sourcing.risks.map((x: { rule: string }) => x.rule)).toContain('ai-sourcing.apis-without-the-cloud-risk');

    // Choosing cloud over the recommended on-premises is why the cloud strategy applies, and moves the use cases
    // to the cloud; --samples evaluates anew, alike. A choice of an option the pack does not have is left out.
    const cloud = bankWorkshop((state) => {
      state.roomChoices = { deployment: { option: 'cloud', reason: 'Board mandate.' }, 'ai-sourcing': { option: 'mainframe', reason: 'Not an option.' } };
    });
    for (const args of [[], ['--samples', '300']]) {
      const chosen = JSON.parse((await run(['evaluate', 'w.json', ...args], { 'w.json': JSON.stringify(cloud) })).out);
      expect(Object.keys(chosen)).toEqual(Object.keys(report));
      expect(chosen.decided).toEqual({ deployment: 'cloud' });
      expect(chosen.decisions.find((d: { id: string }) => d.id === 'deployment').recommended).not.toBe('cloud');
      expect(chosen.decisions.find((d: { id: string }) => d.id === 'cloud-strategy').applicable).toBe(true);
      const placed = chosen.useCases.map((u: Landing) => u.outcomes.find((o) => o.decision === 'serving-placement'));
      expect(placed).toEqual([
        { decision: 'serving-placement', option: 'cloud', source: 'roadmap' },
        { decision: 'serving-placement', option: 'cloud', source: 'roadmap' },
        { decision: 'serving-placement', option: 'cloud', source: 'roadmap' },
      ]);
    }

    const none = bankWorkshop((state) => (state.roomChoices = {}));
    expect(JSON.parse((await run(['evaluate', 'w.json'], { 'w.json': JSON.stringify(none) })).out).decided).toEqual({});
  });

  it("follows a use case's own room choice, and says so in text and Markdown", async () => {
    const file = bankWorkshop((state) => {
      state.useCases[2]!.roomChoices = { sourcing: { option: 'foundation-model-apis', reason: 'A hosted model answers customers sooner.' } };
    });
    const report = JSON.parse((await run(['evaluate', 'w.json'], { 'w.json': JSON.stringify(file) })).out);
    const assistant = report.useCases.find((u: Landing) => u.id === BANK_USE_CASES.assistant);
    expect(assistant.outcomes).toEqual([
      { decision: 'sourcing', option: 'foundation-model-apis', source: 'room' },
      // A provider's API is served where the provider runs it, and trains nothing of the room's.
      { decision: 'serving-placement', option: 'cloud', source: 'implied' },
      { decision: 'training-placement', option: null, source: 'none' },
      { decision: 'serving-mode', option: 'real-time', source: 'own' },
    ]);
    // An API in the provider's cloud means the estate cannot be on-premises only.
    const deployment = report.decisions.find((d: { id: string }) => d.id === 'deployment');
    expect(deployment.recommended).toBe('hybrid');
    expect(deployment.excluded.map((x: { option: string }) => x.option)).toEqual(['on-premises']);

    const text = (await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': JSON.stringify(file) })).out;
    expect(text).toMatch(/\n {2}Customer assistant +foundation-model-apis \(room's choice\) +cloud \(at the provider\) +— +real-time\n/);
    expect(text).toContain("  ✗ on-premises: Customer assistant: It calls a provider's hosted API, so it is served where the provider runs it: in the provider's cloud.");
    const markdown = (await run(['evaluate', 'w.json', '--format', 'markdown'], { 'w.json': JSON.stringify(file) })).out;
    expect(markdown).toContain("| Customer assistant | foundation-model-apis (room's choice) | cloud (at the provider) | — | real-time |");
  });

  it('says the room’s choice in text and Markdown, beside the recommendation, and whose risks are listed', async () => {
    const text = (await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': workshopText })).out;
    expect(text).toMatch(/\n {2}Room's choice: foundation-model-apis \(the risks listed are this option's\)\n/);
    expect(text.match(/Room's choice:/g)).toHaveLength(1);
    // Under the room's main approach, each use case keeps its own sourcing and says that it differs.
    expect(text).toMatch(/\n {4}Card fraud scoring {2}(managed-ml|custom)-platform \(differs from foundation-model-apis\)\n/);
    const markdown = (await run(['evaluate', 'w.json', '--format', 'markdown'], { 'w.json': workshopText })).out;
    expect(markdown).toContain("**Room's choice: foundation-model-apis** (the risks listed are this option's).");

    const cloud = bankWorkshop((state) => (state.roomChoices = { deployment: { option: 'cloud', reason: 'Board mandate.' } }));
    const chosen = (await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': JSON.stringify(cloud) })).out;
    expect(chosen).toMatch(/\nDeployment: (on-premises|hybrid) .*\n {2}Room's choice: cloud \(the risks listed are this option's\)\n/);
    expect(chosen).toMatch(/\nCloud strategy: (single|multi)-cloud /);
    // Moved to the cloud by the room's choice: the table says where each would have gone on its own.
    expect(chosen).toMatch(/\n {2}Card fraud scoring +[a-z-]+ +cloud \(on its own: on-premises\) +cloud \(on its own: on-premises\) +real-time\n/);
  });

  it('prints text and Markdown that say it is a workshop, with readable weights, and honours --samples and --seed without moving the scores', async () => {
    const text = await run(['evaluate', 'w.json', '--format', 'text'], { 'w.json': workshopText });
    expect(text.code).toBe(0);
    expect(text.out).toContain('Deployment: on-premises');
    expect(text.out).toMatch(/Weights: cost 3\.08, control 3\.66, compliance 4\.47,/);
    // The group's weights are geometric means: a flip point says the weight as it is shown above, not to 16 digits.
    expect(text.out).toMatch(/\(now 3\.66\): below/);
    expect(text.out).not.toMatch(/\(now \d+\.\d{3,}\)/);
    expect(text.out).not.toMatch(/undefined|NaN|\[object Object\]|null/);
    const md = await run(['evaluate', 'w.json', '--format', 'markdown'], { 'w.json': workshopText });
    expect(md.out).toContain('Workshop: `w.json`');
    expect(md.out).not.toMatch(/\(now \d+\.\d{3,}\)/);
    const sampled = await run(['evaluate', 'w.json', '--samples', '300', '--seed', '4'], { 'w.json': workshopText });
    const base = await run(['evaluate', 'w.json'], { 'w.json': workshopText });
    expect(JSON.parse(sampled.out).robustness).toEqual({ samples: 300, spread: 1, seed: 4 });
    expect(scores(JSON.parse(sampled.out).decisions)).toEqual(scores(JSON.parse(base.out).decisions));
    expect(landings(JSON.parse(sampled.out).useCases)).toEqual(landings(JSON.parse(base.out).useCases));
  });

  it('reads a workshop from standard input and notes a pack other than the one it was evaluated with', async () => {
    const io = memoryIo({}, workshopText);
    expect(await runCli(['evaluate', '-'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const other = bankWorkshop();
    other.pack.version = '0.9.0';
    const noted = await run(['evaluate', 'w.json'], { 'w.json': JSON.stringify(other) });
    expect(noted.code).toBe(0);
    expect(noted.err).toMatch(/^stratum: note: w\.json: This workshop was evaluated with rule pack stratum-default 0\.9\.0 .*results may differ\.$/);
  });

  it('evaluates a workshop file with the team pack it carries, as the app opens it, and exports it carrying the pack again', async () => {
    // The bank's workshop as the app exports it when it evaluates with the team's pack.
    const team = northwindRiskPack('1.0.0');
    const compiled = loadPack(JSON.parse(JSON.stringify(team)));
    if (!compiled.ok) throw new Error('the team pack does not load');
    const file = parseWorkshopFile(workshopText);
    if (!file.ok) throw new Error('the bank workshop does not read');
    const input = buildRecordsInput({ ...file.value.workshop, pack: { id: team.id, version: team.packVersion } }, file.value.state, compiled.value, { generatedAt: '2026-01-15T10:00:00.000Z', diagram: false });
    const text = workshopToJson(input);
    const r = await run(['evaluate', 'team.stratum.json', '--format', 'json'], { 'team.stratum.json': text });
    expect(r.code).toBe(0);
    // No note: it was evaluated with this very pack, and the report names it.
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    expect(report.pack).toMatchObject({ id: 'northwind-risk', version: '1.0.0', sha256: packFingerprint(team) });
    expect(JSON.stringify(report)).toContain(REGULATOR_RULE);
    // Exported again, the file still carries the pack (version 5), so the app opens it on the same rules.
    const exported = await run(['export', 'team.stratum.json', '--format', 'json', '--to', 'out'], { 'team.stratum.json': text });
    expect(exported.code).toBe(0);
    const written = exported.io.written.find((f) => f.endsWith('.stratum.json'))!;
    const again = JSON.parse(exported.io.files.get(written) as string);
    expect(again.version).toBe(5);
    expect(again.pack).toMatchObject({ id: 'northwind-risk', version: '1.0.0', sha256: packFingerprint(team) });
    expect(again.pack.content.id).toBe('northwind-risk');
    // A carried pack that is not the one the file names is refused, naming the field.
    const tampered = JSON.parse(text);
    tampered.pack.content.title = 'Changed';
    const refused = await run(['evaluate', 't.json'], { 't.json': JSON.stringify(tampered) });
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^stratum: t\.json: \$\.pack\.content: the rule pack the file carries is not the one it names \(northwind-risk 1\.0\.0/);
  });

  it('still evaluates a version 1 workshop file: its answers about the workload become one use case named for the organisation', async () => {
    const r = await run(['evaluate', 'old.json'], { 'old.json': JSON.stringify(version1Workshop()) });
    expect(r.code).toBe(0);
    // Evaluated with a pack of another version, which it says.
    expect(r.err).toMatch(/^stratum: note: old\.json: This workshop was evaluated with rule pack stratum-default 1\.0\.1 /);
    const report = JSON.parse(r.out);
    expect(report.useCases).toHaveLength(1);
    expect(report.useCases[0].name).toBe('Northwind Bank: all AI use cases');
    expect(report.useCases[0].outcomes).toEqual([
      { decision: 'sourcing', option: expect.stringMatching(/^(managed-ml|custom)-platform$/), source: 'own' },
      { decision: 'serving-placement', option: 'on-premises', source: 'own' },
      { decision: 'training-placement', option: 'on-premises', source: 'own' },
      // "Some use cases need an immediate response" was the tightest the room named: an interactive use case.
      { decision: 'serving-mode', option: 'real-time', source: 'own' },
    ]);
    expect(report.decisions.find((d: { id: string }) => d.id === 'deployment').recommended).toBe('on-premises');
    expect(report.decided).toEqual({ 'ai-sourcing': 'foundation-model-apis' });
    // Priced as one use case, production at 10× the pilot as that version assumed.
    const cost = await run(['cost', 'old.json'], { 'old.json': JSON.stringify(version1Workshop()) });
    expect(cost.code).toBe(0);
    expect(JSON.parse(cost.out).roadmap.useCases.map((u: { name: string; requests: unknown; trainingHours: number }) => [u.name, u.requests, u.trainingHours])).toEqual([
      ['Northwind Bank: all AI use cases', { pilot: 90_000_000, production: 900_000_000 }, 12_000],
    ]);
  });

  it('prices a workshop with its own cost assumptions (stratum cost), each use case under the id the workshop gave it', async () => {
    const w = bankWorkshop((state) => (state.costAssumptions = { cloudHourlyPrice: 6 }));
    const r = await run(['cost', 'w.json'], { 'w.json': JSON.stringify(w) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.input).toEqual({ file: 'w.json', title: w.workshop.title });
    expect(report.assumptions.cloudHourlyPrice).toBe(6);
    expect(report.roadmap.useCases.map((u: { id: string }) => u.id)).toEqual(Object.values(BANK_USE_CASES));
    const answers = await run(['cost', 'a.json'], { 'a.json': answersText });
    expect(JSON.parse(answers.out).assumptions.cloudHourlyPrice).toBe(4);
  });

  it('refuses unknown formats, newer versions and bad fields with exit 2, naming file, field, found and allowed', async () => {
    const newer = { ...bankWorkshop(), version: 6 };
    const badState = bankWorkshop();
    badState.state.participants[0].involvement = 'boss';
    const unknownAnswer = bankWorkshop();
    unknownAnswer.state.useCases[0].answers.latency = 5;
    const wrongLevel = bankWorkshop();
    wrongLevel.state.answers.task = 'vision';
    const badUseCase = bankWorkshop();
    badUseCase.state.useCases[1].id = 'credit';
    // A currency or rate the cost model does not count in is refused, as the app refuses it, never read as dollars.
    const badCurrency = bankWorkshop();
    badCurrency.state.costAssumptions = { currency: 'eur', monthlyBudget: 200_000 };
    const badRate = bankWorkshop();
    badRate.state.costAssumptions = { currency: 'EUR', usdExchangeRate: '0.9' };
    const cases: Array<[string, RegExp]> = [
      [JSON.stringify({ format: 'stratum.diagram', version: 1 }), /^stratum: w\.json: \$\.format: not a file this build of Stratum reads; found: "stratum\.diagram"; allowed: "stratum\.answers" \(version 2\) or "stratum\.workshop" \(version 5\)$/],
      [JSON.stringify({ answers: {} }), /^stratum: w\.json: \$\.format: not a file this build of Stratum reads; found: nothing; allowed: "stratum\.answers"/],
      ['[1, 2]', /^stratum: w\.json: \$: expected a JSON object: a Stratum answers or workshop file; found: \[1,2\]/],
      [JSON.stringify(newer), /^stratum: w\.json: \$\.version: this file is stratum\.workshop version 6, written by a newer Stratum; this build of Stratum reads stratum\.workshop versions 1, 2, 3, 4 and 5: update Stratum to open it; found: 6; allowed: 5$/],
      [JSON.stringify(badState), /^stratum: w\.json: \$\.state\.participants\[0\]\.involvement: .*decision-maker, consulted, informed/],
      [JSON.stringify(unknownAnswer), /^stratum: w\.json: \$\.state\.useCases\[0\]\.answers\.latency: unknown answer id; found: "latency"; .*did you mean "latencyP95Ms"\?$/],
      [JSON.stringify(wrongLevel), /^stratum: w\.json: \$\.state\.answers\.task: asked of each use case: put it in a use case's answers \(state\.useCases\[\]\.answers\); found: "task"; allowed: one of airGapped, /],
      [JSON.stringify(badUseCase), /^stratum: w\.json: \$\.state\.useCases\[1\]\.id: must be a use case id \(a UUID\); found: "credit"/],
      [JSON.stringify(badCurrency), /^stratum: w\.json: \$\.state\.costAssumptions\.currency: value not allowed for "currency"; found: "eur"; allowed: one of USD, EUR, GBP, CHF, JPY$/],
      [JSON.stringify(badRate), /^stratum: w\.json: \$\.state\.costAssumptions\.usdExchangeRate: value not allowed for "usdExchangeRate"; found: "0\.9"; allowed: a number greater than 0 and at most 100,000 \(EUR per US dollar\)$/],
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
  it('keeps the title, answers, use cases, weights and stakeholders, with ids that stay the same', () => {
    const pack = defaultPack();
    const parsed = parseInput(JSON.parse(answersText), 'bank.json', pack);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const now = new Date('2026-02-03T04:05:06Z');
    const view = asWorkshop(parsed.input, now);
    const title = 'Regional bank: fraud scoring, credit models and a customer assistant';
    expect(view.derived).toBe(true);
    expect(view.workshop).toMatchObject({ title, date: '2026-02-03', id: stableUuid(`stratum.answers:${title}`) });
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
    // The organisation's answers stay the organisation's; each use case keeps its own, under an id derived from the file's.
    expect(view.state.answers['opsExpertise']).toBe('high');
    expect(view.state.answers).not.toHaveProperty('latencyP95Ms');
    expect(view.state.useCases.map((u) => [u.name, u.answers['latencyP95Ms'] ?? null, u.answers['usage']])).toEqual([
      ['Card fraud scoring', 30, 'interactive'],
      ['Credit risk models', null, 'batch'],
      ['Customer assistant', 3000, 'interactive'],
    ]);
    expect(view.state.useCases.map((u) => u.id)).toEqual([1, 2, 3].map((n) => stableUuid(`${view.workshop.id}:use-case:use-case-${n}`)));
    expect(asWorkshop(parsed.input, new Date()).state.useCases.map((u) => u.id)).toEqual(view.state.useCases.map((u) => u.id));

    // Null answers are "don't know", at the level they were given.
    const unknown = parseInput({ format: 'stratum.answers', version: 2, answers: { opsExpertise: null }, useCases: [{ name: 'Triage', answers: { latencyP95Ms: null } }] }, 'x/untitled.json', pack);
    if (!unknown.ok) throw new Error('does not parse');
    const minimal = asWorkshop(unknown.input, now);
    expect(minimal.workshop.title).toBe('untitled');
    expect(minimal.state.dontKnow).toEqual(['opsExpertise']);
    expect(minimal.state.useCases.map((u) => [u.name, u.dontKnow])).toEqual([['Triage', ['latencyP95Ms']]]);
    expect(minimal.state.participants).toEqual([]);
  });

  it('makes a version 1 answers file one use case named for the file', () => {
    const parsed = parseInput(JSON.parse(v1AnswersText), 'old.json', defaultPack());
    if (!parsed.ok) throw new Error('fixture does not parse');
    const view = asWorkshop(parsed.input, new Date('2026-02-03T04:05:06Z'));
    expect(view.state.useCases.map((u) => u.name)).toEqual(['Regional bank: fraud scoring and credit models: all AI use cases']);
    expect(view.state.useCases[0]!.answers).toMatchObject({ dataSensitivity: 'regulated', latencyP95Ms: 30, requestsPerMonthNow: 90_000_000, requestsPerMonthInProduction: 900_000_000, usage: 'interactive' });
    expect(view.state.answers).toMatchObject({ opsExpertise: 'high', existingOnPremCapacity: 'significant' });
    expect(view.state.answers).not.toHaveProperty('dataSensitivity');
  });
});
