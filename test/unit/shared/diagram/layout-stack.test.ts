import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { defaultPack, evaluate, type Answers, type Evaluation, type UseCaseInput } from '../../../../shared/engine';
import { MAX_LANES, canonicalLayoutJson, layoutStack, type PlacementId, type StackLayout } from './layout-imports';
import { expectGolden } from './golden';
import { expectWellFormed } from './layout-invariants';
import { SCENARIO_NAMES, SCENARIOS, crowdedUseCases, scenarioEvaluation, scenarioInput, scenarioLayout, type Scenario } from './scenarios';

const placementsOf = (l: StackLayout): PlacementId[] => l.placements.map((p) => p.id);
const where = (l: StackLayout, key: string): string[] => l.components.filter((c) => c.key === key).map((c) => c.placement);
const useCaseBoxes = (l: StackLayout) => l.components.filter((c) => c.layer === 'applications' && c.key.startsWith('uc-'));
/** Where the engine serves a use case: cloud, on-premises, edge, or null when a provider's API serves it. */
function servedAt(e: Evaluation, id: string): string | null {
  const o = e.useCases.find((u) => u.id === id)!.outcomes.find((x) => x.decision === 'serving-placement')!;
  return o.source === 'implied' ? null : o.option;
}
const COLUMN: Record<string, PlacementId> = { cloud: 'cloud-a', 'on-premises': 'on-premises', edge: 'edge' };
/** Where a use case lands on one of its decisions. */
function lands(e: Evaluation, id: string, decision: string): string | null {
  return e.useCases.find((u) => u.id === id)!.outcomes.find((o) => o.decision === decision)!.option;
}
/** The use cases the stack serves itself (not a provider's API) at a place, in a mode (any when omitted). */
function servedBy(e: Evaluation, at: string, mode?: string): string[] {
  return e.useCases.filter((u) => servedAt(e, u.id) === at && (mode === undefined || lands(e, u.id, 'serving-mode') === mode)).map((u) => u.id);
}

/** Each use case has one box, keyed `uc-<id>`; column by column, left to right, the boxes keep the roadmap's order. */
function expectOneBoxEach(l: StackLayout, ids: readonly string[]): void {
  const keys = useCaseBoxes(l).map((b) => b.key);
  expect([...keys].sort()).toEqual(ids.map((id) => `uc-${id}`).sort());
  const order = (b: StackLayout['components'][number]): number => placementsOf(l).indexOf(b.placement) * 1000 + ids.indexOf(b.key.slice(3));
  const boxes = useCaseBoxes(l);
  expect(boxes.map((b) => b.key)).toEqual([...boxes].sort((a, b) => order(a) - order(b)).map((b) => b.key));
}
const RESIDENCY = ['none', 'regional', 'in-country', 'sovereign'] as const;

describe('layoutStack: representative workshops', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: well formed and matches its golden layout`, () => {
      const layout = scenarioLayout(name);
      expectWellFormed(layout);
      expect(layout.warnings).toEqual([]);
      expectGolden(`layout-${name}.json`, canonicalLayoutJson(layout));
    });
  }

  it('draws every use case once, as an application box keyed by its id, in the column where the engine serves it', () => {
    for (const name of SCENARIO_NAMES) {
      const input = scenarioInput(name);
      const l = layoutStack(input);
      const boxes = useCaseBoxes(l);
      expectOneBoxEach(l, input.evaluation.useCases.map((u) => u.id));
      for (const u of input.evaluation.useCases) {
        const box = boxes.find((b) => b.key === `uc-${u.id}`)!;
        expect(box.id, name).toBe(`${box.placement}/applications/uc-${u.id}`);
        // A box carries the use case's name (or the room's rename of it).
        if (!box.renamed) expect(box.label).toBe(u.name);
        const at = servedAt(input.evaluation, u.id);
        expect(box.placement, `${name}: ${u.name}`).toBe(at === null ? 'cloud-a' : COLUMN[at]);
      }
      // The use cases replace the generic application boxes.
      expect(l.components.some((c) => c.key === 'business-apps' || c.key === 'edge-apps'), name).toBe(false);
    }
  });

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

  it('all cloud: one cloud column, every layer in it, no flows or boundary; each use case served there or by its provider', () => {
    const input = scenarioInput('cloud-single');
    const e = input.evaluation;
    const l = layoutStack(input);
    expect(placementsOf(l)).toEqual(['cloud-a']);
    expect(new Set(l.components.map((c) => c.layer))).toEqual(new Set(['applications', 'platform', 'networking', 'storage', 'compute']));
    expect(l.flows).toEqual([]);
    expect(l.residency).toBeNull();
    expect(l.governance).toBeNull();
    // Each box says how its use case is served and sourced; one a provider's API serves is "hosted".
    expect(servedAt(e, 'summaries')).toBeNull();
    expect(lands(e, 'summaries', 'sourcing')).toBe('foundation-model-apis');
    expect(l.components.find((c) => c.key === 'uc-summaries')!.detail).toBe('real-time · hosted foundation-model APIs');
    for (const id of ['recommendations', 'forecasting']) {
      expect(servedAt(e, id), id).toBe('cloud');
      const label = e.useCases.find((u) => u.id === id)!.decisions.find((d) => d.id === 'sourcing')!.ranking.find((r) => r.option === lands(e, id, 'sourcing'))!.label;
      expect(l.components.find((c) => c.key === `uc-${id}`)!.detail).toBe(`${lands(e, id, 'serving-mode')} · ${label}`);
    }
    // The summaries come from a foundation-model API: the platform shows it.
    expect(where(l, 'foundation-models')).toEqual(['cloud-a']);
    expect(l.components.find((c) => c.key === 'model-serving')!.detail).toContain('real-time + batch');
    // Each serving path runs through a use case the stack serves itself, not through the provider's API.
    expect(l.servingPaths.map((p) => [p.id, p.placement])).toEqual([['real-time', 'cloud-a'], ['batch', 'cloud-a']]);
    expect(l.servingPaths[0]!.steps[0]!.component).toBe('cloud-a/applications/uc-recommendations');
    expect(l.servingPaths[1]!.steps.at(-1)!.component).toBe('cloud-a/applications/uc-forecasting');
  });

  it('on-premises and sovereign: one column, both paths on-premises, the boundary at the strictest residency of the use cases', () => {
    const l = scenarioLayout('on-premises');
    expect(placementsOf(l)).toEqual(['on-premises']);
    expect(l.decisions.find((d) => d.id === 'cloud-strategy')).toMatchObject({ option: null, label: 'not applicable', source: 'none' });
    expect(l.servingPaths.map((p) => [p.id, p.placement])).toEqual([['real-time', 'on-premises'], ['batch', 'on-premises']]);
    // Case-file triage is sovereign, knowledge search in-country: the boundary is sovereign.
    expect(SCENARIOS['on-premises'].useCases.map((u) => u.answers.dataResidency)).toEqual(['sovereign', 'in-country']);
    expect(l.residency).toMatchObject({ level: 'sovereign', placements: ['on-premises'] });
    expect(l.residency!.label).toBe('Data residency boundary (sovereign): regulated data stays under national jurisdiction and operation');
    expect(l.security.find((c) => c.id === 'encryption-at-rest')!.detail).toContain('keys held in the jurisdiction');
    // No hosted API for an air-gapped estate.
    expect(l.components.some((c) => c.key === 'pre-built-apis' || c.key === 'foundation-models')).toBe(false);
    if (l.decisions.find((d) => d.id === 'ai-sourcing')!.option === 'custom-platform') {
      expect(l.components.filter((c) => c.layer === 'platform').every((c) => c.detail?.includes('self-built') || c.key === 'monitoring')).toBe(true);
    }
    expect(where(l, 'uc-case-triage')).toEqual(['on-premises']);
    expect(where(l, 'uc-knowledge-search')).toEqual(['on-premises']);
  });

  it('hybrid: each use case in its own column, sensitive processing on-premises, training and experiments in the cloud', () => {
    const input = scenarioInput('hybrid-multi-hub-both');
    const e = input.evaluation;
    const l = layoutStack(input);
    expect(placementsOf(l)).toEqual(['edge', 'on-premises', 'cloud-a', 'cloud-b']);
    // Shelf monitoring at the stores, fraud scoring in the data centre, the rest in the cloud (served or hosted).
    expect(where(l, 'uc-shelf-monitoring')).toEqual(['edge']);
    expect(where(l, 'uc-fraud-scoring')).toEqual(['on-premises']);
    expect(where(l, 'uc-service-assistant')).toEqual(['cloud-a']);
    expect(where(l, 'uc-demand-forecasting')).toEqual(['cloud-a']);
    expect(where(l, 'sensitive-data-processing')).toEqual(['on-premises']);
    expect(where(l, 'dev-environments')).toEqual(['cloud-a']);
    expect(where(l, 'experiment-tracking')).toEqual(['cloud-a']);
    expect(where(l, 'training-pipelines')).toEqual(['cloud-a', 'cloud-b']);
    expect(l.components.find((c) => c.id === 'cloud-a/platform/training-pipelines')!.detail).toContain('burst training');
    expect(where(l, 'model-registry')).toEqual(['on-premises']);
    // Forecasting is served in the cloud in batches: the cloud column serves models too, and has an endpoint only
    // when a use case is served there in real time.
    expect(servedBy(e, 'cloud', 'batch')).toContain('demand-forecasting');
    expect(where(l, 'model-serving')).toEqual(['edge', 'on-premises', 'cloud-a']);
    expect(l.components.find((c) => c.id === 'cloud-a/platform/model-serving')!.detail).toContain('batch');
    expect(where(l, 'inference-endpoints').includes('cloud-a')).toBe(servedBy(e, 'cloud', 'real-time').length > 0);
    expect(l.flows.map((f) => [f.number, f.from.placement, f.to.placement, f.layer])).toEqual([
      [1, 'on-premises', 'edge', 'platform'],
      [2, 'on-premises', 'cloud-a', 'storage'],
      [3, 'cloud-a', 'on-premises', 'platform'],
      [4, 'cloud-a', 'cloud-b', 'networking'],
    ]);
    // The strictest residency (fraud scoring, in-country) around the edge and the data centre.
    expect(l.residency).toMatchObject({ level: 'in-country', placements: ['edge', 'on-premises'] });
    // Real time at the stores, batch where forecasting runs, every step on a drawn component.
    expect(l.servingPaths.map((p) => [p.id, p.placement, p.steps[0]!.component])).toEqual([
      ['real-time', 'edge', 'edge/applications/uc-shelf-monitoring'],
      ['batch', 'cloud-a', 'cloud-a/platform/training-pipelines'],
    ]);
    expect(l.servingPaths[1]!.steps.map((s) => s.component)).toEqual([
      'cloud-a/platform/training-pipelines',
      'cloud-a/platform/model-serving',
      'cloud-a/storage/object-storage',
      'cloud-a/applications/uc-demand-forecasting',
    ]);
  });

  it('edge: a factory serving at the line and training in the cloud gets the edge and the cloud, and no data centre', () => {
    const input = scenarioInput('edge-factory');
    const e = input.evaluation;
    const l = layoutStack(input);
    expect(lands(e, 'visual-inspection', 'serving-placement')).toBe('edge');
    expect(lands(e, 'visual-inspection', 'training-placement')).toBe('cloud');
    expect(l.decisions.find((d) => d.id === 'deployment')).toMatchObject({ option: 'hybrid', source: 'recommended' });
    expect(placementsOf(l)).toEqual(['edge', 'cloud-a']);
    expect(where(l, 'uc-visual-inspection')).toEqual(['edge']);
    expect(where(l, 'uc-predictive-maintenance')).toEqual(['cloud-a']);
    expect(l.components.find((c) => c.id === 'edge/platform/model-serving')!.detail).toBe('latency-critical, p95 ≤ 8 ms');
    // Trained and registered in the cloud, synced to the line; no export to a data centre that does not exist.
    expect(where(l, 'model-registry')).toEqual(['cloud-a']);
    expect(where(l, 'training-pipelines')).toEqual(['cloud-a']);
    expect(l.flows.map((f) => [f.id, f.from.component, f.to.component])).toEqual([['flow/model-sync-edge', 'cloud-a/platform/model-registry', 'edge/platform/model-serving']]);
    expect(l.flows[0]!.label).toBe('Approved models synced from the cloud registry to edge serving');
    // Maintenance is an industry solution's task: the cloud's platform shows one.
    expect(lands(e, 'predictive-maintenance', 'sourcing')).toBe('industry-specific-solutions');
    expect(where(l, 'industry-solutions')).toEqual(['cloud-a']);
    expect(l.servingPaths.find((p) => p.id === 'real-time')).toMatchObject({ placement: 'edge' });
    expect(l.servingPaths.find((p) => p.id === 'real-time')!.steps[0]!.component).toBe('edge/applications/uc-visual-inspection');
    expect(l.security.find((s) => s.id === 'encryption-at-rest')!.detail).not.toContain('HSM');
  });

  it('the edge is drawn when a use case serves there, and goes when none does', () => {
    const s = SCENARIOS['hybrid-multi-hub-both'];
    const withShelf = (answers: Partial<Answers>): StackLayout => {
      const scenario: Scenario = { ...s, useCases: s.useCases.map((u) => (u.id === 'shelf-monitoring' ? { ...u, answers: { ...u.answers, ...answers } as Answers } : u)) };
      const evaluation = scenarioEvaluation(scenario);
      const l = layoutStack({ ...scenarioInput('hybrid-multi-hub-both'), evaluation, useCases: scenario.useCases });
      expect(placementsOf(l).includes('edge')).toBe(evaluation.useCases.some((u) => servedAt(evaluation, u.id) === 'edge'));
      return l;
    };
    expect(placementsOf(withShelf({ latencyP95Ms: 8 }))).toContain('edge');
    // Half a second is fine from a cloud region: the shelf monitoring moves there, and the edge column goes.
    const relaxed = withShelf({ latencyP95Ms: 500 });
    expect(placementsOf(relaxed)).not.toContain('edge');
    expect(where(relaxed, 'uc-shelf-monitoring')).toEqual(['cloud-a']);
    expect(relaxed.flows.map((f) => f.id)).not.toContain('flow/model-sync-edge');
  });

  it('the residency boundary is the strictest any use case asks for, and there is none when none asks', () => {
    const base = SCENARIOS['cloud-single'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RESIDENCY), { minLength: base.useCases.length, maxLength: base.useCases.length }), (levels) => {
        const useCases = base.useCases.map((u, i) => ({ ...u, answers: { ...u.answers, dataResidency: levels[i]! } }));
        const evaluation = evaluate(defaultPack(), { answers: base.organisation, useCases }, {}, { sensitivity: false });
        const l = layoutStack({ evaluation, answers: base.organisation, useCases });
        const strictest = RESIDENCY[Math.max(...levels.map((x) => RESIDENCY.indexOf(x)))]!;
        expect(l.residency?.level ?? 'none').toBe(strictest);
        if (l.residency) for (const p of l.residency.placements) expect(placementsOf(l)).toContain(p);
      }),
      { numRuns: 12 },
    );
  });

  it('hub-and-spoke: a central band and business-unit lanes, capped with a "more" lane', () => {
    const l = scenarioLayout('hybrid-multi-hub-both');
    expect(l.governance).toMatchObject({ model: 'hub-and-spoke', businessUnits: 9 });
    expect(l.governance!.lanes).toHaveLength(MAX_LANES);
    expect(l.governance!.lanes.at(-1)!.label).toBe('+4 more business units');
  });

  it('federated: the room chose federated and multi-cloud over the recommendations', () => {
    const l = scenarioLayout('federated');
    const evaluation = scenarioEvaluation(SCENARIOS.federated);
    expect(evaluation.decisions.find((d) => d.id === 'infrastructure-model')!.recommended).not.toBe('federated');
    expect(evaluation.decisions.find((d) => d.id === 'cloud-strategy')!.recommended).not.toBe('multi-cloud');
    expect(l.decisions.find((d) => d.id === 'infrastructure-model')).toMatchObject({ option: 'federated', source: 'choice' });
    expect(l.decisions.find((d) => d.id === 'cloud-strategy')).toMatchObject({ option: 'multi-cloud', source: 'choice' });
    expect(l.decisions.find((d) => d.id === 'deployment')).toMatchObject({ option: 'cloud', source: 'recommended' });
    expect(placementsOf(l)).toEqual(['cloud-a', 'cloud-b']);
    expect(l.governance).toMatchObject({ model: 'federated', businessUnits: 12 });
    expect(l.governance!.lanes.at(-1)!.label).toBe('+7 more business units');
    // All in the cloud, so the boundary (loyalty scoring: in-country) holds both clouds.
    expect(l.residency).toMatchObject({ level: 'in-country', placements: ['cloud-a', 'cloud-b'] });
    const title = l.title.text.map((t) => t.full).join(' ');
    expect(title).toContain("Infrastructure model: Federated (room's choice)");
    expect(title).toContain("Cloud strategy: Multi-cloud (room's choice)");
  });

  it('sets aside a choice for a decision that does not apply: an on-premises stack is not titled multi-cloud', () => {
    // The room keeps everything in its data centre, and had chosen multi-cloud before: the strategy no longer applies.
    const base = scenarioInput('hybrid-multi-hub-both', { choices: { deployment: 'on-premises', 'cloud-strategy': 'multi-cloud' } });
    expect(base.evaluation.decisions.find((d) => d.id === 'cloud-strategy')!.applicable).toBe(false);
    const l = layoutStack(base);
    expect(l.decisions.find((d) => d.id === 'cloud-strategy')).toMatchObject({ option: null, label: 'not applicable', source: 'none' });
    const title = l.title.text.map((t) => t.full).join(' ');
    expect(title).not.toContain('Multi-cloud');
    expect(placementsOf(l).filter((c) => c.startsWith('cloud'))).toEqual([]);
  });

  it("moves the use cases with the room's deployment choice, and says which ones it cannot place", () => {
    // The room keeps everything in its data centre: the use cases follow, and the cloud columns go.
    const onPrem = scenarioLayout('hybrid-multi-hub-both', { choices: { deployment: 'on-premises' } });
    expectWellFormed(onPrem);
    expect(placementsOf(onPrem)).toEqual(['edge', 'on-premises']);
    expect(useCaseBoxes(onPrem).map((b) => [b.key, b.placement])).toEqual([
      ['uc-shelf-monitoring', 'edge'],
      ['uc-fraud-scoring', 'on-premises'],
      ['uc-service-assistant', 'on-premises'],
      ['uc-demand-forecasting', 'on-premises'],
    ]);
    expect(onPrem.warnings).toEqual([]);
    // A layout drawn from an evaluation made before the choice cannot place the cloud's use cases: it says so.
    const before = scenarioInput('hybrid-multi-hub-both');
    const inCloud = servedBy(before.evaluation, 'cloud').map((id) => before.evaluation.useCases.find((u) => u.id === id)!.name);
    expect(inCloud).toContain('Demand forecasting');
    const stale = layoutStack({ ...before, choices: { deployment: 'on-premises' } });
    expect(stale.warnings).toEqual(inCloud.map((name) => `"${name}" serves in the cloud, which the current decisions do not draw; it is shown in On-premises.`));
    expectWellFormed(stale);
  });

  it('a roadmap with no use cases yet draws the generic applications and says deployment is undecided', () => {
    const s = SCENARIOS['cloud-single'];
    const evaluation = evaluate(defaultPack(), { answers: s.organisation, useCases: [] }, {}, { sensitivity: false, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } });
    const l = layoutStack({ evaluation, answers: s.organisation, useCases: [] });
    expectWellFormed(l);
    expect(placementsOf(l)).toEqual(['cloud-a']);
    expect(l.components.filter((c) => c.layer === 'applications').map((c) => c.id)).toEqual(['cloud-a/applications/business-apps']);
    expect(l.warnings).toEqual(['Deployment is undecided: the stack is drawn as a cloud deployment until it is decided.']);
  });

  it('keys use-case boxes by id: a UUID as it is, ids that differ only in case or punctuation apart', () => {
    const uuid = '3f2c9a1e-7b4d-4c8e-9f01-2a3b4c5d6e7f';
    const useCases: UseCaseInput[] = [
      { id: uuid, name: 'Contract summaries', answers: SCENARIOS['cloud-single'].useCases[0]!.answers },
      { id: 'Fraud', name: 'Fraud (EU)', answers: SCENARIOS['cloud-single'].useCases[2]!.answers },
      { id: 'fraud', name: 'Fraud (US)', answers: SCENARIOS['cloud-single'].useCases[2]!.answers },
      { id: 'f.raud', name: 'Fraud (APAC)', answers: SCENARIOS['cloud-single'].useCases[2]!.answers },
    ];
    const s = SCENARIOS['cloud-single'];
    const evaluation = evaluate(defaultPack(), { answers: s.organisation, useCases }, {}, { sensitivity: false });
    const l = layoutStack({ evaluation, answers: s.organisation, useCases });
    expectWellFormed(l);
    expect(useCaseBoxes(l).map((b) => [b.key, b.label])).toEqual([
      [`uc-${uuid}`, 'Contract summaries'],
      ['uc-fraud', 'Fraud (EU)'],
      ['uc-fraud-2', 'Fraud (US)'],
      ['uc-f-raud', 'Fraud (APAC)'],
    ]);
    // The room's rename of a use case's box follows it by id.
    const renamed = layoutStack({ evaluation, answers: s.organisation, useCases, overrides: { renamed: { [`cloud-a/applications/uc-${uuid}`]: 'Summaries (legal)' }, moved: {}, hidden: [], added: [] } });
    expect(renamed.components.find((c) => c.key === `uc-${uuid}`)).toMatchObject({ label: 'Summaries (legal)', renamed: true });
  });

  it('title block carries the workshop, date and pack', () => {
    const l = scenarioLayout('cloud-single');
    const pack = defaultPack().pack;
    expect(l.title).toMatchObject({ workshop: 'Northwind cloud-single workshop', date: '2026-11-28', pack: { id: 'stratum-default', version: pack.packVersion } });
    expect(l.title.text[1]!.full).toContain(`Rule pack stratum-default ${pack.packVersion}`);
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

describe('layoutStack: many use cases', () => {
  it('a roadmap of 30 use cases with long names: every box drawn, nothing overlaps, every text fits', () => {
    const s = SCENARIOS.crowded;
    const useCases = crowdedUseCases(30);
    const evaluation = evaluate(defaultPack(), { answers: s.organisation, useCases }, {}, { sensitivity: false, costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS } });
    const l = layoutStack({ evaluation, answers: s.organisation, useCases, workshop: { title: 'Northwind roadmap of 30 use cases' } });
    expectWellFormed(l);
    expect(l.warnings).toEqual([]);
    expect(useCaseBoxes(l)).toHaveLength(30);
    expect(new Set(useCaseBoxes(l).map((b) => b.placement))).toEqual(new Set(['edge', 'on-premises', 'cloud-a']));
    // Boxes of a row line up: the same height across the row, and a name cut short keeps its full text for tooltips.
    const heights = new Set(useCaseBoxes(l).map((b) => b.box.height));
    expect(heights.size).toBe(1);
    for (const b of useCaseBoxes(l)) {
      expect(b.text[0]!.full).toBe(b.label);
      expect(b.text[0]!.lines.length).toBeLessThanOrEqual(3);
    }
    // The applications row grows to hold them, and the rows below move down rather than overlap it.
    const apps = l.layers.find((x) => x.id === 'applications')!;
    for (const b of useCaseBoxes(l)) expect(b.box.y + b.box.height).toBeLessThanOrEqual(apps.box.y + apps.box.height);
  });

  it('any roadmap of 1 to 30 use cases, names up to 120 characters, lays out well formed', () => {
    const pack = defaultPack();
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9&'()<>"-]{1,40}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' ').slice(0, 120));
    const templates = [...new Set(Object.values(SCENARIOS).flatMap((s: Scenario) => s.useCases.map((u) => u.answers)))];
    const useCase = fc.record({ name, template: fc.nat({ max: templates.length - 1 }), residency: fc.constantFrom(...RESIDENCY) });
    const organisations = [SCENARIOS['cloud-single'].organisation, SCENARIOS['on-premises'].organisation, SCENARIOS.crowded.organisation, SCENARIOS['edge-factory'].organisation];
    fc.assert(
      fc.property(fc.array(useCase, { minLength: 1, maxLength: 30, size: 'max' }), fc.nat({ max: organisations.length - 1 }), (list, org) => {
        const useCases: UseCaseInput[] = list.map((u, i) => ({ id: `use-case-${i + 1}`, name: u.name, answers: { ...templates[u.template]!, dataResidency: u.residency } }));
        const evaluation = evaluate(pack, { answers: organisations[org]!, useCases }, {}, { sensitivity: false });
        const l = layoutStack({ evaluation, answers: organisations[org]!, useCases });
        expectWellFormed(l);
        expectOneBoxEach(l, useCases.map((u) => u.id));
        for (const u of useCases) {
          const at = servedAt(evaluation, u.id);
          const box = useCaseBoxes(l).find((b) => b.key === `uc-${u.id}`)!;
          if (at !== null && placementsOf(l).includes(COLUMN[at]!)) expect(box.placement).toBe(COLUMN[at]);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('layoutStack: every decision combination', () => {
  const deployments = ['cloud', 'on-premises', 'hybrid'];
  const strategies = ['single-cloud', 'multi-cloud'];
  const models = ['centralized', 'federated', 'hub-and-spoke'];
  const modes = ['real-time', 'batch', 'both'];
  const sourcings = ['pre-built-apis', 'foundation-model-apis', 'managed-ml-platform', 'custom-platform', 'industry-specific-solutions'];
  const bases = ['cloud-single', 'hybrid-multi-hub-both', 'edge-factory'] as const;

  for (const base of bases) {
    for (const deployment of deployments) {
      for (const strategy of strategies) {
        it(`${base} roadmap, ${deployment} + ${strategy}: every model, mode and sourcing is well formed`, () => {
          // The use cases are placed as the room's deployment and strategy place them; the rest is drawn as chosen.
          const input = scenarioInput(base, { choices: { deployment, 'cloud-strategy': strategy } });
          const e = input.evaluation;
          const served = e.useCases.map((u) => servedAt(e, u.id));
          const sourced = new Set(e.useCases.map((u) => u.outcomes.find((o) => o.decision === 'sourcing')!.option));
          const trainsOnPrem = e.useCases.some((u) => u.outcomes.find((o) => o.decision === 'training-placement')!.option === 'on-premises');
          const edge = served.includes('edge');
          for (const model of models) {
            for (const mode of modes) {
              for (const sourcing of sourcings) {
                const choices = { deployment, 'cloud-strategy': strategy, 'infrastructure-model': model, 'inference-mode': mode, 'ai-sourcing': sourcing };
                const l = layoutStack({ ...input, choices });
                expectWellFormed(l);
                const cols = placementsOf(l);
                const cloudCols = cols.filter((c) => c.startsWith('cloud'));
                const dataCentre = deployment === 'on-premises' || (deployment === 'hybrid' && !(edge && !served.includes('on-premises') && !trainsOnPrem));
                expect(cols.includes('on-premises')).toBe(dataCentre);
                expect(cloudCols.length).toBe(deployment === 'on-premises' ? 0 : strategy === 'multi-cloud' ? 2 : 1);
                expect(cols.includes('edge')).toBe(edge);
                expect(l.governance?.model ?? 'centralized').toBe(model);
                expect(l.servingPaths.map((p) => p.id)).toEqual(mode === 'both' ? ['real-time', 'batch'] : [mode]);
                expect(l.residency !== null).toBe(base === 'hybrid-multi-hub-both');
                expect(l.security.map((s) => s.code)).toEqual(['AC', 'ER', 'ET', 'NI', 'MO']);
                // With a roadmap, what is drawn for sourcing is how its use cases are sourced.
                expect(l.components.some((c) => c.key === 'pre-built-apis')).toBe(sourced.has('pre-built-apis'));
                expect(l.components.some((c) => c.key === 'foundation-models')).toBe(sourced.has('foundation-model-apis'));
                expect(l.components.some((c) => c.key === 'industry-solutions')).toBe(sourced.has('industry-specific-solutions'));
                // Every use case is drawn once; one that serves where no column is drawn is said to be shown elsewhere.
                const boxes = useCaseBoxes(l);
                expect(boxes).toHaveLength(e.useCases.length);
                const misplaced = e.useCases.filter((u, i) => served[i] !== null && boxes.find((b) => b.key === `uc-${u.id}`)!.placement !== COLUMN[served[i]!]);
                expect(l.warnings).toEqual(misplaced.map((u) => expect.stringMatching(new RegExp(`^"${u.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" serves .*; it is shown in `))));
                if (dataCentre && deployment === 'hybrid') {
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
