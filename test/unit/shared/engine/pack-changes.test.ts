import { describe, expect, it } from 'vitest';
import { comparePacks, defaultPack, loadPack, type Condition, type Pack } from '../../../../shared/engine';
import { northwindRiskPack, REGULATOR_RULE } from '../../../fixtures/packs/northwind-risk';

/** A pack as the app loads it; throws with the issues when it would refuse it. */
function loaded(json: Pack) {
  const result = loadPack(json);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.value.pack;
}

/** A team's pack as an author would write it: the built-in pack, copied and changed. */
function teamPack(change: (pack: Pack) => void) {
  const json = structuredClone(defaultPack().pack);
  json.id = 'northwind-risk';
  json.title = 'Northwind risk function';
  json.packVersion = '1.0.0';
  change(json);
  return loaded(json);
}

describe('what a team pack changes against the built-in one', () => {
  it('finds nothing between the built-in pack and itself', () => {
    const changes = comparePacks(defaultPack().pack, defaultPack().pack);
    expect(changes.same).toBe(true);
    expect(changes.rules).toEqual({ added: [], removed: [], changed: [] });
    expect(changes.risks).toEqual({ added: [], removed: [] });
  });

  it("lists a regulator's constraint, its risk, a moved threshold, a removed rule and a reweighted criterion, and nothing else", () => {
    // The bank's risk function's pack (the regulator's constraint and its risk, a tighter latency threshold,
    // compliance weighted 5), less a rule it has no use for.
    const custom = loaded(northwindRiskPack('1.0.0', (p) => (p.rules = p.rules.filter((r) => r.id !== 'infrastructure-model.very-many-units'))));
    const changes = comparePacks(defaultPack().pack, custom);
    expect(changes.same).toBe(false);
    expect(changes.other).toEqual({ id: 'northwind-risk', version: '1.0.0', title: 'Northwind risk function' });
    expect(changes.rules.added.map((r) => r.id)).toEqual([REGULATOR_RULE]);
    expect(changes.rules.removed.map((r) => r.id)).toEqual(['infrastructure-model.very-many-units']);
    expect(changes.rules.changed).toEqual([
      {
        id: 'serving-placement.tight-latency-favours-local-serving',
        rationale: expect.any(String),
        parts: ['condition'],
        thresholds: [{ factor: 'latencyP95Ms', op: 'lt', from: 20, to: 10 }],
      },
    ]);
    expect(changes.exclusions.added).toEqual([
      { rule: REGULATOR_RULE, decision: 'serving-placement', option: 'cloud', reason: 'The regulator does not allow regulated data in a public cloud region.' },
    ]);
    expect(changes.risks.added).toEqual([
      { rule: REGULATOR_RULE, decision: 'serving-placement', option: null, severity: 'high', message: 'Regulated data must stay out of public regions.' },
    ]);
    // The removed rule raised no risk and excluded nothing.
    expect(changes.risks.removed).toEqual([]);
    expect(changes.exclusions.removed).toEqual([]);
    expect(changes.criteria.weights).toEqual([{ id: 'compliance', label: expect.any(String), from: 4, to: 5 }]);
    expect(changes.decisions).toEqual({ added: [], removed: [], changed: [] });
    expect(changes.options).toEqual([]);
    expect(changes.baselines).toEqual([]);
    expect(changes.factors).toEqual({ added: [], removed: [], changed: [] });
    expect(changes.checks).toEqual({ added: [], removed: [], changed: [] });
    expect(changes.unlisted).toBe(false);
  });

  it('finds what changes a recommendation without a rule changing: a baseline, a question’s values or range, a portfolio, what a check tests', () => {
    const custom = teamPack((p) => {
      const single = p.decisions.find((d) => d.id === 'cloud-strategy')!.options.find((o) => o.id === 'single-cloud')!;
      single.baseline = { ...single.baseline!, cost: 0.1 };
      const task = p.factors.find((f) => f.id === 'task')! as { values: string[] };
      task.values = [...task.values].reverse();
      const egress = p.factors.find((f) => f.id === 'egressTbPerMonth')! as { min?: number };
      egress.min = 1;
      const deployment = p.decisions.find((d) => d.id === 'deployment')!;
      deployment.portfolio = { ...deployment.portfolio!, notApplicableCountsAs: { 'serving-placement': 'on-premises' } };
      const check = p.checks![0]!;
      check.when = { not: check.when };
      // Wording alone is not a change in meaning.
      p.factors.find((f) => f.id === 'dataSensitivity')!.help = 'Reworded help.';
    });
    const changes = comparePacks(defaultPack().pack, custom);
    expect(changes.baselines).toEqual([{ decision: 'cloud-strategy', option: 'single-cloud', criterion: 'cost', from: defaultPack().pack.decisions.find((d) => d.id === 'cloud-strategy')!.options[0]!.baseline!.cost, to: 0.1 }]);
    expect(changes.factors.changed).toEqual([
      { id: 'task', label: expect.any(String), parts: ['values'] },
      { id: 'egressTbPerMonth', label: expect.any(String), parts: ['min'] },
    ]);
    expect(changes.decisions.changed).toEqual([{ id: 'deployment', label: expect.any(String), parts: ['portfolio'] }]);
    expect(changes.checks.changed).toEqual([{ id: defaultPack().pack.checks![0]!.id, label: expect.any(String), parts: ['when'] }]);
    expect(changes.same).toBe(false);
    expect(changes.unlisted).toBe(false);
  });

  it('calls packs that differ only in wording the same, and says when they differ somewhere it does not itemise', () => {
    const reworded = teamPack((p) => {
      p.decisions[0]!.title = 'Another title';
      p.factors[0]!.prompt = 'Asked another way?';
      p.catalogue = [];
      p.checks![0]!.message = 'Said another way.';
      p.checks![0]!.ask = 'Asked another way?';
    });
    expect(comparePacks(defaultPack().pack, reworded)).toMatchObject({ same: true, unlisted: false });
    const rationale = teamPack((p) => {
      p.decisions.find((d) => d.id === 'cloud-strategy')!.options[0]!.rationale = 'Our own reason.';
    });
    expect(comparePacks(defaultPack().pack, rationale)).toMatchObject({ same: false, unlisted: true });
  });

  it('names a changed condition without inventing thresholds when its shape changed', () => {
    const custom = teamPack((p) => {
      const latency = p.rules.find((r) => r.id === 'serving-placement.tight-latency-favours-local-serving')!;
      latency.when = { all: [...(latency.when as { all: Condition[] }).all, { factor: 'dataSensitivity', op: 'in', value: ['confidential', 'regulated'] }] };
      const egress = p.rules.find((r) => r.id === 'cloud-strategy.cross-cloud-egress')!;
      egress.rationale = `${egress.rationale} (checked by the network team)`;
    });
    const changes = comparePacks(defaultPack().pack, custom);
    expect(changes.rules.changed).toEqual([
      { id: 'serving-placement.tight-latency-favours-local-serving', rationale: expect.any(String), parts: ['condition'], thresholds: [] },
      { id: 'cloud-strategy.cross-cloud-egress', rationale: expect.stringContaining('(checked by the network team)'), parts: ['rationale'], thresholds: [] },
    ]);
  });

  it('lists the options, questions and consistency checks a pack adds or removes, and the same the other way round', () => {
    const firstCheck = defaultPack().pack.checks![0]!.id;
    const custom = teamPack((p) => {
      p.checks = p.checks!.slice(1);
      const strategy = p.decisions.find((d) => d.id === 'cloud-strategy')!;
      strategy.options.push({ ...strategy.options[0]!, id: 'sovereign-cloud', label: 'Sovereign cloud', description: 'A cloud operated in the country under its law.' });
      p.factors.push({ id: 'regulatorApproved', label: 'Regulator approved', type: 'boolean', prompt: 'Has the regulator approved the cloud provider?', help: 'Some regulators keep a list.' });
    });
    const changes = comparePacks(defaultPack().pack, custom);
    expect(changes.checks).toEqual({ added: [], removed: [{ id: firstCheck, label: expect.any(String) }], changed: [] });
    expect(changes.options).toEqual([{ decision: 'cloud-strategy', added: [{ id: 'sovereign-cloud', label: 'Sovereign cloud' }], removed: [] }]);
    expect(changes.factors).toEqual({ added: [{ id: 'regulatorApproved', label: 'Regulator approved' }], removed: [], changed: [] });
    const back = comparePacks(custom, defaultPack().pack);
    expect(back.checks.added.map((c) => c.id)).toEqual([firstCheck]);
    expect(back.options).toEqual([{ decision: 'cloud-strategy', added: [], removed: [{ id: 'sovereign-cloud', label: 'Sovereign cloud' }] }]);
    expect(back.factors.removed.map((f) => f.id)).toEqual(['regulatorApproved']);
  });
});
