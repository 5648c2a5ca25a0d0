import { describe, expect, it } from 'vitest';
import {
  COST_ASSUMPTION_INFO,
  GB_PER_TB,
  HOURS_PER_MONTH,
  MIN_UTILIZATION,
  ORGANISATION_COST_FACTORS,
  SOURCINGS,
  TASKS,
  TASK_THROUGHPUT,
  USE_CASE_COST_FACTORS,
  UTILIZATION_IF_UNKNOWN,
  organisationCostInput,
  useCaseCostInput,
} from '../../../../shared/cost';
import { SCOPE_ORGANISATION, SCOPE_USE_CASE, defaultPack } from '../../../../shared/engine';

const pack = defaultPack();

function factor(id: string) {
  const i = pack.factors.findIndex((f) => f.id === id);
  return { factor: pack.factors[i], scope: pack.factorScopes[i] };
}

describe('what the cost model reads', () => {
  it('names the default pack’s own task values and sourcing options', () => {
    expect(factor('task').factor).toMatchObject({ type: 'enum', values: [...TASKS] });
    const sourcing = pack.decisions[pack.decisionIndex.get('sourcing')!]!;
    expect(sourcing.decision.options.map((o) => o.id)).toEqual([...SOURCINGS]);
  });

  it('reads use-case answers from use-case factors and the organisation’s from organisation factors', () => {
    for (const id of Object.values(USE_CASE_COST_FACTORS)) expect(factor(id).scope, id).toBe(SCOPE_USE_CASE);
    for (const id of Object.values(ORGANISATION_COST_FACTORS)) expect(factor(id).scope, id).toBe(SCOPE_ORGANISATION);
  });

  it('has an editable throughput assumption for every task', () => {
    const keys = COST_ASSUMPTION_INFO.map((i) => i.key);
    for (const task of TASKS) expect(keys).toContain(TASK_THROUGHPUT[task]);
    expect(new Set(Object.values(TASK_THROUGHPUT)).size).toBe(TASKS.length);
  });

  it('states the constants its formulas use', () => {
    expect(HOURS_PER_MONTH).toBe(730); // 8,760 / 12
    expect(GB_PER_TB).toBe(1_000); // clouds bill decimal units
    expect(UTILIZATION_IF_UNKNOWN).toBe(0.5);
    expect(MIN_UTILIZATION).toBe(0.01);
  });

  it('reads a use case’s answers by the pack’s factor ids, dropping what is not a number or text', () => {
    const answers = {
      task: 'vision',
      requestsPerMonthNow: 1_000,
      requestsPerMonthInProduction: 50_000,
      monthlyTrainingGpuHours: 12,
      interruptionTolerance: 'some',
      customizationNeed: 'high',
      latencyP95Ms: 20,
    };
    expect(useCaseCostInput('id-1', 'Inspection', answers, 'custom-platform')).toEqual({
      id: 'id-1',
      name: 'Inspection',
      task: 'vision',
      requestsNow: 1_000,
      requestsInProduction: 50_000,
      trainingGpuHours: 12,
      interruptionTolerance: 'some',
      sourcing: 'custom-platform',
      customization: 'high',
    });
    expect(useCaseCostInput('x', 'X', { task: 3, requestsPerMonthNow: '1000', requestsPerMonthInProduction: Number.NaN, monthlyTrainingGpuHours: true }, null)).toEqual({
      id: 'x',
      name: 'X',
      task: null,
      requestsNow: null,
      requestsInProduction: null,
      trainingGpuHours: null,
      interruptionTolerance: null,
      sourcing: null,
      customization: null,
    });
  });

  it('reads the organisation’s answers by the pack’s factor ids', () => {
    expect(organisationCostInput({ sustainedGpuUtilization: 0.7, spareAccelerators: 4, egressTbPerMonth: 2, existingOnPremCapacity: 'some', opsExpertise: 'high' })).toEqual({
      sustainedGpuUtilization: 0.7,
      spareAccelerators: 4,
      egressTbPerMonth: 2,
      existingOnPremCapacity: 'some',
    });
    expect(organisationCostInput({})).toEqual({ sustainedGpuUtilization: null, spareAccelerators: null, egressTbPerMonth: null, existingOnPremCapacity: null });
  });
});
