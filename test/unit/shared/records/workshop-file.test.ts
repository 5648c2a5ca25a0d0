import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, packFingerprint } from '../../../../shared/engine';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { withCurrency } from '../../../../shared/cost';
import {
  buildRecordsInput,
  decisionViews,
  htmlReport,
  madrRecord,
  formatWorkshopFileIssues,
  packMismatch,
  parseWorkshopFile,
  planMadrExport,
  workshopFile,
  workshopToJson,
  WORKSHOP_FORMAT,
  WORKSHOP_VERSION,
  type WorkshopFile,
  workshopOfFile,
} from '../../../../shared/records';
import { expectGolden, GOLDEN_DIR } from './golden';
import { markdownProblems } from './markdown-lint';
import { bankInput, bankInputWith, EXAMPLE_INPUTS, EXAMPLES_DIR, GENERATED_AT } from './workshops';

function messages(raw: unknown): string[] {
  const read = parseWorkshopFile(raw);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.issues.map((i) => formatIssue(i));
}

describe('stratum.workshop JSON', () => {
  it('matches the golden files', () => {
    for (const [name, make] of EXAMPLE_INPUTS) expectGolden(`workshop-${name}.json`, workshopToJson(make()));
  });

  it.each(EXAMPLE_INPUTS)('round-trips the %s workshop: export, parse, evaluate gives a byte-identical evaluation', (_name, make) => {
    const input = make();
    const read = parseWorkshopFile(workshopToJson(input));
    if (!read.ok) throw new Error(formatWorkshopFileIssues(read.issues).join('\n'));
    expect(workshopOfFile(read.value)).toEqual(input.workshop);
    expect(read.value.state).toEqual(input.state);
    expect(read.value.records ?? []).toEqual(input.records ?? []);
    const again = evaluateWorkshop(input.pack, read.value.state);
    expect(JSON.stringify(again.evaluation)).toBe(JSON.stringify(input.evaluation));
    expect(JSON.stringify(read.value.evaluation)).toBe(JSON.stringify(input.evaluation));
    expect(packMismatch(read.value, input.pack, packFingerprint(input.pack.pack))).toBeNull();
  });

  it('accepts parsed JSON as well as text, and the same file exported twice is identical', () => {
    const text = workshopToJson(bankInput());
    expect(parseWorkshopFile(JSON.parse(text)).ok).toBe(true);
    expect(workshopToJson(bankInput())).toBe(text);
  });

  it('is version 2 in US dollars, with the roadmap\'s use cases in the state', () => {
    const file = JSON.parse(workshopToJson(bankInput())) as WorkshopFile;
    expect(file.version).toBe(2);
    expect(WORKSHOP_VERSION).toBe(5);
    expect(file.state.useCases.map((u) => u.name)).toEqual(['Card fraud scoring', 'Credit risk models', 'Customer assistant']);
    expect(file.state.useCases[0]!.answers).toMatchObject({ task: 'tabular-prediction', latencyP95Ms: 30 });
    expect(file.state.answers).not.toHaveProperty('latencyP95Ms');
  });

  it('refuses a newer version, saying what it is and what this build reads', () => {
    const file = { ...JSON.parse(workshopToJson(bankInput())), version: 6 };
    expect(messages(file)).toEqual([
      '$.version: this file is stratum.workshop version 6, written by a newer Stratum; this build of Stratum reads stratum.workshop versions 1, 2, 3, 4 and 5: update Stratum to open it; found: 6; allowed: 5',
    ]);
    expect(messages({ ...file, version: '1' })[0]).toBe('$.version: unknown stratum.workshop version; this build of Stratum reads stratum.workshop versions 1, 2, 3, 4 and 5; found: "1"; allowed: 5');
  });

  it('refuses other files and says what they are', () => {
    expect(messages({ format: 'stratum.answers', version: 1, answers: {} })[0]).toMatch(/^\$\.format: this is a Stratum answers file, not a workshop/);
    expect(messages([])[0]).toMatch(/^\$: a workshop file must be a JSON object; found: \[\]/);
    expect(messages('{ "format": ')[0]).toBe('$: it cannot be read as a Stratum workshop file: it is not valid JSON (it ends too soon); allowed: a stratum.workshop file exported by Stratum (.stratum.json)');
    expect(messages({ version: 1 })[0]).toBe(`$.format: this is not a Stratum workshop file: it has no "format" field; allowed: "${WORKSHOP_FORMAT}"`);
    // A picture or a document is named as what it is, and none of its bytes are echoed.
    expect(messages('\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')[0]).toBe('$: this is a PNG image, not a Stratum workshop file; allowed: a stratum.workshop file exported by Stratum (.stratum.json)');
    expect(messages('{ "format": xyz }')[0]).toBe('$: it cannot be read as a Stratum workshop file: it is not valid JSON; allowed: a stratum.workshop file exported by Stratum (.stratum.json)');
    // A byte-order mark in front (a file saved again by a Windows editor) is read past.
    expect(parseWorkshopFile(`\ufeff${workshopToJson(bankInput())}`).ok).toBe(true);
    expect(messages('%PDF-1.7\n%\ufffd')[0]).toMatch(/^\$: this is a PDF document, not a Stratum workshop file/);
  });

  it('names the JSON path of each bad field and what is allowed', () => {
    const good = JSON.parse(workshopToJson(bankInput()));
    const bad = {
      ...good,
      extra: true,
      pack: { ...good.pack, sha256: 'abc' },
      state: {
        ...good.state,
        participants: [{ ...good.state.participants[0], involvement: 'boss' }],
        answers: { ...good.state.answers, spareAccelerators: [16] },
        useCases: [{ ...good.state.useCases[0], id: 'fraud' }, { ...good.state.useCases[1], colour: 'red' }, good.state.useCases[2], good.state.useCases[2]],
        roomChoices: { deployment: { option: 'cloud', reason: 'x'.repeat(2001) } },
        colour: 'blue',
      },
      records: [{ ...good.records[0], status: 'done' }, { ...good.records[1], workshop: '00000000-0000-4000-8000-000000000000' }],
    };
    const found = messages(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.extra: unknown field; found: "extra"; allowed: one of format, version, workshop, state, pack, evaluation, records/),
        expect.stringMatching(/^\$\.state\.colour: unknown field; found: "colour"; allowed: one of participants, useCases, answers, dontKnow, notes, weights, roomChoices, votes, diagram, costAssumptions/),
        expect.stringMatching(/^\$\.state\.participants\[0\]\.involvement: value not allowed; found: "boss"; allowed: one of decision-maker, consulted, informed/),
        expect.stringMatching(/^\$\.state\.answers\.spareAccelerators: /),
        expect.stringMatching(/^\$\.state\.useCases\[0\]\.id: must be a use case id \(a UUID\)/),
        expect.stringMatching(/^\$\.state\.useCases\[1\]\.colour: unknown field; found: "colour"; allowed: one of id, name, description, answers, dontKnow, notes, roomChoices/),
        expect.stringMatching(/^\$\.state\.useCases\[3\]\.id: must differ from use case 3's id/),
        expect.stringMatching(/^\$\.state\.roomChoices\.deployment\.reason: must be at most 2000 characters; found: "xxx.*; allowed: at most 2000 character/),
        expect.stringMatching(/^\$\.pack\.sha256: must be a sha256: 64 lower-case hexadecimal digits/),
        expect.stringMatching(/^\$\.records\[0\]\.status: value not allowed; found: "done"; allowed: one of proposed, accepted, rejected, deprecated, superseded/),
      ]),
    );
  });

  it('refuses records of another workshop (once the rest of the file is sound)', () => {
    const good = JSON.parse(workshopToJson(bankInput()));
    const bad = { ...good, records: [{ ...good.records[0], workshop: '00000000-0000-4000-8000-000000000000' }] };
    expect(messages(bad)).toEqual([expect.stringMatching(/^\$\.records\[0\]\.workshop: must be this file's workshop id \(5d0c6f7e-/)]);
  });

  it('says when the file was evaluated with another pack', () => {
    const file = workshopFile(bankInput());
    const other = { ...file, pack: { ...file.pack, version: '0.9.0' } };
    expect(packMismatch(other, bankInput().pack, file.pack.sha256)).toMatch(/^This workshop was evaluated with rule pack stratum-default 0\.9\.0 \(sha256 [0-9a-f]{12}…\); this build has stratum-default 2\.2\.0/);
  });
});

// Workshop files written before use cases (version 1) held one organisation-wide set of answers. They still open:
// the answers that described the AI workload become one use case named for the organisation, and the workshop
// evaluates and exports as any other.
describe('a version 1 stratum.workshop file', () => {
  const V1_DIR = join(GOLDEN_DIR, 'v1');
  const v1Bank = readFileSync(join(V1_DIR, 'workshop-bank.json'), 'utf8');

  function open(raw: unknown): WorkshopFile {
    const read = parseWorkshopFile(raw);
    if (!read.ok) throw new Error(formatWorkshopFileIssues(read.issues).join('\n'));
    return read.value;
  }

  /** A version 1 workshop file as Stratum 0.1 saved it, holding one of the version 1 example answers. */
  function v1File(answersFile: string, index: number): Record<string, unknown> {
    const raw = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'v1', answersFile), 'utf8')) as { title: string; answers: Record<string, unknown> };
    const id = `c3000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
    return {
      format: WORKSHOP_FORMAT,
      version: 1,
      workshop: { id, title: raw.title, organisation: '', facilitator: '', date: '2025-01-15', description: '', createdAt: '2025-01-15T09:00:00.000Z', updatedAt: '2025-01-15T17:00:00.000Z', archived: false },
      state: { participants: [], answers: raw.answers, dontKnow: [], notes: {}, weights: {}, roomChoices: {}, diagram: { renamed: {}, moved: {}, hidden: [], added: [] }, costAssumptions: {} },
      pack: { id: 'stratum-default', version: '1.0.1', sha256: 'a58cafb01b9f8c940565f6d6dd146fc488b625e51ab345672a97455cdcd1c393' },
    };
  }

  it('opens the bank as Stratum 0.1 exported it: its workload answers, and the note on one, become one use case', () => {
    expect(JSON.parse(v1Bank)).toMatchObject({ format: WORKSHOP_FORMAT, version: 1 });
    const file = open(v1Bank);
    expect(file.version).toBe(2);
    expect(file.state.useCases).toHaveLength(1);
    const [useCase] = file.state.useCases;
    expect(useCase!.name).toBe('Northwind Bank: all AI use cases');
    expect(useCase!.answers).toEqual({
      dataSensitivity: 'regulated',
      dataResidency: 'in-country',
      latencyP95Ms: 30,
      customizationNeed: 'high',
      monthlyTrainingGpuHours: 12000,
      interruptionTolerance: 'some',
      requestsPerMonthNow: 90_000_000,
      // Stratum 0.1 read production as the pilot × 10.
      requestsPerMonthInProduction: 900_000_000,
      usage: 'interactive',
    });
    expect(useCase!.notes).toEqual({ latencyP95Ms: 'Card fraud checks: the 30 ms budget is end to end, "network included".' });
    expect(useCase!.description).toContain('use cases needing an immediate response: some; data freshness: real-time');
    // The organisation's own answers, notes, people, weights, choices, budget and records stay as they were.
    const before = JSON.parse(v1Bank) as WorkshopFile;
    expect(file.state.answers).toMatchObject({ opsExpertise: 'high', existingOnPremCapacity: 'significant', businessUnits: 6 });
    expect(Object.keys(file.state.answers)).not.toContain('latencyP95Ms');
    expect(file.state.notes).toEqual({ egressTbPerMonth: 'Estimate from the 2024 logs' });
    expect(file.state.participants).toEqual(before.state.participants);
    expect(file.state.weights).toEqual(before.state.weights);
    expect(file.state.roomChoices).toEqual(before.state.roomChoices);
    expect(file.state.costAssumptions).toEqual({ monthlyBudget: 150000 });
    expect(file.records).toEqual(before.records);
    // The same file opened twice gives the same use case id, so a re-import does not duplicate it.
    expect(open(v1Bank).state.useCases[0]!.id).toBe(useCase!.id);
    // It was evaluated with the rules of that version, and the file says so.
    const input = bankInput();
    expect(packMismatch(file, input.pack, packFingerprint(input.pack.pack))).toMatch(/^This workshop was evaluated with rule pack stratum-default 1\.0\.1 .*; this build has stratum-default 2\.2\.0 /);
  });

  it('evaluates and exports the migrated bank, naming its one use case, and saves it again as version 2', () => {
    const file = open(v1Bank);
    const input = buildRecordsInput(workshopOfFile(file), file.state, bankInput().pack, { generatedAt: GENERATED_AT, ...(file.records ? { records: file.records } : {}), diagram: false });
    const views = decisionViews(input);
    const deployment = views.find((v) => v.id === 'deployment')!;
    expect(deployment.chosen?.id).toBe('on-premises');
    expect(deployment.useCases.map((u) => `${u.name}: ${u.lands}`)).toEqual(['Northwind Bank: all AI use cases: On-premises']);
    const files = planMadrExport([], input).files;
    expect(files[0]!.content).toContain('| Northwind Bank: all AI use cases | On-premises |');
    expect(markdownProblems(Object.fromEntries(files.map((f) => [f.name, f.content])))).toEqual([]);
    for (const f of files) expect(f.content, f.name).not.toMatch(/undefined|NaN|\[object/);
    const again = open(workshopToJson(input));
    expect(JSON.parse(workshopToJson(input)).version).toBe(2);
    expect(again.state).toEqual(file.state);
  });

  it('opens the startup, which named no organisation: its use case takes the workshop\'s title', () => {
    const file = open(readFileSync(join(V1_DIR, 'workshop-startup.json'), 'utf8'));
    expect(file.state.useCases.map((u) => u.name)).toEqual(['Retail startup: all AI use cases']);
    expect(file.state.useCases[0]!.answers).toEqual({ dataSensitivity: 'internal', dataResidency: 'none' });
    expect(file.state.answers).toEqual({ workloadPattern: 'bursty', existingOnPremCapacity: 'none', cloudFootprint: 'one-provider' });
  });

  const examples = readdirSync(join(EXAMPLES_DIR, 'v1')).filter((f) => f.endsWith('.json')).sort();

  it.each(examples.map((f, i) => [f, i] as const))('opens %s saved as a version 1 workshop, loses none of its answers, and evaluates', (name, index) => {
    const raw = v1File(name, index);
    const before = (raw.state as { answers: Record<string, unknown> }).answers;
    const file = open(raw);
    expect(file.state.useCases).toHaveLength(1);
    const useCase = file.state.useCases[0]!;
    expect(useCase.name).toBe(`${(raw.workshop as { title: string }).title}: all AI use cases`);
    const moved = ['dataSensitivity', 'dataResidency', 'latencyP95Ms', 'customizationNeed', 'monthlyTrainingGpuHours', 'interruptionTolerance'];
    for (const [key, value] of Object.entries(before)) {
      if (moved.includes(key)) expect(useCase.answers[key], key).toBe(value);
      else if (key === 'monthlyInferenceRequests') expect([useCase.answers.requestsPerMonthNow, useCase.answers.requestsPerMonthInProduction], key).toEqual([value, (value as number) * 10]);
      else if (key === 'interactiveUseCases' || key === 'dataFreshness') expect(useCase.description, key).toContain(`: ${String(value)}`);
      else expect(file.state.answers[key], key).toBe(value);
    }

    const input = buildRecordsInput(workshopOfFile(file), file.state, bankInput().pack, { generatedAt: GENERATED_AT, diagram: false });
    for (const view of decisionViews(input)) {
      if (view.id === 'deployment' || view.id === 'inference-mode' || view.id === 'ai-sourcing') {
        expect(view.useCases.map((u) => u.name), view.id).toEqual(view.applicable ? [useCase.name] : []);
      }
    }
    const files = planMadrExport([], input).files;
    expect(markdownProblems(Object.fromEntries(files.map((f) => [f.name, f.content])))).toEqual([]);
    for (const f of files) expect(f.content, `${name} ${f.name}`).not.toMatch(/undefined|NaN|\[object/);
  });
});

describe('a workshop counted in another currency', () => {
  const inEuros = () => bankInputWith((s) => ({ ...s, costAssumptions: { ...withCurrency(s.costAssumptions, 'EUR'), usdExchangeRate: 0.9 } }));

  it('is written as version 3 only when it names a currency, so an earlier Stratum still opens the rest', () => {
    expect(JSON.parse(workshopToJson(bankInput())).version).toBe(2);
    expect(JSON.parse(workshopToJson(inEuros())).version).toBe(3);
    // Back in dollars, the currency is no longer named: version 2 again.
    expect(JSON.parse(workshopToJson(bankInputWith((s) => ({ ...s, costAssumptions: withCurrency(withCurrency(s.costAssumptions, 'EUR'), 'USD') })))).version).toBe(2);
  });

  it('opens a version 2 file (before currencies), counting in US dollars', () => {
    const v2 = { ...JSON.parse(workshopToJson(bankInput())), version: 2 };
    const read = parseWorkshopFile(v2);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.version).toBe(2);
    expect(read.value.state.costAssumptions).toEqual({ monthlyBudget: 150_000 });
    expect(buildRecordsInput(workshopOfFile(read.value), read.value.state, bankInput().pack, { generatedAt: GENERATED_AT }).cost?.assumptions.currency).toBe('USD');
  });

  it('keeps its currency in the file, and every export prints its amounts in it with the rate', () => {
    const input = inEuros();
    const read = parseWorkshopFile(workshopToJson(input));
    expect(read.ok && read.value.state.costAssumptions).toEqual({ monthlyBudget: 129_000, currency: 'EUR', usdExchangeRate: 0.9 });
    expect(input.cost?.assumptions).toMatchObject({ currency: 'EUR', usdExchangeRate: 0.9, monthlyBudget: 129_000, acceleratorPurchasePrice: 27_000 });

    const html = htmlReport(input);
    expect(html).toContain('Production (EUR a month)');
    expect(html).toContain('Monthly budget 129,000 EUR');
    expect(html).toContain('converted from US dollars at 0.9 EUR per dollar');
    expect(html).not.toMatch(/USD/);
    const madr = madrRecord(input, 'deployment');
    expect(madr).toContain('Monthly cost from the cost model (EUR)');
    expect(madr).not.toMatch(/USD/);
    // the engine's cost reasons quote the same figures in the same currency
    const reasons = input.evaluation.useCases.flatMap((u) => u.decisions.flatMap((d) => d.ranking.flatMap((r) => r.reasons.map((x) => x.rationale))));
    expect(reasons.some((r) => /costs .* EUR/.test(r))).toBe(true);
    expect(reasons.join(' ')).not.toMatch(/USD/);
  });

  it('is written as version 4 only when it sets what the people behind a model of its own cost, and opens as it was', () => {
    const people = bankInputWith((s) => ({ ...s, costAssumptions: { ...s.costAssumptions, modelTeamMonthly: 22_000 } }));
    const text = workshopToJson(people);
    expect(JSON.parse(text).version).toBe(4);
    const read = parseWorkshopFile(text);
    expect(read.ok && read.value.state.costAssumptions).toEqual({ monthlyBudget: 150_000, modelTeamMonthly: 22_000 });
    expect(JSON.parse(workshopToJson(bankInputWith((s) => ({ ...s, costAssumptions: { ...s.costAssumptions, mlPlatformFixedMonthly: 0 } })))).version).toBe(4);
    // Typed at exactly its default, it is left out of the file, which stays version 2.
    const atDefault = JSON.parse(workshopToJson(bankInputWith((s) => ({ ...s, costAssumptions: { ...s.costAssumptions, modelTeamMonthly: 15_000 } }))));
    expect(atDefault.version).toBe(2);
    expect(atDefault.state.costAssumptions).toEqual({ monthlyBudget: 150_000 });
    // In euros without them it stays version 3, which the previous release opens.
    expect(JSON.parse(workshopToJson(inEuros())).version).toBe(3);
    const v3 = parseWorkshopFile(workshopToJson(inEuros()));
    expect(v3.ok && v3.value.version).toBe(3);
    // The people's cost is read by the sourcing decisions' cost reasons.
    const reasons = people.evaluation.useCases.flatMap((u) => u.decisions.find((d) => d.id === 'sourcing')!.ranking.flatMap((r) => r.reasons.map((x) => x.rationale)));
    expect(reasons.some((r) => r.includes('the people who build and keep it, 22,000 USD a month'))).toBe(true);
  });

  it('costs the same in any currency once converted: the recommendations do not move', () => {
    const usd = bankInput().evaluation;
    const eur = inEuros().evaluation;
    expect(eur.decisions.map((d) => d.recommended)).toEqual(usd.decisions.map((d) => d.recommended));
    expect(eur.useCases.map((u) => u.decisions.map((d) => d.recommended))).toEqual(usd.useCases.map((u) => u.decisions.map((d) => d.recommended)));
  });
});
