import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERRIDDEN_CONSTRAINT_RULE, defaultPack, evaluate, factorInfluence, loadPack, parseAnswersFile, sensitivitySweep, stakeholderRankings, type CompiledPack, type Evaluation, type Roadmap } from '../../../../shared/engine';
import { emptyWorkshopState } from '../../../../shared/domain';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { tinyPackJson } from './tiny-pack';

// What follows from a decision follows from what the room decided: rules that read another decision
// (applicability, risks) read the room's own choice where it made one, and nothing else moves.

const roadmap = (name: string): Roadmap => {
  const file = parseAnswersFile(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../../fixtures/workshops/${name}.json`), 'utf8')), defaultPack());
  if (!file.ok) throw new Error(name);
  return { answers: file.value.answers, useCases: file.value.useCases };
};
const BANK = roadmap('regulated-bank'); // recommends on-premises
const STARTUP = roadmap('retail-startup'); // recommends cloud
const pack = defaultPack();
const decision = (e: Evaluation, id: string) => e.decisions.find((d) => d.id === id)!;
const rankings = (e: Evaluation) => [...e.decisions, ...e.useCases.flatMap((u) => u.decisions)].map((d) => d.ranking.map((r) => [r.option, r.score]));

describe('room choices and the rules that read decisions', () => {
  it('makes the cloud strategy apply when the room chooses cloud over a recommended on-premises', () => {
    const recommended = evaluate(pack, BANK);
    expect(decision(recommended, 'deployment').recommended).toBe('on-premises');
    expect(decision(recommended, 'cloud-strategy')).toMatchObject({ applicable: false, recommended: null });

    const chosen = evaluate(pack, BANK, undefined, { decided: { deployment: 'cloud' } });
    expect(decision(chosen, 'cloud-strategy').applicable).toBe(true);
    expect(decision(chosen, 'cloud-strategy').recommended).toMatch(/^(single|multi)-cloud$/);
    // The engine still recommends what it recommended, with the same scores everywhere.
    expect(decision(chosen, 'deployment').recommended).toBe('on-premises');
    expect(rankings(chosen)).toEqual(rankings(recommended));
    // …and every use case now lands in the cloud, moved there by the room's choice.
    for (const u of chosen.useCases) expect(u.outcomes.find((o) => o.decision === 'serving-placement')).toMatchObject({ option: 'cloud', source: 'roadmap' });
  });

  it('makes it not apply, saying why, when the room chooses on-premises over a recommended cloud', () => {
    expect(decision(evaluate(pack, STARTUP), 'cloud-strategy').applicable).toBe(true);
    const chosen = decision(evaluate(pack, STARTUP, undefined, { decided: { deployment: 'on-premises' } }), 'cloud-strategy');
    expect(chosen).toMatchObject({ applicable: false, recommended: null });
    expect(chosen.notApplicableBecause.map((r) => r.reason)).toEqual(['The deployment is on-premises: no public cloud is used.']);
  });

  it('raises the risks that follow from the room’s deployment, and says which use cases cannot follow it', () => {
    const e = (decided?: Record<string, string>) => evaluate(pack, STARTUP, undefined, { decided });
    expect(['pre-built-apis', 'foundation-model-apis']).toContain(decision(e(), 'ai-sourcing').recommended);
    expect(decision(e(), 'ai-sourcing').risks.map((r) => r.rule)).not.toContain('ai-sourcing.apis-without-the-cloud-risk');
    const onPrem = e({ deployment: 'on-premises' });
    expect(decision(onPrem, 'ai-sourcing').risks.map((r) => r.rule)).toContain('ai-sourcing.apis-without-the-cloud-risk');
    // The API-sourced use cases are served by their providers whatever the room chose; the others move to what the
    // room's choice allows: with no data centre and no operations team, their own sites.
    const portfolio = decision(onPrem, 'deployment').portfolio!;
    const serving = (name: string) => portfolio.useCases.find((u) => u.name === name)!.parts[0]!;
    expect(serving('Support assistant')).toMatchObject({ option: 'cloud', source: 'implied' });
    expect(serving('Product recommendations')).toMatchObject({ option: 'edge', source: 'roadmap' });
  });

  it('raises the risks of the option the room chose instead of those of the recommendation', () => {
    const deployment = (decided?: Record<string, string>) => decision(evaluate(pack, BANK, undefined, { decided }), 'deployment');
    const rules = (d: ReturnType<typeof deployment>) => d.risks.map((r) => r.rule);
    const organisationRules = (d: ReturnType<typeof deployment>) => d.risks.filter((r) => r.useCase === undefined).map((r) => r.rule);
    expect(deployment().recommended).toBe('on-premises');
    expect(organisationRules(deployment())).toEqual(['deployment.accelerator-refresh-risk', 'deployment.security-controls-risk']);
    const chosen = deployment({ deployment: 'cloud' });
    expect(chosen.recommended).toBe('on-premises');
    // Each regulated use case's risk of regulated data in the cloud, and the rented estate's instead of the owned one's.
    expect(organisationRules(chosen)).toEqual(['deployment.security-controls-risk', 'deployment.cloud-spend-risk']);
    expect(chosen.risks.filter((r) => r.useCase !== undefined).map((r) => r.message)).toContain('Regulated data would be processed in a public cloud.');
    expect(rules(chosen)).not.toContain('deployment.accelerator-refresh-risk');
    // Choosing the recommendation changes nothing.
    expect(deployment({ deployment: 'on-premises' })).toEqual(deployment());
  });

  it('sets aside a choice for a decision that does not apply: no risk of that option, and nothing else reads it', () => {
    const answers: Roadmap = { ...BANK, answers: { ...BANK.answers, lockInConcern: 'high' } };
    const run = (decided?: Record<string, string>) => evaluate(pack, answers, undefined, { decided });
    expect(decision(run(), 'cloud-strategy')).toMatchObject({ applicable: false, recommended: null, risks: [] });
    // Before: the single provider's lock-in risk was raised though the decision did not apply.
    const chosen = run({ 'cloud-strategy': 'single-cloud' });
    expect(decision(chosen, 'cloud-strategy')).toMatchObject({ applicable: false, recommended: null, risks: [] });
    expect(chosen.decisions.filter((d) => d.id !== 'cloud-strategy')).toEqual(run().decisions.filter((d) => d.id !== 'cloud-strategy'));
  });

  it('places a use case where the room chose for it, and derives the organisation from that', () => {
    const withChoice: Roadmap = { ...STARTUP, useCases: STARTUP.useCases.map((u, i) => (i === 0 ? { ...u, decided: { 'serving-placement': 'on-premises' } } : u)) };
    const e = evaluate(pack, withChoice);
    expect(e.useCases[0]!.outcomes.find((o) => o.decision === 'serving-placement')).toMatchObject({ option: 'on-premises', source: 'room' });
    // Its own ranking is untouched; the cloud option cannot place it any more, so the estate is hybrid.
    expect(e.useCases[0]!.decisions.find((d) => d.id === 'serving-placement')!.recommended).toBe('cloud');
    expect(decision(e, 'deployment').excluded.map((x) => x.option)).toContain('cloud');
    expect(decision(e, 'deployment').recommended).toBe('hybrid');
  });

  it('ignores decisions and options the pack does not have, and leaves no trace in the next evaluation', () => {
    const plain = evaluate(pack, BANK);
    expect(evaluate(pack, BANK, undefined, { decided: { deployment: 'mainframe', nowhere: 'cloud', constructor: 'cloud' } })).toEqual(plain);
    evaluate(pack, BANK, undefined, { decided: { deployment: 'cloud' } });
    expect(evaluate(pack, BANK)).toEqual(plain);
  });

  it('leaves no trace after the stakeholders’ rankings or a sensitivity sweep with the room’s choices', () => {
    const plain = evaluate(pack, BANK);
    const decided = { deployment: 'cloud', 'ai-sourcing': 'foundation-model-apis' };
    stakeholderRankings(pack, BANK, [{ name: 'A', weights: { cost: 5 } }, { name: 'B', weights: { control: 5 } }], undefined, { decided });
    expect(evaluate(pack, BANK)).toEqual(plain);
    const sweep = sensitivitySweep(pack, BANK, undefined, 'cloud-strategy', 'cost', { decided });
    expect(evaluate(pack, BANK)).toEqual(plain);
    // The sweep scores as evaluate does; the room's choices move no score.
    expect(sensitivitySweep(pack, BANK, undefined, 'cloud-strategy', 'cost')).toEqual(sweep);
  });

  it('is what the workshop, its stakeholders and "settle first" see', () => {
    const people = [{ id: '11111111-1111-4111-8111-111111111111', name: 'A. Chair', role: 'CIO', involvement: 'decision-maker' as const }];
    const useCases = BANK.useCases.map((u, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name: u.name, description: '', answers: u.answers as Record<string, string | number | boolean>, dontKnow: [], notes: {}, roomChoices: {} }));
    const state = { ...emptyWorkshopState(), answers: BANK.answers as Record<string, string | number | boolean>, useCases, participants: people, roomChoices: { deployment: { option: 'cloud', reason: 'Board mandate: no new data centre.' } } };
    const room = evaluateWorkshop(pack, state);
    expect(room.decided).toEqual({ deployment: 'cloud' });
    expect(decision(room.evaluation, 'cloud-strategy').applicable).toBe(true);
    expect(room.stakeholders?.group.find((g) => g.decision === 'cloud-strategy')?.applicable).toBe(true);
    expect(stakeholderRankings(pack, BANK, [{ name: 'A', weights: {} }]).group.find((g) => g.decision === 'cloud-strategy')?.applicable).toBe(false);

    const moving = (decided?: Record<string, string>) => factorInfluence(pack, BANK, undefined, { decided }).filter((f) => f.couldChange.some((c) => c.decision === 'cloud-strategy'));
    // Left to the recommendation (on-premises), the cloud strategy can only come into play with the deployment.
    expect(moving().every((f) => f.couldChange.some((c) => c.decision === 'deployment'))).toBe(true);
    // With the room's cloud, its own questions move it directly.
    expect(moving({ deployment: 'cloud' }).some((f) => !f.couldChange.some((c) => c.decision === 'deployment'))).toBe(true);
  });
});

/**
 * The tiny pack plus a rule reading "how" that raises a risk, listed after (or before) the rule that makes "how"
 * not apply when "where" is C: the engine runs it after that rule either way.
 */
function chainedPack(listed: 'after' | 'before'): CompiledPack {
  const json = tinyPackJson() as { rules: unknown[] };
  const rule = {
    id: 'x-needs-care',
    consideration: 'scale',
    rationale: 'Scale: X needs care.',
    when: { decision: 'how', op: 'eq', value: 'x' },
    effects: [{ type: 'risk', decision: 'where', severity: 'medium', message: 'How X needs care.', action: 'Take care.' }],
  };
  if (listed === 'after') json.rules.push(rule);
  else json.rules.unshift(rule);
  const loaded = loadPack(json);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

describe.each(['after', 'before'] as const)('a decision that a rule reading another decision makes not applicable (the reading rule listed %s it)', (listed) => {
  const tiny = chainedPack(listed);
  const careFired = (e: Evaluation) => e.firedRules.includes('x-needs-care');

  it('has no recommendation or choice for the rules that read it', () => {
    // Cost first: "where" is A, "how" applies and X is on top.
    const open = evaluate(tiny, {}, { cost: 3, control: 1 });
    expect(decision(open, 'how')).toMatchObject({ applicable: true, recommended: 'x' });
    expect(careFired(open)).toBe(true);
    expect(decision(open, 'where').risks.map((r) => r.rule)).toEqual(['x-needs-care']);

    // Control first with sensitive data: "where" is C, which makes "how" not apply.
    const closed = (decided?: Record<string, string>) => evaluate(tiny, { sensitivity: 'high' }, { cost: 1, control: 3 }, { decided });
    for (const decided of [undefined, { how: 'x' }, { where: 'c', how: 'x' }] as Array<Record<string, string> | undefined>) {
      const e = closed(decided);
      expect(decision(e, 'where').recommended).toBe('c');
      expect(decision(e, 'how').applicable).toBe(false);
      expect(careFired(e), JSON.stringify(decided)).toBe(false);
      expect(decision(e, 'where').risks).toEqual([]);
    }
    // The room choosing A for "where" makes "how" apply again, and its choice of X counts.
    const chosenA = closed({ where: 'a', how: 'x' });
    expect(decision(chosenA, 'how').applicable).toBe(true);
    expect(careFired(chosenA)).toBe(true);
    expect(decision(chosenA, 'where').risks.map((r) => r.rule)).toEqual(['sensitive-needs-control', 'x-needs-care']);
  });
});

describe('rules that read decisions and make others not applicable', () => {
  it('are refused when they depend on each other in a circle, naming the rules', () => {
    const json = tinyPackJson() as { rules: unknown[]; decisions: Array<{ id: string; options: Array<{ id: string }> }> };
    const [where, how] = json.decisions;
    json.rules.push(
      { id: 'loop-a', consideration: 'scale', rationale: 'A.', when: { decision: where!.id, op: 'eq', value: where!.options[0]!.id }, effects: [{ type: 'not-applicable', decision: how!.id, reason: 'A.' }] },
      { id: 'loop-b', consideration: 'scale', rationale: 'B.', when: { decision: how!.id, op: 'eq', value: how!.options[0]!.id }, effects: [{ type: 'not-applicable', decision: where!.id, reason: 'B.' }] },
    );
    const loaded = loadPack(json);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const circle = loaded.issues.find((i) => /circle/.test(i.message));
    const names = circle?.found?.split(' → ') ?? [];
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names[0]).toBe(names[names.length - 1]);
    expect(names).toContain('"loop-b"');
  });
});


describe('a room choice a constraint rules out', () => {
  it('keeps the exclusion and says the room overrode it, with a High risk naming the constraint', () => {
    // The room serves a sovereign use case from a public cloud anyway.
    const sovereign: Roadmap = {
      answers: { airGapped: false },
      useCases: [{ id: 'tax', name: 'Tax triage', answers: { dataResidency: 'sovereign', task: 'tabular-prediction' }, decided: { 'serving-placement': 'cloud' } }],
    };
    const e = evaluate(pack, sovereign, undefined, { sensitivity: false });
    const serving = e.useCases[0]!.decisions.find((d) => d.id === 'serving-placement')!;
    expect(serving.excluded.map((x) => x.option)).toContain('cloud');
    expect(serving.risks[0]).toMatchObject({ rule: OVERRIDDEN_CONSTRAINT_RULE, severity: 'high', option: 'cloud' });
    expect(serving.risks[0]!.message).toMatch(/^The room chose Public cloud, which a constraint rules out\. [A-Z]/);
    // Without the room's choice, no such risk.
    // At the organisation's level the constraint names the use case it comes from.
    const whole = evaluate(pack, { ...sovereign, useCases: [{ ...sovereign.useCases[0]!, decided: {} }] }, undefined, { sensitivity: false, decided: { deployment: 'cloud' } });
    const overridden = whole.decisions.find((d) => d.id === 'deployment')!.risks.find((r) => r.rule === OVERRIDDEN_CONSTRAINT_RULE)!;
    expect(overridden.message).toMatch(/^The room chose Public cloud, which a constraint rules out\. Tax triage: /);
    const plain = evaluate(pack, { ...sovereign, useCases: [{ ...sovereign.useCases[0]!, decided: {} }] }, undefined, { sensitivity: false });
    expect(plain.useCases[0]!.decisions.flatMap((d) => d.risks).some((r) => r.rule === OVERRIDDEN_CONSTRAINT_RULE)).toBe(false);
  });

  it('is not raised for a mix with nothing to mix: that is out of reach, not ruled out', () => {
    const e = evaluate(pack, BANK, undefined, { sensitivity: false, decided: { deployment: 'hybrid' } });
    const deployment = e.decisions.find((d) => d.id === 'deployment')!;
    expect(deployment.excluded.map((x) => x.option)).toContain('hybrid');
    expect(deployment.risks.some((r) => r.rule === OVERRIDDEN_CONSTRAINT_RULE)).toBe(false);
  });
});
