import { describe, expect, it } from 'vitest';
import { formatIssue, packFingerprint } from '../../../../shared/engine';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { formatWorkshopFileIssues, packMismatch, parseWorkshopFile, workshopFile, workshopToJson, WORKSHOP_FORMAT } from '../../../../shared/records';
import { expectGolden } from './golden';
import { bankInput, startupInput } from './workshops';

function messages(raw: unknown): string[] {
  const read = parseWorkshopFile(raw);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.issues.map((i) => formatIssue(i));
}

describe('stratum.workshop JSON', () => {
  it('matches the golden files', () => {
    expectGolden('workshop-bank.json', workshopToJson(bankInput()));
    expectGolden('workshop-startup.json', workshopToJson(startupInput()));
  });

  it.each([
    ['bank', bankInput],
    ['startup', startupInput],
  ])('round-trips the %s workshop: export, parse, evaluate gives a byte-identical evaluation', (_name, make) => {
    const input = make();
    const read = parseWorkshopFile(workshopToJson(input));
    if (!read.ok) throw new Error(formatWorkshopFileIssues(read.issues).join('\n'));
    expect(read.value.workshop).toEqual(input.workshop);
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

  it('refuses a newer version, saying what it is and what this build reads', () => {
    const file = { ...JSON.parse(workshopToJson(bankInput())), version: 2 };
    expect(messages(file)).toEqual([
      '$.version: this file is stratum.workshop version 2, written by a newer Stratum; this build of Stratum reads stratum.workshop version 1: update Stratum to open it; found: 2; allowed: 1',
    ]);
    expect(messages({ ...file, version: '1' })[0]).toBe('$.version: unknown stratum.workshop version; this build of Stratum reads stratum.workshop version 1; found: "1"; allowed: 1');
  });

  it('refuses other files and says what they are', () => {
    expect(messages({ format: 'stratum.answers', version: 1, answers: {} })[0]).toMatch(/^\$\.format: this is a Stratum answers file, not a workshop/);
    expect(messages([])[0]).toMatch(/^\$: a workshop file must be a JSON object; found: \[\]/);
    expect(messages('{ "format": ')[0]).toMatch(/^\$: not valid JSON \(/);
    expect(messages({ version: 1 })[0]).toBe(`$.format: this is not a Stratum workshop file; found: nothing; allowed: "${WORKSHOP_FORMAT}"`);
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
        answers: { ...good.state.answers, latencyP95Ms: [30] },
        roomChoices: { deployment: { option: 'cloud', reason: '' } },
        colour: 'blue',
      },
      records: [{ ...good.records[0], status: 'done' }, { ...good.records[1], workshop: '00000000-0000-4000-8000-000000000000' }],
    };
    const found = messages(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.extra: unknown field; found: "extra"; allowed: one of format, version, workshop, state, pack, evaluation, records/),
        expect.stringMatching(/^\$\.state\.colour: unknown field; found: "colour"; allowed: one of participants, answers, dontKnow, notes, weights, roomChoices, diagram, costAssumptions/),
        expect.stringMatching(/^\$\.state\.participants\[0\]\.involvement: value not allowed; found: "boss"; allowed: one of decision-maker, consulted, informed/),
        expect.stringMatching(/^\$\.state\.answers\.latencyP95Ms: /),
        expect.stringMatching(/^\$\.state\.roomChoices\.deployment\.reason: out of range; found: ""; allowed: at least 1 character/),
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
    expect(packMismatch(other, bankInput().pack, file.pack.sha256)).toMatch(/^This workshop was evaluated with rule pack stratum-default 0\.9\.0 \(sha256 [0-9a-f]{12}…\); this build has stratum-default 1\.0\.1/);
  });
});
