import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, factorInfluence, loadPack, sensitivitySweep, stakeholderRankings, type Answers, type CompiledPack, type Evaluation } from '../../../../shared/engine';
import { emptyWorkshopState } from '../../../../shared/domain';
import { evaluateWorkshop } from '../../../../shared/workshop';
import { tinyPackJson } from './tiny-pack';

// What follows from a decision follows from what the room decided: rules that read another decision
// (applicability, risks) read the room's own choice where it made one, and nothing else moves.

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../../fixtures/records/${name}.json`), 'utf8')) as { state: { answers: Record<string, string | number | boolean> } };
const BANK = fixture('workshop-bank').state.answers; // recommends on-premises
const STARTUP = fixture('workshop-startup').state.answers; // recommends cloud
const pack = defaultPack();
const decision = (e: Evaluation, id: string) => e.decisions.find((d) => d.id === id)!;
const rankings = (e: Evaluation) => e.decisions.map((d) => d.ranking.map((r) => [r.option, r.score]));

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
  });

  it('makes it not apply, saying why, when the room chooses on-premises over a recommended cloud', () => {
    expect(decision(evaluate(pack, STARTUP), 'cloud-strategy').applicable).toBe(true);
    const chosen = decision(evaluate(pack, STARTUP, undefined, { decided: { deployment: 'on-premises' } }), 'cloud-strategy');
    expect(chosen).toMatchObject({ applicable: false, recommended: null });
    expect(chosen.notApplicableBecause.map((r) => r.reason)).toEqual(['The deployment is on-premises: no public cloud is used.']);
  });

  it('raises the risks that follow from the room’s deployment', () => {
    const answers: Answers = { ...STARTUP, mlExpertise: 'low', timeToValue: 'urgent' };
    const sourcing = (decided?: Record<string, string>) => decision(evaluate(pack, answers, undefined, { decided }), 'ai-sourcing');
    const top = sourcing().recommended;
    expect(['pre-built-apis', 'foundation-model-apis']).toContain(top);
    expect(sourcing().risks.map((r) => r.rule)).not.toContain('ai-sourcing.apis-with-on-prem-deployment');
    expect(sourcing({ deployment: 'on-premises' }).risks.map((r) => r.rule)).toContain('ai-sourcing.apis-with-on-prem-deployment');
  });

  it('raises the risks of the option the room chose instead of those of the recommendation', () => {
    const answers: Answers = { ...BANK, existingOnPremCapacity: 'none' };
    const deployment = (decided?: Record<string, string>) => decision(evaluate(pack, answers, undefined, { decided }), 'deployment');
    const risks = (d: ReturnType<typeof deployment>) => d.risks.map((r) => [r.rule, r.option]);
    expect(deployment().recommended).toBe('on-premises');
    expect(risks(deployment())).toEqual([['deployment.greenfield-on-prem-risk', 'on-premises']]);

    const chosen = deployment({ deployment: 'cloud' });
    expect(chosen.recommended).toBe('on-premises');
    expect(risks(chosen)).toEqual([
      ['deployment.regulated-data-in-cloud-risk', 'cloud'],
      ['deployment.cloud-at-high-utilization-risk', 'cloud'],
    ]);
    // Choosing the recommendation changes nothing.
    expect(deployment({ deployment: 'on-premises' })).toEqual(deployment());
  });

  it('raises the risks of an option the room chose for a decision that does not apply, and none without a choice', () => {
    const answers: Answers = { ...BANK, lockInConcern: 'high' };
    const strategy = (decided?: Record<string, string>) => decision(evaluate(pack, answers, undefined, { decided }), 'cloud-strategy');
    expect(strategy()).toMatchObject({ applicable: false, recommended: null, risks: [] });
    const chosen = strategy({ 'cloud-strategy': 'single-cloud' });
    expect(chosen).toMatchObject({ applicable: false, recommended: null });
    expect(chosen.risks.map((r) => [r.rule, r.option])).toEqual([['cloud-strategy.single-provider-lock-in-risk', 'single-cloud']]);
    expect(strategy({ 'cloud-strategy': 'multi-cloud' }).risks).toEqual([]);
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
    const state = { ...emptyWorkshopState(), answers: BANK, participants: people, roomChoices: { deployment: { option: 'cloud', reason: 'Board mandate: no new data centre.' } } };
    const room = evaluateWorkshop(pack, state);
    expect(room.decided).toEqual({ deployment: 'cloud' });
    expect(decision(room.evaluation, 'cloud-strategy').applicable).toBe(true);
    expect(room.stakeholders?.group.find((g) => g.decision === 'cloud-strategy')?.applicable).toBe(true);
    expect(stakeholderRankings(pack, BANK, [{ name: 'A', weights: {} }]).group.find((g) => g.decision === 'cloud-strategy')?.applicable).toBe(false);

    const couldMoveCloudStrategy = (decided?: Record<string, string>) =>
      factorInfluence(pack, BANK, undefined, { decided }).some((f) => f.couldChange.some((c) => c.decision === 'cloud-strategy'));
    expect(couldMoveCloudStrategy()).toBe(false);
    expect(couldMoveCloudStrategy({ deployment: 'cloud' })).toBe(true);
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

