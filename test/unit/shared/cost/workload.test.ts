import { describe, expect, it } from 'vitest';
import { INTERRUPTIBLE_SHARE, resolveWorkload, scaleWorkload, type CostInputs } from '../../../../shared/cost';
import { CASE_A_INPUTS, CASE_B_ASSUMPTIONS, CASE_B_INPUTS, DEFAULTS } from './fixtures';

describe('resolveWorkload', () => {
  it('reads the answers into accelerator-hours, shares and GB', () => {
    expect(resolveWorkload(CASE_A_INPUTS, DEFAULTS)).toEqual({
      // I = 5,000,000 / 10,000 = 500 h; 2 TB × 1,000 = 2,000 GB; 'some' → 0.5.
      workload: { trainingHours: 2_000, interruptibleShare: 0.5, inferenceRequests: 5_000_000, inferenceHours: 500, utilization: 0.6, egressGb: 2_000 },
      unknownInputs: [],
      inputIssues: [],
      notes: [],
    });
    // I = 1,460,000 / 2,000 = 730 h.
    expect(resolveWorkload(CASE_B_INPUTS, CASE_B_ASSUMPTIONS).workload.inferenceHours).toBe(730);
  });

  it('maps interruption tolerance to the documented interruptible share', () => {
    expect(INTERRUPTIBLE_SHARE).toEqual({ none: 0, some: 0.5, high: 0.9 });
    for (const tolerance of ['none', 'some', 'high'] as const) {
      expect(resolveWorkload({ interruptionTolerance: tolerance }, DEFAULTS).workload.interruptibleShare).toBe(INTERRUPTIBLE_SHARE[tolerance]);
    }
  });

  it('lists missing answers as unknown and takes 0, none and 50% for them', () => {
    const resolved = resolveWorkload({}, DEFAULTS);
    expect(resolved.workload).toEqual({
      trainingHours: 0,
      interruptibleShare: 0,
      inferenceRequests: 0,
      inferenceHours: 0,
      utilization: 0.5,
      egressGb: 0,
    });
    expect(resolved.unknownInputs).toEqual([
      'monthlyTrainingGpuHours',
      'monthlyInferenceRequests',
      'sustainedGpuUtilization',
      'interruptionTolerance',
      'egressTbPerMonth',
    ]);
    expect(resolved.inputIssues).toEqual([]);
    expect(resolved.notes).toContain('sustainedGpuUtilization is unknown; taken as 50% for sizing an owned fleet.');
    expect(resolveWorkload({ monthlyTrainingGpuHours: null }, DEFAULTS).unknownInputs).toContain('monthlyTrainingGpuHours');
  });

  it('treats unusable values as unknown and says why, naming the input', () => {
    const bad = {
      monthlyTrainingGpuHours: -5,
      sustainedGpuUtilization: 1.5,
      interruptionTolerance: 'lots',
      egressTbPerMonth: '3',
      monthlyInferenceRequests: Number.NaN,
    } as unknown as CostInputs;
    const resolved = resolveWorkload(bad, DEFAULTS);
    expect(resolved.unknownInputs).toEqual([
      'monthlyTrainingGpuHours',
      'monthlyInferenceRequests',
      'sustainedGpuUtilization',
      'interruptionTolerance',
      'egressTbPerMonth',
    ]);
    expect(resolved.inputIssues).toEqual([
      { path: 'monthlyTrainingGpuHours', message: 'monthlyTrainingGpuHours must be a number of at least 0; got -5' },
      { path: 'monthlyInferenceRequests', message: 'monthlyInferenceRequests must be a number of at least 0; got NaN' },
      { path: 'sustainedGpuUtilization', message: 'sustainedGpuUtilization must be a number between 0 and 1; got 1.5' },
      { path: 'interruptionTolerance', message: 'interruptionTolerance must be one of "none", "some", "high"; got "lots"' },
      { path: 'egressTbPerMonth', message: 'egressTbPerMonth must be a number of at least 0; got "3"' },
    ]);
    expect(resolved.workload.utilization).toBe(0.5);
  });

  it('sizes a stated 0% utilization at 1% rather than an infinite fleet, and says so', () => {
    const resolved = resolveWorkload({ sustainedGpuUtilization: 0 }, DEFAULTS);
    expect(resolved.workload.utilization).toBe(0.01);
    expect(resolved.unknownInputs).not.toContain('sustainedGpuUtilization');
    expect(resolved.notes).toEqual(expect.arrayContaining([expect.stringContaining('sized at 1%')]));
  });
});

describe('scaleWorkload', () => {
  it('multiplies volumes, not utilization or tolerance', () => {
    const { workload } = resolveWorkload(CASE_B_INPUTS, CASE_B_ASSUMPTIONS);
    expect(scaleWorkload(workload, 4)).toEqual({
      trainingHours: 5_840,
      interruptibleShare: 0.9,
      inferenceRequests: 5_840_000,
      inferenceHours: 2_920,
      utilization: 0.5,
      egressGb: 40_000,
    });
  });
});
