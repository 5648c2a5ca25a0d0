import { describe, expect, it } from 'vitest';
import { WorkshopState, derivedUuid, migrateWorkshopState, usageFromV1 } from '../../../../shared/domain';

const context = { workshopId: '0b5e5c1a-8d7e-4c52-9a51-3f6f1d1e2a40', organisation: 'Northwind Bank', title: 'AI platform 2027' };

/** A state as Stratum 0.1 saved it: one set of answers for the whole organisation. */
const v1 = {
  participants: [{ id: '5d0f3c9e-2b7a-4c1e-9f3d-7a1b2c3d4e5f', name: 'A. Chen', role: 'CISO', involvement: 'decision-maker' }],
  answers: {
    dataSensitivity: 'regulated',
    dataResidency: 'in-country',
    latencyP95Ms: 40,
    interactiveUseCases: 'some',
    dataFreshness: 'hourly',
    monthlyInferenceRequests: 2_000_000,
    monthlyTrainingGpuHours: 800,
    interruptionTolerance: 'some',
    customizationNeed: 'high',
    opsExpertise: 'high',
    businessUnits: 4,
  },
  dontKnow: ['egressTbPerMonth', 'dataResidency'],
  notes: { latencyP95Ms: 'card authorisation', opsExpertise: 'two SRE teams', dataFreshness: 'intraday limits' },
  weights: { '5d0f3c9e-2b7a-4c1e-9f3d-7a1b2c3d4e5f': { cost: 4 } },
  roomChoices: { deployment: { option: 'on-premises', reason: 'Regulator' } },
  costAssumptions: { pilotToProductionScale: 25, cloudHourlyPrice: 3 },
};

describe('migrateWorkshopState', () => {
  it('turns the organisation-wide workload answers into one use case named for the organisation, and keeps the rest', () => {
    const { state, migrated } = migrateWorkshopState(v1, context);
    expect(migrated).toBe(true);
    const parsed = WorkshopState.parse(state);
    expect(parsed.useCases).toHaveLength(1);
    const [useCase] = parsed.useCases;
    expect(useCase!.name).toBe('Northwind Bank: all AI use cases');
    expect(useCase!.answers).toEqual({
      dataSensitivity: 'regulated',
      dataResidency: 'in-country',
      latencyP95Ms: 40,
      monthlyTrainingGpuHours: 800,
      interruptionTolerance: 'some',
      customizationNeed: 'high',
      requestsPerMonthNow: 2_000_000,
      requestsPerMonthInProduction: 50_000_000,
      usage: 'interactive',
    });
    expect(useCase!.dontKnow).toEqual(['dataResidency']);
    expect(useCase!.notes).toEqual({ latencyP95Ms: 'card authorisation' });
    // What was folded into usage is still there to read.
    expect(useCase!.description).toContain('use cases needing an immediate response: some');
    expect(useCase!.description).toContain('data freshness: hourly');
    expect(useCase!.description).toContain('intraday limits');
    expect(useCase!.description).toContain('× 25');
    // Organisation-wide answers, notes, weights and choices stay where they were.
    expect(parsed.answers).toEqual({ opsExpertise: 'high', businessUnits: 4 });
    expect(parsed.dontKnow).toEqual(['egressTbPerMonth']);
    expect(parsed.notes).toEqual({ opsExpertise: 'two SRE teams' });
    expect(parsed.weights).toEqual(v1.weights);
    expect(parsed.roomChoices).toEqual(v1.roomChoices);
    expect(parsed.costAssumptions).toEqual({ cloudHourlyPrice: 3 });
  });

  it('gives the same use case id every time, and leaves a current state alone', () => {
    const a = migrateWorkshopState(v1, context).state as WorkshopState;
    const b = migrateWorkshopState(v1, context).state as WorkshopState;
    expect(a.useCases[0]!.id).toBe(b.useCases[0]!.id);
    expect(migrateWorkshopState(a, context)).toEqual({ state: a, migrated: false });
  });

  it('names the use case after the title when the organisation is blank, and assumes 10× without a stated scale', () => {
    const { state } = migrateWorkshopState({ ...v1, costAssumptions: {} }, { ...context, organisation: ' ' });
    const parsed = WorkshopState.parse(state);
    expect(parsed.useCases[0]!.name).toBe('AI platform 2027: all AI use cases');
    expect(parsed.useCases[0]!.answers.requestsPerMonthInProduction).toBe(20_000_000);
  });

  it('migrates an empty state to one empty use case', () => {
    const { state } = migrateWorkshopState({ participants: [], answers: {}, dontKnow: [], notes: {}, weights: {}, roomChoices: {} }, context);
    const parsed = WorkshopState.parse(state);
    expect(parsed.useCases).toHaveLength(1);
    expect(parsed.useCases[0]!.answers).toEqual({});
  });

  it('leaves what is not a state for the schema to refuse', () => {
    expect(migrateWorkshopState('nonsense', context)).toEqual({ state: 'nonsense', migrated: false });
    expect(migrateWorkshopState([1], context)).toEqual({ state: [1], migrated: false });
  });
});

describe('usageFromV1', () => {
  it.each([
    ['most', undefined, 'interactive'],
    ['some', 'weekly', 'interactive'],
    ['none', 'real-time', 'near-real-time'],
    ['none', 'hourly', 'near-real-time'],
    ['none', 'daily', 'batch'],
    ['none', undefined, 'batch'],
    [undefined, 'weekly', 'batch'],
    [undefined, undefined, null],
  ])('interactive use cases %s with freshness %s reads as %s', (interactive, freshness, usage) => {
    expect(usageFromV1(interactive, freshness)).toBe(usage);
  });
});

describe('derivedUuid', () => {
  it('is a version 4 UUID that differs with its seed', () => {
    const a = derivedUuid('a');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid('b')).not.toBe(a);
    expect(derivedUuid('a')).toBe(a);
  });
});
