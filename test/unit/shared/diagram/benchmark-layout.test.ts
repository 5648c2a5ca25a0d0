import { describe, expect, it } from 'vitest';
import { stackToSvg } from '../../../../shared/diagram';
import { benchmarkStackInput, benchmarkStackLayout } from '../../../bench/benchmark-stack';
import { expectWellFormed } from './layout-invariants';

describe('benchmarkStackLayout', () => {
  it('lays out a 100-component stack that is still well formed', () => {
    const layout = benchmarkStackLayout(100);
    expect(layout.components).toHaveLength(100);
    expect(layout.warnings).toEqual([]);
    expectWellFormed(layout);
    expect(stackToSvg(layout).length).toBeGreaterThan(10_000);
  });

  it('draws a roadmap of ten use cases with every part of the drawing', () => {
    const input = benchmarkStackInput(1);
    expect(input.useCases).toHaveLength(10);
    expect(input.evaluation.useCases).toHaveLength(10);
    const layout = benchmarkStackLayout(1);
    expect(layout.components.filter((c) => c.key.startsWith('uc-'))).toHaveLength(10);
    expect(layout.placements.map((p) => p.id)).toEqual(['edge', 'on-premises', 'cloud-a', 'cloud-b']);
    expect(layout.servingPaths.map((p) => p.id)).toEqual(['real-time', 'batch']);
    expect(layout.residency).not.toBeNull();
    expect(layout.governance).not.toBeNull();
    expect(layout.flows.length).toBeGreaterThanOrEqual(4);
  });

  it('never goes below what the decisions draw', () => {
    const input = benchmarkStackInput(1);
    expect(input.overrides?.added).toEqual([]);
  });
});
