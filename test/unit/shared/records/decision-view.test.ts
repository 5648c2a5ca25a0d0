import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../../shared/engine';
import { buildRecordsInput, decisionView, decisionViews, nygardRecord, type RecordsInput } from '../../../../shared/records';
import { bankInput, bankState, bankWorkshop, GENERATED_AT, startupInput } from './workshops';

// The records show the engine's risks: those of the room's choice where it made one, else of the recommendation.

const cases: Array<[string, () => RecordsInput]> = [
  ['bank', bankInput],
  ['startup', startupInput],
];

describe.each(cases)('the decision views of the %s workshop', (_name, make) => {
  it('take every decision’s risks from the engine', () => {
    const input = make();
    const views = decisionViews(input);
    views.forEach((view, i) => expect(view.risks, view.id).toEqual(input.evaluation.decisions[i]!.risks));
  });
});

describe('the risks in the records', () => {
  it('are those of the room’s choice where it overrides the recommendation', () => {
    const view = decisionView(bankInput(), 'ai-sourcing');
    expect(view.override?.option.id).toBe('foundation-model-apis');
    expect(view.recommended?.id).toBe('custom-platform');
    expect(view.risks.length).toBeGreaterThan(0);
    expect(view.risks.every((r) => r.option === null || r.option === 'foundation-model-apis')).toBe(true);
    expect(view.risks.map((r) => r.rule)).toContain('ai-sourcing.apis-with-on-prem-deployment');
  });

  it('are those of an option the room chose for a decision that does not apply', () => {
    const state = {
      ...bankState,
      answers: { ...bankState.answers, lockInConcern: 'high' },
      roomChoices: { ...bankState.roomChoices, 'cloud-strategy': { option: 'single-cloud', reason: 'One provider for the analytics sandbox.' } },
    };
    const input = buildRecordsInput(bankWorkshop, state, defaultPack(), { generatedAt: GENERATED_AT, diagram: false });
    const view = decisionView(input, 'cloud-strategy');
    expect(view.applicable).toBe(false);
    expect(view.chosen?.id).toBe('single-cloud');
    expect(view.risks.map((r) => r.rule)).toEqual(['cloud-strategy.single-provider-lock-in-risk']);
    expect(nygardRecord(input, 'cloud-strategy', 2)).toContain('High lock-in concern with a single cloud provider.');
  });
});
