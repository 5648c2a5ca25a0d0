import { describe, expect, it } from 'vitest';
import { UNNAMED_USE_CASE } from '../../../../shared/domain';
import { defaultPack } from '../../../../shared/engine';
import { buildRecordsInput, decisionView, decisionViews, nygardRecord, type RecordsInput } from '../../../../shared/records';
import {
  BANK_USE_CASES,
  bankInput,
  bankInputWith,
  bankState,
  bankWithHostedAssistant,
  EXAMPLE_INPUTS,
  GENERATED_AT,
  startupState,
  startupWorkshop,
  withUseCase,
} from './workshops';

// The records show the engine's risks: those of the room's choice where it made one, else of the recommendation.
// A decision derived from the use cases also shows where each use case lands, and its risks and open questions
// say which use case they are about.

const DERIVED = ['deployment', 'inference-mode', 'ai-sourcing'];

describe.each(EXAMPLE_INPUTS)('the decision views of the %s workshop', (_name, make) => {
  it('are the organisation’s five decisions, in pack order', () => {
    expect(decisionViews(make()).map((v) => v.id)).toEqual(['deployment', 'cloud-strategy', 'infrastructure-model', 'inference-mode', 'ai-sourcing']);
  });

  it('take every decision’s risks from the engine, a use case’s named by it', () => {
    const input = make();
    const views = decisionViews(input);
    views.forEach((view, i) => {
      const engine = input.evaluation.decisions[i]!.risks;
      expect(view.risks.map((r) => ({ ...r, message: '' })), view.id).toEqual(engine.map((r) => ({ ...r, message: '' })));
      view.risks.forEach((r, k) => {
        const name = r.useCase === undefined ? null : input.evaluation.useCases.find((u) => u.id === r.useCase)!.name;
        expect(r.message).toBe(name === null ? engine[k]!.message : `${name}: ${engine[k]!.message}`);
      });
    });
  });

  it('show each use case under the decisions derived from them, in the roadmap’s order, and none under the others', () => {
    const input = make();
    for (const view of decisionViews(input)) {
      if (!DERIVED.includes(view.id)) {
        expect(view.useCases, view.id).toEqual([]);
        continue;
      }
      expect(view.useCases.map((u) => u.name), view.id).toEqual(input.state.useCases.map((u) => u.name));
      for (const row of view.useCases) {
        expect(row.lands, `${view.id} ${row.name}`).not.toBe('');
        // Every row says why, even when none of the use case's answers speaks for where it lands yet.
        expect(row.why, `${view.id} ${row.name}`).not.toBe('');
        expect(`${row.lands} ${row.note ?? ''} ${row.why}`).not.toMatch(/undefined|null|NaN/);
      }
    }
  });

  it('ask each open question once: a use case’s own names it, the organisation’s does not', () => {
    const input = make();
    const names = input.state.useCases.map((u) => u.name);
    for (const view of decisionViews(input)) {
      const prompts = view.unanswered.map((u) => u.prompt);
      expect(new Set(prompts).size, view.id).toBe(prompts.length);
      for (const q of view.unanswered) {
        const factor = input.pack.factors.find((f) => f.id === q.factor)!;
        const perUseCase = factor.scope === 'use-case';
        expect(q.useCase !== undefined, `${view.id} ${q.factor}`).toBe(perUseCase);
        expect(q.prompt).toBe(perUseCase ? `${names[input.state.useCases.findIndex((u) => u.id === q.useCase)]}: ${factor.prompt}` : factor.prompt);
      }
      // The organisation's questions come first, then each use case's.
      const firstOfUseCase = view.unanswered.findIndex((q) => q.useCase !== undefined);
      if (firstOfUseCase >= 0) expect(view.unanswered.slice(firstOfUseCase).every((q) => q.useCase !== undefined)).toBe(true);
    }
  });
});

describe('the use cases in the decision views', () => {
  it('say where each of the bank’s use cases lands, and that the room chose the assistant’s sourcing', () => {
    const input = bankInput();
    const lands = (decision: string) => decisionView(input, decision).useCases.map((u) => `${u.name}: ${u.lands}`);
    expect(lands('deployment')).toEqual(['Card fraud scoring: On-premises', 'Credit risk models: On-premises', 'Customer assistant: On-premises']);
    expect(lands('inference-mode')).toEqual(['Card fraud scoring: Real-time', 'Credit risk models: Batch', 'Customer assistant: Real-time']);
    expect(lands('ai-sourcing')).toEqual(['Card fraud scoring: Custom platform', 'Credit risk models: Custom platform', 'Customer assistant: Managed ML platform']);
    const assistant = decisionView(input, 'ai-sourcing').useCases.find((u) => u.id === BANK_USE_CASES.assistant)!;
    expect(assistant.note).toBe("Sourcing is the room's choice.");
    // A hard constraint that ruled options out for a use case is part of why.
    const fraud = decisionView(input, 'ai-sourcing').useCases.find((u) => u.id === BANK_USE_CASES.fraud)!;
    expect(fraud.why).toContain('which a call across the internet to a shared hosted service cannot promise');
  });

  it('agree with where the engine placed each use case', () => {
    const input = bankWithHostedAssistant();
    const view = decisionView(input, 'deployment');
    expect(view.chosen?.id).toBe('hybrid');
    const engine = input.evaluation.decisions.find((d) => d.id === 'deployment')!.portfolio!.useCases;
    expect(view.useCases.map((u) => u.id)).toEqual(engine.map((u) => u.useCase));
    // Served by the provider's API: it runs where the provider runs it, and the record says so.
    const assistant = view.useCases.find((u) => u.id === BANK_USE_CASES.assistant)!;
    expect(assistant.lands).toBe('Public cloud, at the provider');
    expect(assistant.why).toBe("It calls a provider's hosted API, so it is served where the provider runs it: in the provider's cloud.");
    expect(view.useCases.filter((u) => u.id !== BANK_USE_CASES.assistant).map((u) => u.lands)).toEqual(['On-premises', 'On-premises']);
  });

  it('name a use case with a blank name "Unnamed use case"', () => {
    const state = { ...startupState, useCases: [{ ...startupState.useCases[0]!, name: '  ' }] };
    const input = buildRecordsInput(startupWorkshop, state, defaultPack(), { generatedAt: GENERATED_AT, diagram: false });
    const view = decisionView(input, 'deployment');
    expect(view.useCases.map((u) => u.name)).toEqual([UNNAMED_USE_CASE]);
    expect(view.unanswered.filter((q) => q.useCase !== undefined).every((q) => q.prompt.startsWith(`${UNNAMED_USE_CASE}: `))).toBe(true);
  });

  it('leave the derived decisions open, with no rows, while the roadmap has no use case', () => {
    const input = buildRecordsInput(startupWorkshop, { ...startupState, useCases: [] }, defaultPack(), { generatedAt: GENERATED_AT, diagram: false });
    for (const id of DERIVED) {
      const view = decisionView(input, id);
      expect(view.applicable, id).toBe(false);
      expect(view.recordTitle, id).toMatch(/: not applicable$/);
      expect(view.useCases, id).toEqual([]);
    }
    expect(input.cost).toBeNull();
  });
});

describe('the answers that mattered', () => {
  it('list what each use case told the rules that placed it, named, with the room’s note', () => {
    const answers = decisionView(bankInput(), 'deployment').answers;
    expect(answers).toContainEqual({
      factor: 'latencyP95Ms',
      prompt: 'Card fraud scoring: What p95 response time does it need (ms)?',
      answer: '30 ms',
      note: 'Card fraud checks: the 30 ms budget is end to end, "network included".',
    });
    expect(answers).toContainEqual({ factor: 'dataSensitivity', prompt: 'Customer assistant: How sensitive is its data?', answer: 'Confidential', note: null });
    // The organisation's answers once, before the use cases'.
    const org = answers.filter((a) => !/^(Card fraud scoring|Credit risk models|Customer assistant): /.test(a.prompt));
    expect(org.map((a) => a.factor)).toContain('existingOnPremCapacity');
    expect(new Set(org.map((a) => a.factor)).size).toBe(org.length);
    expect(answers.slice(0, org.length)).toEqual(org);
  });

  it('leave out the use cases under a decision that is not derived from them', () => {
    const answers = decisionView(bankInput(), 'infrastructure-model').answers;
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => !a.prompt.includes(': '))).toBe(true);
  });
});

describe('the risks in the records', () => {
  it('are those of the room’s choice where it overrides the recommendation', () => {
    const view = decisionView(bankInput(), 'ai-sourcing');
    expect(view.override?.option.id).toBe('foundation-model-apis');
    expect(view.recommended?.id).toBe('custom-platform');
    expect(view.risks.length).toBeGreaterThan(0);
    expect(view.risks.every((r) => r.option === null || r.option === 'foundation-model-apis')).toBe(true);
    // Hosted APIs in an all on-premises estate: raised for the room's choice, not for the recommended custom platform.
    expect(view.risks.map((r) => r.rule)).toContain('ai-sourcing.apis-without-the-cloud-risk');
  });

  it('name the use case a risk is about', () => {
    const view = decisionView(bankInput(), 'deployment');
    const risk = view.risks.find((r) => r.useCase === BANK_USE_CASES.assistant);
    expect(risk?.rule).toBe('serving-placement.managed-platform-on-premises-risk');
    expect(risk?.message).toBe('Customer assistant: A managed ML platform serving on your own infrastructure: most are cloud services.');
  });

  it('follow a use case’s own sourcing: a foundation model’s API with its confidential data', () => {
    const view = decisionView(bankWithHostedAssistant(), 'ai-sourcing');
    expect(view.risks.map((r) => `${r.severity} ${r.message}`)).toContain('high Customer assistant: Confidential or regulated data would be sent to a third-party model API.');
  });

  it('set aside a choice for a decision that does not apply: none of its risks, and the record says so', () => {
    const input = bankInputWith((s) => ({
      ...s,
      answers: { ...s.answers, lockInConcern: 'high' },
      roomChoices: { ...s.roomChoices, 'cloud-strategy': { option: 'single-cloud', reason: 'One provider for the analytics sandbox.' } },
    }));
    const view = decisionView(input, 'cloud-strategy');
    expect(view.applicable).toBe(false);
    expect(view.chosen).toBeNull();
    expect(view.risks).toEqual([]);
    expect(view.recommendationNote).toBe('The room chose Single cloud earlier; the choice is set aside while the decision does not apply.');
    expect(nygardRecord(input, 'cloud-strategy', 2)).not.toContain('High lock-in concern with a single cloud provider.');
  });

  it('drop nothing when a use case is renamed: its risks and questions follow the new name', () => {
    const input = bankInputWith((s) => withUseCase(s, BANK_USE_CASES.assistant, (u) => ({ ...u, name: 'Branch chat assistant' })));
    const risk = decisionView(input, 'deployment').risks.find((r) => r.useCase === BANK_USE_CASES.assistant);
    expect(risk?.message).toMatch(/^Branch chat assistant: /);
    expect(decisionView(input, 'deployment').useCases.map((u) => u.name)).toContain('Branch chat assistant');
    expect(bankState.useCases.find((u) => u.id === BANK_USE_CASES.assistant)?.name).toBe('Customer assistant');
  });
});

describe('a room that agrees with the recommendation', () => {
  const recommended = (input: RecordsInput) => input.evaluation.decisions.find((d) => d.id === 'deployment')!.recommended!;

  it('is recorded as agreement, with or without a reason, and the record still says why the option won', () => {
    const plain = decisionView(bankInput(), 'deployment');
    for (const reason of ['', 'The regulator expects it on our own hardware.']) {
      const input = bankInputWith((s) => ({ ...s, roomChoices: { ...s.roomChoices, deployment: { option: recommended(bankInput()), reason } } }));
      const view = decisionView(input, 'deployment');
      expect(view.chosen?.id).toBe(recommended(bankInput()));
      expect(view.because).toBe(plain.because);
      expect(view.recommendationNote).toBe(reason ? 'The room agreed with the recommendation: The regulator expects it on our own hardware.' : 'The room agreed with the recommendation.');
    }
  });

  it('says no reason was recorded when an option the room agreed with is no longer the recommendation', () => {
    const other = bankInput().evaluation.decisions.find((d) => d.id === 'deployment')!.ranking.find((r) => r.option !== recommended(bankInput()) && !r.excluded)!.option;
    const input = bankInputWith((s) => ({ ...s, roomChoices: { ...s.roomChoices, deployment: { option: other, reason: '' } } }));
    const view = decisionView(input, 'deployment');
    expect(view.chosen?.id).toBe(other);
    expect(view.because).toBe('the room chose it (no reason was recorded)');
  });
});

describe('a room that settles a tie', () => {
  /** The bank with its deployment called too close between the recommendation and the runner-up. */
  function tiedBank(reason: string, pick: (recommended: string, other: string) => string): { input: RecordsInput; recommended: string; other: string } {
    const probe = bankInput().evaluation.decisions.find((d) => d.id === 'deployment')!;
    const recommended = probe.recommended!;
    const other = probe.ranking.find((r) => r.option !== recommended && !r.excluded)!.option;
    const input = bankInputWith((s) => ({ ...s, roomChoices: { ...s.roomChoices, deployment: { option: pick(recommended, other), reason } } }));
    const deployment = input.evaluation.decisions.find((d) => d.id === 'deployment')!;
    deployment.confidence = { level: 'too-close', tied: [recommended, other], why: 'The top two are less than 0.01 apart.' };
    return { input, recommended, other };
  }

  it('needs no reason for either tied option: the record says the options were too close to call', () => {
    const { input, other } = tiedBank('', (_r, o) => o);
    const view = decisionView(input, 'deployment');
    expect(view.chosen?.id).toBe(other);
    expect(view.because).toBe('the room chose it between options too close to call');
    const same = tiedBank('Fewer teams to staff.', (r) => r).input;
    expect(decisionView(same, 'deployment').recommendationNote).toBe('The room chose it between options too close to call: Fewer teams to staff.');
  });
});
