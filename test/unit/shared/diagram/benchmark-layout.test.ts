import { describe, expect, it } from 'vitest';
import { benchmarkStackInput, benchmarkStackLayout, stackToSvg } from '../../../../shared/diagram';
import { expectWellFormed } from './layout-invariants';

describe('benchmarkStackLayout', () => {
  it('lays out a 100-component stack that is still well formed', () => {
    const layout = benchmarkStackLayout(100);
    expect(layout.components).toHaveLength(100);
    expect(layout.warnings).toEqual([]);
    expectWellFormed(layout);
    expect(stackToSvg(layout).length).toBeGreaterThan(10_000);
  });

  it('never goes below what the decisions draw', () => {
    const input = benchmarkStackInput(1);
    expect(input.overrides?.added).toEqual([]);
  });
});
