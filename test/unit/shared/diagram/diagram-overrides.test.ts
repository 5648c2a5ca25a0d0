import { describe, expect, it } from 'vitest';
import { DiagramOverridesSchema, emptyOverrides, layoutStack, parseDiagramOverrides, type DecisionChoices, type DiagramOverrides, type StackLayout } from '../../../../shared/diagram';
import type { Answers } from '../../../../shared/engine';
import { expectWellFormed } from './layout-invariants';
import { SCENARIOS, scenarioEvaluation, scenarioInput, scenarioLayout, type Scenario } from './scenarios';

const overrides = (o: Partial<DiagramOverrides>): DiagramOverrides => ({ ...emptyOverrides(), ...o });

describe('DiagramOverridesSchema', () => {
  it('fills in missing parts with no edits', () => {
    expect(DiagramOverridesSchema.parse({})).toEqual(emptyOverrides());
    expect(parseDiagramOverrides(undefined)).toEqual({ ok: true, value: emptyOverrides() });
  });

  it('names the field and what is allowed when something is wrong', () => {
    const r = parseDiagramOverrides({
      renamed: { 'cloud-a/platform/model-registry': '   ' },
      moved: { 'cloud-a/platform/model-serving': 'mars' },
      added: [
        { id: 'Vector DB', layer: 'storage', placement: 'cloud-a', label: 'x' },
        { id: 'x', layer: 'kitchen', placement: 'cloud-a', label: 'y' },
      ],
      extra: true,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(byPath['overrides.renamed.cloud-a/platform/model-registry']).toBe('overrides.renamed.cloud-a/platform/model-registry is required');
    expect(byPath['overrides.moved.cloud-a/platform/model-serving']).toBe('overrides.moved.cloud-a/platform/model-serving must be one of edge, on-premises, cloud-a, cloud-b');
    expect(byPath['overrides.added.0.id']).toContain('lower-case letters, digits and hyphens');
    expect(byPath['overrides.added.1.layer']).toBe('overrides.added.1.layer must be one of applications, platform, networking, storage, compute');
    expect(Object.keys(byPath)).toContain('overrides');
  });

  it('refuses two added components with the same id and labels over the limit', () => {
    const twice = { id: 'gw', layer: 'networking', placement: 'cloud-a', label: 'Gateway' };
    expect(parseDiagramOverrides({ added: [twice, twice] }).ok).toBe(false);
    expect(parseDiagramOverrides({ renamed: { 'cloud-a/compute/cpu': 'x'.repeat(81) } }).ok).toBe(false);
  });
});

describe('overrides in the layout', () => {
  it('renames, hides and adds by stable id', () => {
    const l = scenarioLayout('edited');
    expectWellFormed(l);
    const registry = l.components.find((c) => c.id === 'cloud-a/platform/model-registry')!;
    expect(registry).toMatchObject({ label: 'MLflow model registry <prod> & "staging"', renamed: true });
    // A use case's box is renamed by its id like any other component.
    expect(l.components.find((c) => c.id === 'cloud-a/applications/uc-forecasting')).toMatchObject({ label: 'Demand forecasting (all stores)', renamed: true });
    expect(l.components.find((c) => c.id === 'cloud-a/applications/uc-recommendations')).toMatchObject({ label: 'Product recommendations', renamed: false });
    expect(l.components.some((c) => c.id === 'cloud-a/storage/archive')).toBe(false);
    expect(l.hidden).toEqual([{ id: 'cloud-a/storage/archive', layer: 'storage', placement: 'cloud-a', label: 'Archive' }]);
    const added = l.components.filter((c) => c.origin === 'added');
    expect(added.map((c) => [c.id, c.layer, c.placement, c.homePlacement])).toEqual([
      ['custom/llm-gateway', 'networking', 'cloud-a', null],
      ['custom/vector-db', 'storage', 'cloud-a', null],
    ]);
    // added components come after the generated ones of their cell
    const storage = l.components.filter((c) => c.layer === 'storage').map((c) => c.key);
    expect(storage.at(-1)).toBe('vector-db');
    // the long label was fitted, not overflowed
    const vector = added.find((c) => c.key === 'vector-db')!;
    expect(vector.text[0]!.lines.length).toBeLessThanOrEqual(3);
    expect(vector.text[0]!.truncated).toBe(false);
  });

  it('moves a component to another placement, keeping its id', () => {
    const input = scenarioInput('hybrid-multi-hub-both');
    const l = layoutStack({ ...input, overrides: overrides({ moved: { 'cloud-a/platform/experiment-tracking': 'on-premises' } }) });
    expectWellFormed(l);
    const c = l.components.find((x) => x.id === 'cloud-a/platform/experiment-tracking')!;
    expect(c).toMatchObject({ placement: 'on-premises', homePlacement: 'cloud-a', moved: true });
    const cell = l.cells.find((x) => x.id === 'on-premises/platform')!;
    expect(c.box.x).toBeGreaterThanOrEqual(cell.box.x);
    expect(c.box.x + c.box.width).toBeLessThanOrEqual(cell.box.x + cell.box.width);
  });

  it('survives re-evaluation: edits apply again after the answers change, stale ones are reported', () => {
    const edits = overrides({
      renamed: { 'on-premises/platform/model-registry': 'Registry of record', 'edge/applications/uc-shelf-monitoring': 'Shelf cameras (300 stores)' },
      moved: { 'cloud-a/platform/dev-environments': 'on-premises' },
      hidden: ['on-premises/storage/archive'],
      added: [{ id: 'sovereign-kms', layer: 'storage', placement: 'on-premises', label: 'Key management' }],
    });
    const hybrid = layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), overrides: edits });
    expect(hybrid.warnings).toEqual([]);
    expect(hybrid.components.find((c) => c.id === 'edge/applications/uc-shelf-monitoring')!.label).toBe('Shelf cameras (300 stores)');
    // The room relaxes the shelf monitoring's latency and keeps a hybrid estate: it moves to the cloud, the edge goes.
    const relaxed = (choices: DecisionChoices): StackLayout => {
      const s: Scenario = SCENARIOS['hybrid-multi-hub-both'];
      const scenario: Scenario = { ...s, useCases: s.useCases.map((u) => (u.id === 'shelf-monitoring' ? { ...u, answers: { ...u.answers, latencyP95Ms: 500 } as Answers } : u)) };
      return layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), evaluation: scenarioEvaluation(scenario, choices), useCases: scenario.useCases, choices, overrides: edits });
    };
    const again = relaxed({ deployment: 'hybrid' });
    expectWellFormed(again);
    expect(again.placements.map((p) => p.id)).toEqual(['on-premises', 'cloud-a', 'cloud-b']);
    expect(again.components.find((c) => c.id === 'on-premises/platform/model-registry')!.label).toBe('Registry of record');
    expect(again.components.find((c) => c.id === 'cloud-a/platform/dev-environments')!.placement).toBe('on-premises');
    expect(again.hidden.map((h) => h.id)).toEqual(['on-premises/storage/archive']);
    expect(again.components.some((c) => c.id === 'custom/sovereign-kms')).toBe(true);
    // The box of a use case is named by the column it serves in: moved to the cloud, the old rename is reported, not lost.
    expect(again.components.find((c) => c.key === 'uc-shelf-monitoring')).toMatchObject({ id: 'cloud-a/applications/uc-shelf-monitoring', label: 'Shelf monitoring in stores' });
    expect(again.warnings).toEqual(['Rename of "edge/applications/uc-shelf-monitoring" not applied: the current decisions do not draw that component.']);
    // A cloud-only choice removes the on-premises column: the edits that need it are reported, not lost.
    const cloud = relaxed({ deployment: 'cloud' });
    expect(cloud.warnings).toEqual([
      'Rename of "edge/applications/uc-shelf-monitoring" not applied: the current decisions do not draw that component.',
      'Rename of "on-premises/platform/model-registry" not applied: the current decisions do not draw that component.',
      'Move of "cloud-a/platform/dev-environments" to On-premises not applied: the current decisions draw no On-premises column.',
      'Added component "Key management" is in On-premises, which the current decisions do not draw; it is hidden until that column returns.',
      'Hiding "on-premises/storage/archive" not applied: the current decisions do not draw that component.',
    ]);
    expect(cloud.hidden.map((h) => h.id)).toEqual(['custom/sovereign-kms']);
    expectWellFormed(cloud);
  });

  it('keeps flows and serving paths pointing at components that are drawn', () => {
    const l = layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), overrides: overrides({ hidden: ['on-premises/storage/object-storage', 'edge/platform/model-serving'] }) });
    const ids = new Set(l.components.map((c) => c.id));
    for (const f of l.flows) for (const end of [f.from.component, f.to.component]) if (end !== null) expect(ids.has(end)).toBe(true);
    expect(l.flows.find((f) => f.id === 'flow/training-data')!.from.component).toBe('on-premises/storage/feature-store');
    const realTime = l.servingPaths.find((p) => p.id === 'real-time')!;
    expect(realTime.steps.map((s) => s.component)).toEqual(['edge/applications/uc-shelf-monitoring', 'edge/networking/inference-endpoints', null, 'edge/storage/feature-store']);
    // Hiding the use case the path starts from leaves that step pointing at nothing, not at a hidden box.
    const noShelf = layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), overrides: overrides({ hidden: ['edge/applications/uc-shelf-monitoring'] }) });
    expect(noShelf.servingPaths.find((p) => p.id === 'real-time')!.steps[0]!.component).toBeNull();
  });
});
