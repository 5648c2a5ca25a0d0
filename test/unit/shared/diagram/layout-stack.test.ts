import { describe, expect, it } from 'vitest';
import { EDGE_LATENCY_MS, MAX_LANES, canonicalLayoutJson, layoutStack, type PlacementId, type StackLayout } from './layout-imports';
import { expectGolden } from './golden';
import { expectWellFormed } from './layout-invariants';
import { SCENARIO_NAMES, SCENARIOS, scenarioEvaluation, scenarioInput, scenarioLayout } from './scenarios';

const placementsOf = (l: StackLayout): PlacementId[] => l.placements.map((p) => p.id);
const where = (l: StackLayout, key: string): string[] => l.components.filter((c) => c.key === key).map((c) => c.placement);

describe('layoutStack: representative workshops', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: well formed and matches its golden layout`, () => {
      const layout = scenarioLayout(name);
      expectWellFormed(layout);
      expect(layout.warnings).toEqual([]);
      expectGolden(`layout-${name}.json`, canonicalLayoutJson(layout));
    });
  }

  it('draws the engine recommendations when the room has made no choice', () => {
    const l = scenarioLayout('hybrid-multi-hub-both');
    expect(l.decisions.map((d) => [d.id, d.option, d.source])).toEqual([
      ['deployment', 'hybrid', 'recommended'],
      ['cloud-strategy', 'multi-cloud', 'recommended'],
      ['infrastructure-model', 'hub-and-spoke', 'recommended'],
      ['inference-mode', 'both', 'recommended'],
      ['ai-sourcing', 'managed-ml-platform', 'recommended'],
    ]);
  });

  it('cloud, single cloud: one cloud column, every layer in it, no flows or boundary', () => {
    const l = scenarioLayout('cloud-single');
    expect(placementsOf(l)).toEqual(['cloud-a']);
    expect(new Set(l.components.map((c) => c.layer))).toEqual(new Set(['applications', 'platform', 'networking', 'storage', 'compute']));
    expect(l.flows).toEqual([]);
    expect(l.residency).toBeNull();
    expect(l.governance).toBeNull();
    expect(l.servingPaths.map((p) => [p.id, p.placement])).toEqual([['real-time', 'cloud-a']]);
    // pre-built APIs: the vendor's services appear beside the applications
    expect(l.components.find((c) => c.key === 'pre-built-apis')?.placement).toBe('cloud-a');
  });

  it('on-premises: one column, batch path on-premises, a sovereign boundary around it', () => {
    const l = scenarioLayout('on-premises');
    expect(placementsOf(l)).toEqual(['on-premises']);
    expect(l.decisions.find((d) => d.id === 'cloud-strategy')).toMatchObject({ option: null, label: 'not applicable', source: 'none' });
    expect(l.servingPaths.map((p) => [p.id, p.placement])).toEqual([['batch', 'on-premises']]);
    expect(l.residency).toMatchObject({ level: 'sovereign', placements: ['on-premises'] });
    expect(l.components.filter((c) => c.layer === 'platform').every((c) => c.detail?.includes('self-built') || c.key === 'monitoring')).toBe(true);
  });

  it('hybrid: sensitive processing and latency-critical serving on-premises, burst training and experiments in the cloud', () => {
    const l = scenarioLayout('hybrid-multi-hub-both');
    expect(placementsOf(l)).toEqual(['edge', 'on-premises', 'cloud-a', 'cloud-b']);
    expect(where(l, 'sensitive-data-processing')).toEqual(['on-premises']);
    expect(where(l, 'dev-environments')).toEqual(['cloud-a']);
    expect(where(l, 'experiment-tracking')).toEqual(['cloud-a']);
    expect(where(l, 'training-pipelines')).toEqual(['cloud-a', 'cloud-b']);
    expect(l.components.find((c) => c.id === 'cloud-a/platform/training-pipelines')!.detail).toContain('burst training');
    expect(where(l, 'model-registry')).toEqual(['on-premises']);
    expect(l.flows.map((f) => [f.number, f.from.placement, f.to.placement, f.layer])).toEqual([
      [1, 'on-premises', 'edge', 'platform'],
      [2, 'on-premises', 'cloud-a', 'storage'],
      [3, 'cloud-a', 'on-premises', 'platform'],
      [4, 'cloud-a', 'cloud-b', 'networking'],
    ]);
    expect(l.residency).toMatchObject({ level: 'in-country', placements: ['edge', 'on-premises'] });
  });

  it('edge appears when real-time latency is at or under the edge threshold, and not otherwise', () => {
    const s = SCENARIOS['hybrid-multi-hub-both'];
    const at = (ms: number): StackLayout => layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), answers: { ...s.answers, latencyP95Ms: ms } });
    expect(placementsOf(at(EDGE_LATENCY_MS))).toContain('edge');
    expect(placementsOf(at(EDGE_LATENCY_MS + 1))).not.toContain('edge');
    const l = at(EDGE_LATENCY_MS);
    expect(l.servingPaths.find((p) => p.id === 'real-time')!.placement).toBe('edge');
    // batch-only serving never needs the edge
    const batch = layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), choices: { 'inference-mode': 'batch' } });
    expect(placementsOf(batch)).not.toContain('edge');
  });

  it('hub-and-spoke: a central band and business-unit lanes, capped with a "more" lane', () => {
    const l = scenarioLayout('hybrid-multi-hub-both');
    expect(l.governance).toMatchObject({ model: 'hub-and-spoke', businessUnits: 9 });
    expect(l.governance!.lanes).toHaveLength(MAX_LANES);
    expect(l.governance!.lanes.at(-1)!.label).toBe('+4 more business units');
  });

  it('federated: the room chose cloud and single cloud over the recommendation', () => {
    const l = scenarioLayout('federated');
    const evaluation = scenarioEvaluation(SCENARIOS.federated);
    expect(evaluation.decisions.find((d) => d.id === 'deployment')!.recommended).not.toBe('cloud');
    expect(l.decisions.find((d) => d.id === 'deployment')).toMatchObject({ option: 'cloud', source: 'choice' });
    expect(l.decisions.find((d) => d.id === 'infrastructure-model')).toMatchObject({ option: 'federated', source: 'recommended' });
    expect(placementsOf(l)).toEqual(['edge', 'cloud-a']);
    expect(l.governance).toMatchObject({ model: 'federated', businessUnits: 12 });
    expect(l.residency).toMatchObject({ level: 'regional', placements: ['edge', 'cloud-a'] });
    expect(l.title.text.map((t) => t.full).join(' ')).toContain("Deployment: Public cloud (room's choice)");
  });

  it('title block carries the workshop, date and pack', () => {
    const l = scenarioLayout('cloud-single');
    expect(l.title).toMatchObject({ workshop: 'Northwind cloud-single workshop', date: '2026-11-28', pack: { id: 'stratum-default', version: '1.0.1' } });
    expect(l.title.text[1]!.full).toContain('Rule pack stratum-default 1.0.1');
  });

  it('is deterministic: the same input gives the same layout', () => {
    expect(canonicalLayoutJson(scenarioLayout('hybrid-multi-hub-both'))).toBe(canonicalLayoutJson(scenarioLayout('hybrid-multi-hub-both')));
  });

  it('reports a choice that names no option and draws the recommendation', () => {
    const l = layoutStack({ ...scenarioInput('cloud-single'), choices: { deployment: 'mainframe', colour: 'blue' } });
    expect(l.decisions[0]).toMatchObject({ option: 'cloud', source: 'recommended' });
    expect(l.warnings).toEqual([
      'The choice "mainframe" for deployment is not one of its options (cloud, hybrid, on-premises); the recommendation is drawn instead.',
      'The choice for "colour" is ignored: the stack is drawn from deployment, cloud-strategy, infrastructure-model, inference-mode, ai-sourcing.',
    ]);
  });
});

describe('layoutStack: every decision combination', () => {
  const deployments = ['cloud', 'on-premises', 'hybrid'];
  const strategies = ['single-cloud', 'multi-cloud'];
  const models = ['centralized', 'federated', 'hub-and-spoke'];
  const modes = ['real-time', 'batch', 'both'];
  const sourcings = ['pre-built-apis', 'foundation-model-apis', 'managed-ml-platform', 'custom-platform'];
  const bases = ['cloud-single', 'hybrid-multi-hub-both'] as const;

  for (const base of bases) {
    for (const deployment of deployments) {
      for (const strategy of strategies) {
        it(`${base} answers, ${deployment} + ${strategy}: every model, mode and sourcing is well formed`, () => {
          const input = scenarioInput(base);
          for (const model of models) {
            for (const mode of modes) {
              for (const sourcing of sourcings) {
                const choices = { deployment, 'cloud-strategy': strategy, 'infrastructure-model': model, 'inference-mode': mode, 'ai-sourcing': sourcing };
                const l = layoutStack({ ...input, choices });
                expectWellFormed(l);
                expect(l.warnings).toEqual([]);
                const cols = placementsOf(l);
                const cloudCols = cols.filter((c) => c.startsWith('cloud'));
                expect(cols.includes('on-premises')).toBe(deployment !== 'cloud');
                expect(cloudCols.length).toBe(deployment === 'on-premises' ? 0 : strategy === 'multi-cloud' ? 2 : 1);
                expect(cols.includes('edge')).toBe(base === 'hybrid-multi-hub-both' && mode !== 'batch');
                expect(l.governance?.model ?? 'centralized').toBe(model);
                expect(l.servingPaths.map((p) => p.id)).toEqual(mode === 'both' ? ['real-time', 'batch'] : [mode]);
                expect(l.residency !== null).toBe(base === 'hybrid-multi-hub-both');
                expect(l.security.map((s) => s.code)).toEqual(['AC', 'ER', 'ET', 'NI', 'MO']);
                expect(l.components.some((c) => c.key === 'pre-built-apis')).toBe(sourcing === 'pre-built-apis');
                expect(l.components.some((c) => c.key === 'foundation-models')).toBe(sourcing === 'foundation-model-apis');
                if (deployment === 'hybrid') {
                  expect(where(l, 'sensitive-data-processing')).toEqual(['on-premises']);
                  expect(where(l, 'dev-environments')).toEqual(['cloud-a']);
                }
              }
            }
          }
        });
      }
    }
  }
});
