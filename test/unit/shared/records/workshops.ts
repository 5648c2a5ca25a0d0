import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UseCase, Workshop } from '../../../../shared/domain';
import { emptyWorkshopState, type WorkshopState } from '../../../../shared/domain';
import { defaultPack, parseAnswersFile } from '../../../../shared/engine';
import { buildRecordsInput, type DecisionRecord, type RecordsInput } from '../../../../shared/records';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the example workshops (stratum.answers files) live. */
export const EXAMPLES_DIR = join(here, '../../../fixtures/workshops');

type Answered = WorkshopState['answers'];

function answered(answers: Record<string, string | number | boolean | null>): Answered {
  return Object.fromEntries(Object.entries(answers).filter((e): e is [string, string | number | boolean] => e[1] !== null));
}

/**
 * The organisation's answers and the roadmap of an example workshop in test/fixtures/workshops, as a workshop state
 * holds them: each use case gets the id at its position in `ids` (a workshop's use cases are UUIDs).
 */
export function answersOf(file: string, ids: readonly string[]): Pick<WorkshopState, 'answers' | 'useCases'> {
  const read = parseAnswersFile(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')), defaultPack());
  if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.issues)}`);
  if (read.value.useCases.length !== ids.length) throw new Error(`${file} has ${read.value.useCases.length} use cases; ${ids.length} ids given`);
  const useCases: UseCase[] = read.value.useCases.map((u, i) => ({
    id: ids[i]!,
    name: u.name,
    description: u.description ?? '',
    answers: answered(u.answers),
    dontKnow: [],
    notes: {},
    roomChoices: {},
  }));
  return { answers: answered(read.value.answers), useCases };
}

export const BANK_ID = '5d0c6f7e-2a1b-4c3d-8e9f-0a1b2c3d4e5f';
export const STARTUP_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const GENERATED_AT = '2025-03-20T09:30:00.000Z';

const P = {
  cio: '11111111-1111-4111-8111-111111111111',
  ciso: '22222222-2222-4222-8222-222222222222',
  cfo: '33333333-3333-4333-8333-333333333333',
  ds: '44444444-4444-4444-8444-444444444444',
  bu: '55555555-5555-4555-8555-555555555555',
};

/** The bank's use cases, in the roadmap's order. */
export const BANK_USE_CASES = {
  fraud: 'a1000000-0000-4000-8000-000000000001',
  credit: 'a1000000-0000-4000-8000-000000000002',
  assistant: 'a1000000-0000-4000-8000-000000000003',
};

/** The startup's one use case. */
export const STARTUP_USE_CASE = 'b2000000-0000-4000-8000-000000000001';

/**
 * A regional bank: five people, three use cases (card fraud scoring with a note, credit risk models, a customer
 * assistant on the sourcing the room chose for it), weights, a room override with awkward characters, notes, a budget.
 */
export const bankWorkshop: Workshop = {
  id: BANK_ID,
  title: 'Regional bank: fraud scoring & credit <models>',
  organisation: 'Northwind Bank',
  facilitator: 'A. Facilitator',
  date: '2025-03-14',
  description: 'Where to run fraud scoring (30 ms) and credit models; the | board wants *one* answer by Q2.',
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-14T17:00:00.000Z',
  archived: false,
  pack: null,
};

const bankRoadmap = answersOf('regulated-bank.json', [BANK_USE_CASES.fraud, BANK_USE_CASES.credit, BANK_USE_CASES.assistant]);

export const bankState: WorkshopState = {
  ...emptyWorkshopState(),
  participants: [
    { id: P.cio, name: 'R. Mensah', role: 'CIO', involvement: 'decision-maker' },
    { id: P.ciso, name: 'M. Okafor', role: 'CISO', involvement: 'decision-maker' },
    { id: P.cfo, name: 'L. Brandt', role: 'CFO', involvement: 'consulted' },
    { id: P.ds, name: 'S. Iyer', role: 'Head of data science', involvement: 'consulted' },
    { id: P.bu, name: '', role: 'Retail banking', involvement: 'informed' },
  ],
  answers: bankRoadmap.answers,
  useCases: bankRoadmap.useCases.map((u) => {
    if (u.id === BANK_USE_CASES.fraud) return { ...u, description: 'Score every card payment before it is authorised.', notes: { latencyP95Ms: 'Card fraud checks: the 30 ms budget is end to end, "network included".' } };
    if (u.id === BANK_USE_CASES.assistant) return { ...u, roomChoices: { sourcing: { option: 'managed-ml-platform', reason: 'The vendor platform the bank already licenses runs in its own data centre.' } } };
    return u;
  }),
  notes: { egressTbPerMonth: 'Estimate from the 2024 logs' },
  weights: {
    [P.cio]: { cost: 3, control: 4, compliance: 5, agility: 2, performance: 4, operability: 3, flexibility: 2 },
    [P.ciso]: { compliance: 5, control: 5, cost: 2 },
    [P.cfo]: { cost: 5, compliance: 4, agility: 2 },
    [P.ds]: { agility: 4, performance: 5, flexibility: 3 },
  },
  roomChoices: {
    'ai-sourcing': { option: 'foundation-model-apis', reason: 'The data-science team is 6 people | we buy *time* with a <managed> platform.\nRevisit in 2026.' },
  },
  costAssumptions: { monthlyBudget: 150000 },
};

export const bankRecords: DecisionRecord[] = [
  { workshop: BANK_ID, decision: 'deployment', status: 'accepted', date: '2025-03-18', supersededBy: null, supersedes: [] },
  { workshop: BANK_ID, decision: 'inference-mode', status: 'rejected', date: '2025-03-19', supersededBy: null, supersedes: [] },
];

/** An online retailer with few answers, one use case barely described, nobody weighing, no cost volumes: the sparse paths. */
export const startupWorkshop: Workshop = {
  id: STARTUP_ID,
  title: 'Retail startup',
  organisation: '',
  facilitator: '',
  date: '',
  description: '',
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-01T08:00:00.000Z',
  archived: false,
  pack: null,
};

export const startupState: WorkshopState = {
  ...emptyWorkshopState(),
  answers: { workloadPattern: 'bursty', existingOnPremCapacity: 'none', cloudFootprint: 'one-provider' },
  useCases: [
    {
      id: STARTUP_USE_CASE,
      name: 'Product recommendations',
      description: '',
      answers: { dataSensitivity: 'internal', dataResidency: 'none' },
      dontKnow: [],
      notes: {},
      roomChoices: {},
    },
  ],
};

/** The bank workshop ready for the serializers. */
export function bankInput(): RecordsInput {
  return buildRecordsInput(bankWorkshop, bankState, defaultPack(), { generatedAt: GENERATED_AT, records: bankRecords });
}

/** The bank workshop with its state changed (no diagram: the tests that use it read the records). */
export function bankInputWith(change: (state: WorkshopState) => WorkshopState): RecordsInput {
  return buildRecordsInput(bankWorkshop, change(bankState), defaultPack(), { generatedAt: GENERATED_AT, records: bankRecords, diagram: false });
}

/** The bank's state with one use case changed. */
export function withUseCase(state: WorkshopState, id: string, change: (u: UseCase) => UseCase): WorkshopState {
  return { ...state, useCases: state.useCases.map((u) => (u.id === id ? change(u) : u)) };
}

/**
 * The bank with its customer assistant on a foundation model through the provider's API: the assistant is served
 * where the provider runs it, the rest stays in the bank's data centre, so the deployment is hybrid.
 */
export function bankWithHostedAssistant(): RecordsInput {
  return bankInputWith((s) =>
    withUseCase(s, BANK_USE_CASES.assistant, (u) => ({ ...u, roomChoices: { sourcing: { option: 'foundation-model-apis', reason: 'A hosted model in the bank\'s region, with zero data retention.' } } })),
  );
}

/** The startup workshop ready for the serializers. */
export function startupInput(): RecordsInput {
  return buildRecordsInput(startupWorkshop, startupState, defaultPack(), { generatedAt: GENERATED_AT });
}

/** The two example workshops by name, for the tests (and golden files) that cover each of them. */
export const EXAMPLE_INPUTS: Array<[name: string, make: () => RecordsInput]> = [
  ['bank', bankInput],
  ['startup', startupInput],
];
