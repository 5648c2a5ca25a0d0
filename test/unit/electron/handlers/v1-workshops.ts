// Workshops as Stratum 0.1 saved and exported them, before use cases: one organisation-wide set of answers.
// Built from the version 1 answers files in test/fixtures/workshops/v1 (the same organisations the engine tests use).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { emptyOverrides, type WorkshopState } from '../../../../shared/domain';
import { defaultPack, SCOPE_USE_CASE } from '../../../../shared/engine';

const dir = path.resolve(__dirname, '../../../fixtures/workshops/v1');

/** The fixture names in v1/, without `.json`. */
export const V1_FIXTURES = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

interface V1AnswersFile {
  title: string;
  answers: Record<string, string | number | boolean>;
  stakeholders?: { name: string; role: string; weights: Record<string, number> }[];
}

function readFixture(name: string): V1AnswersFile {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as V1AnswersFile;
}

const participantId = (n: number) => `9a0e1f2b-3c4d-4e5f-8a6b-7c8d9e0f${String(n).padStart(4, '0')}`;

/** The answers of a v1 fixture. */
export function v1Answers(name: string): Record<string, string | number | boolean> {
  return { ...readFixture(name).answers };
}

/** The fixture's title: the organisation a version 1 workshop was for. */
export function v1Title(name: string): string {
  return readFixture(name).title;
}

/** A workshop state as Stratum 0.1 stored it (no `useCases`): the fixture's answers, its stakeholders as participants. */
export function v1State(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const file = readFixture(name);
  const people = file.stakeholders ?? [];
  return {
    participants: people.map((p, i) => ({ id: participantId(i + 1), name: p.name, role: p.role, involvement: i === 0 ? 'decision-maker' : 'consulted' })),
    answers: { ...file.answers },
    dontKnow: [],
    notes: {},
    weights: Object.fromEntries(people.map((p, i) => [participantId(i + 1), p.weights])),
    roomChoices: {},
    diagram: emptyOverrides(),
    costAssumptions: {},
    ...extra,
  };
}

/** A `stratum.workshop` version 1 file of the fixture, as Stratum 0.1 exported it (with its deployment record accepted). */
export function v1WorkshopFile(name: string, workshopId: string, organisation: string): string {
  return JSON.stringify(
    {
      format: 'stratum.workshop',
      version: 1,
      workshop: {
        id: workshopId,
        title: readFixture(name).title,
        organisation,
        facilitator: 'A. Facilitator',
        date: '2025-03-14',
        description: 'Exported by Stratum 0.1.',
        createdAt: '2025-03-01T08:00:00.000Z',
        updatedAt: '2025-03-14T17:00:00.000Z',
        archived: false,
      },
      state: v1State(name),
      pack: { id: 'stratum-default', version: '1.0.1', sha256: 'a58cafb01b9f8c940565f6d6dd146fc488b625e51ab345672a97455cdcd1c393' },
      records: [{ workshop: workshopId, decision: 'deployment', status: 'accepted', date: '2025-03-14', supersededBy: null, supersedes: [] }],
    },
    null,
    2,
  );
}

const pack = defaultPack();
const useCaseFactors = new Set(pack.factors.filter((_, i) => pack.factorScopes[i] === SCOPE_USE_CASE).map((f) => f.id));
/** Version 1 answers that became a use case's under another name. */
const RENAMED: Readonly<Record<string, string>> = { monthlyInferenceRequests: 'requestsPerMonthNow' };
/** Version 1 answers about immediacy, read into the use case's usage and kept, in words, in its description. */
const FOLDED: Readonly<Record<string, string>> = { interactiveUseCases: 'use cases needing an immediate response', dataFreshness: 'data freshness' };

/**
 * Every answer of the version 1 state is in the migrated one: organisation-wide answers stay the organisation's,
 * answers about the workload are the one use case's (under their new name), and the two folded into its usage are
 * written in its description. Nothing lands at the wrong level.
 */
export function expectEveryAnswerKept(v1: Readonly<Record<string, unknown>>, state: WorkshopState): void {
  expect(state.useCases).toHaveLength(1);
  const useCase = state.useCases[0]!;
  for (const [id, answer] of Object.entries(v1)) {
    if (Object.hasOwn(FOLDED, id)) expect(useCase.description, id).toContain(`${FOLDED[id]}: ${String(answer)}`);
    else if (Object.hasOwn(RENAMED, id)) expect(useCase.answers[RENAMED[id]!], id).toEqual(answer);
    else if (useCaseFactors.has(id)) expect(useCase.answers[id], id).toEqual(answer);
    else expect(state.answers[id], id).toEqual(answer);
  }
  for (const id of Object.keys(state.answers)) expect(useCaseFactors.has(id), `organisation answer ${id}`).toBe(false);
  for (const id of Object.keys(useCase.answers)) expect(useCaseFactors.has(id), `use-case answer ${id}`).toBe(true);
  // The production volume, asked explicitly now, is the pilot's × 10 as version 1 assumed.
  const pilot = v1['monthlyInferenceRequests'];
  if (typeof pilot === 'number') expect(useCase.answers['requestsPerMonthInProduction']).toBe(pilot * 10);
  else expect(useCase.answers).not.toHaveProperty('requestsPerMonthInProduction');
}
