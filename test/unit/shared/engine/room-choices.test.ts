import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, factorInfluence, stakeholderRankings, type Answers, type Evaluation } from '../../../../shared/engine';
import { emptyWorkshopState } from '../../../../shared/contract';
import { evaluateWorkshop } from '../../../../shared/workshop';

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

  it('ignores decisions and options the pack does not have, and leaves no trace in the next evaluation', () => {
    const plain = evaluate(pack, BANK);
    expect(evaluate(pack, BANK, undefined, { decided: { deployment: 'mainframe', nowhere: 'cloud', constructor: 'cloud' } })).toEqual(plain);
    evaluate(pack, BANK, undefined, { decided: { deployment: 'cloud' } });
    expect(evaluate(pack, BANK)).toEqual(plain);
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
