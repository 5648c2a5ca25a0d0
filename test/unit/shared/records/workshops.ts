import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workshop } from '../../../../shared/domain';
import { emptyWorkshopState, type WorkshopState } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import { buildRecordsInput, type DecisionRecord, type RecordsInput } from '../../../../shared/records';

const here = dirname(fileURLToPath(import.meta.url));

/** The answers of an example workshop in test/fixtures/workshops. */
function answersOf(file: string): WorkshopState['answers'] {
  const raw = JSON.parse(readFileSync(join(here, '../../../fixtures/workshops', file), 'utf8')) as { answers: Record<string, string | number | boolean | null> };
  return Object.fromEntries(Object.entries(raw.answers).filter((e): e is [string, string | number | boolean] => e[1] !== null));
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

/** A regional bank: five people, weights, a room override with awkward characters, notes and a budget. */
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
};

export const bankState: WorkshopState = {
  ...emptyWorkshopState(),
  participants: [
    { id: P.cio, name: 'R. Mensah', role: 'CIO', involvement: 'decision-maker' },
    { id: P.ciso, name: 'M. Okafor', role: 'CISO', involvement: 'decision-maker' },
    { id: P.cfo, name: 'L. Brandt', role: 'CFO', involvement: 'consulted' },
    { id: P.ds, name: 'S. Iyer', role: 'Head of data science', involvement: 'consulted' },
    { id: P.bu, name: '', role: 'Retail banking', involvement: 'informed' },
  ],
  answers: answersOf('regulated-bank.json'),
  notes: { latencyP95Ms: 'Card fraud checks: the 30 ms budget is end to end, "network included".', egressTbPerMonth: 'Estimate from the 2024 logs' },
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

/** An online retailer with few answers, nobody weighing, no cost volumes: the sparse paths. */
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
};

export const startupState: WorkshopState = {
  ...emptyWorkshopState(),
  answers: { dataSensitivity: 'internal', dataResidency: 'none', workloadPattern: 'bursty', existingOnPremCapacity: 'none', cloudFootprint: 'one-provider' },
};

/** The bank workshop ready for the serializers. */
export function bankInput(): RecordsInput {
  return buildRecordsInput(bankWorkshop, bankState, defaultPack(), { generatedAt: GENERATED_AT, records: bankRecords });
}

/** The startup workshop ready for the serializers. */
export function startupInput(): RecordsInput {
  return buildRecordsInput(startupWorkshop, startupState, defaultPack(), { generatedAt: GENERATED_AT });
}
