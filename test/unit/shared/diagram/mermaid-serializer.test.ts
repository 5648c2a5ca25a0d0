import { parse } from '@mermaid-js/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutStack, stackToDrawio, stackToMermaid, stackToSvg } from '../../../../shared/diagram';
import { expectGolden } from './golden';
import { SCENARIO_NAMES, scenarioInput, scenarioLayout } from './scenarios';
import { parseXml } from './xml-check';

const BUILT_IN_ICONS = new Set(['cloud', 'database', 'disk', 'internet', 'server']);

describe('stackToMermaid', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: matches its golden text and Mermaid's parser accepts it`, async () => {
      const layout = scenarioLayout(name);
      const text = stackToMermaid(layout);
      expectGolden(`stack-${name}.mmd`, text);
      const ast = await parse('architecture', text);
      const groups = new Set(ast.groups.map((g) => g.id));
      const services = new Set(ast.services.map((s) => s.id));
      expect(services.size).toBe(layout.components.length);
      // a group per placement, and a group per non-empty layer inside it
      const placementGroups = ast.groups.filter((g) => !g.in);
      expect(placementGroups.map((g) => g.title)).toEqual(layout.placements.map((p) => p.label));
      for (const g of ast.groups) if (g.in) expect(groups.has(g.in)).toBe(true);
      for (const s of ast.services) {
        expect(BUILT_IN_ICONS.has(s.icon!), s.icon).toBe(true);
        expect(groups.has(s.in!)).toBe(true);
      }
      for (const g of ast.groups) expect(BUILT_IN_ICONS.has(g.icon!), g.icon).toBe(true);
      for (const e of ast.edges) {
        expect(services.has(e.lhsId)).toBe(true);
        expect(services.has(e.rhsId)).toBe(true);
      }
      expect(ast.title).toBe(`Northwind ${name} workshop: AI infrastructure stack`);
    });
  }

  it('draws each data flow as an edge between the components it joins', async () => {
    const layout = scenarioLayout('hybrid-multi-hub-both');
    const ast = await parse('architecture', stackToMermaid(layout));
    expect(ast.edges.length).toBeGreaterThanOrEqual(layout.flows.length);
    const flowEdge = ast.edges.find((e) => e.lhsId === 's_on_premises_storage_object_storage' && e.rhsId === 's_cloud_a_storage_object_storage');
    expect(flowEdge).toMatchObject({ lhsDir: 'R', rhsDir: 'L' });
  });

  it('draws each use case as a service in its column\'s applications group', async () => {
    const ast = await parse('architecture', stackToMermaid(scenarioLayout('hybrid-multi-hub-both')));
    const service = (id: string) => ast.services.find((s) => s.id === id);
    expect(service('s_edge_applications_uc_shelf_monitoring')).toMatchObject({ title: 'Shelf monitoring in stores', in: 'g_edge_applications' });
    expect(service('s_on_premises_applications_uc_fraud_scoring')).toMatchObject({ title: 'Card fraud scoring', in: 'g_on_premises_applications' });
    expect(service('s_cloud_a_applications_uc_service_assistant')).toMatchObject({ title: 'Customer-service assistant', in: 'g_cloud_a_applications' });
  });

  it('keeps whatever names people give their use cases parseable, in Mermaid, SVG and draw.io', async () => {
    const input = scenarioInput('cloud-single');
    const names = fc.array(fc.string({ unit: 'binary', minLength: 0, maxLength: 120 }), { minLength: input.evaluation.useCases.length, maxLength: input.evaluation.useCases.length });
    await fc.assert(
      fc.asyncProperty(names, async (list) => {
        // Names come from the evaluation: give its use cases the generated ones.
        const evaluation = { ...input.evaluation, useCases: input.evaluation.useCases.map((u, i) => ({ ...u, name: list[i]! })) };
        const layout = layoutStack({ ...input, evaluation });
        const ast = await parse('architecture', stackToMermaid(layout));
        expect(ast.services.length).toBe(layout.components.length);
        expect(parseXml(stackToSvg(layout)).name).toBe('svg');
        expect(parseXml(stackToDrawio(layout)).name).toBe('mxfile');
      }),
      { numRuns: 40 },
    );
  });

  it('keeps labels with brackets and quotes parseable', async () => {
    const text = stackToMermaid(scenarioLayout('edited'));
    expect(text).toContain('(database)[MLflow model registry <prod> & staging] in');
    await expect(parse('architecture', text)).resolves.toBeDefined();
  });
});
