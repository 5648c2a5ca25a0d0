// A version 2 workshop file (stratum.workshop, with use cases) for the CLI tests, built the way the app exports
// one: the bank of test/fixtures/records/workshop-bank.json (its details, participants and their weights,
// organisation answers, the room's choice for ai-sourcing, cost assumptions and records) with the three use cases
// of the answers file test/fixtures/workshops/regulated-bank.json, evaluated with this build's default pack.
import fs from 'node:fs';
import path from 'node:path';
import type { UseCase, WorkshopState } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import { buildRecordsInput, parseWorkshopFile, workshopOfFile, workshopToJson } from '../../../../shared/records';

export const root = path.resolve(__dirname, '../../../..');
export const BANK_WORKSHOP_FIXTURE = 'test/fixtures/records/workshop-bank.json';
export const BANK_ANSWERS_FIXTURE = 'test/fixtures/workshops/regulated-bank.json';

/** The ids of the bank's use cases, in the roadmap's order. */
export const BANK_USE_CASES = {
  fraud: '0f0f0f0f-1111-4111-8111-000000000001',
  credit: '0f0f0f0f-2222-4222-8222-000000000002',
  assistant: '0f0f0f0f-3333-4333-8333-000000000003',
} as const;

type AnswersFixture = { useCases: Array<{ name: string; answers: UseCase['answers'] }> };

/** The bank as a version 2 workshop file's JSON value; `change` edits its state before it is evaluated. */
export function bankWorkshop(change: (state: WorkshopState) => void = () => {}): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const parsed = parseWorkshopFile(fs.readFileSync(path.join(root, BANK_WORKSHOP_FIXTURE), 'utf8'));
  if (!parsed.ok) throw new Error(`${BANK_WORKSHOP_FIXTURE} does not parse: ${parsed.issues[0]?.message}`);
  const answers = JSON.parse(fs.readFileSync(path.join(root, BANK_ANSWERS_FIXTURE), 'utf8')) as AnswersFixture;
  const ids = Object.values(BANK_USE_CASES);
  const state: WorkshopState = structuredClone(parsed.value.state);
  state.useCases = answers.useCases.map((u, i) => ({ id: ids[i]!, name: u.name, description: '', answers: { ...u.answers }, dontKnow: [], notes: {}, roomChoices: {} }));
  change(state);
  const input = buildRecordsInput(workshopOfFile(parsed.value), state, defaultPack(), {
    generatedAt: '2026-01-15T10:00:00.000Z',
    ...(parsed.value.records !== undefined ? { records: parsed.value.records } : {}),
    diagram: false,
  });
  return JSON.parse(workshopToJson(input)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The same as text, as a file holds it. */
export function bankWorkshopText(change?: (state: WorkshopState) => void): string {
  return `${JSON.stringify(bankWorkshop(change), null, 2)}\n`;
}
