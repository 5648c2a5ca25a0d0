// Example workshops (test/fixtures/workshops) and what a seasoned architect would recommend for each.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, parseAnswersFile, stakeholderRankings, type DecisionEvaluation, type Evaluation } from '../../../../shared/engine';

const pack = defaultPack();
const dir = path.resolve(__dirname, '../../../fixtures/workshops');

function load(name: string): { evaluation: Evaluation; file: ReturnType<typeof parseAnswersFile> } {
  const file = parseAnswersFile(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), pack);
  if (!file.ok) throw new Error(`${name}: ${JSON.stringify(file.issues)}`);
  return { evaluation: evaluate(pack, file.value.answers, file.value.weights, { robustness: { samples: 2000 } }), file };
}

function decision(e: Evaluation, id: string): DecisionEvaluation {
  return e.decisions.find((d) => d.id === id)!;
}

describe('example workshops', () => {
  it('every fixture is a valid answers file', () => {
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) expect(parseAnswersFile(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), pack).ok, name).toBe(true);
  });

  it('regulated bank: on-premises, hub-and-spoke, both inference modes, custom platform', () => {
    const { evaluation: e, file } = load('regulated-bank.json');
    // Regulated, in-country data, a 30 ms budget and GPUs kept 70% busy in a data centre it already owns,
    // run by a strong operations team: every deployment driver points to on-premises.
    expect(decision(e, 'deployment').recommended).toBe('on-premises');
    expect(decision(e, 'deployment').robustness).toBeGreaterThan(0.9);
    // No public cloud, so there is no cloud strategy to choose.
    expect(decision(e, 'cloud-strategy').applicable).toBe(false);
    // Six business units with mature governance: central platform, federated execution.
    expect(decision(e, 'infrastructure-model').recommended).toBe('hub-and-spoke');
    // Fraud scoring is interactive, credit and reporting models are not.
    expect(decision(e, 'inference-mode').recommended).toBe('both');
    // Deep ML expertise, heavy customization, regulated data and 90 M requests a month: build, don't rent.
    expect(decision(e, 'ai-sourcing').recommended).toBe('custom-platform');
    expect(decision(e, 'ai-sourcing').ranking.slice(-2).map((r) => r.option).sort()).toEqual(['foundation-model-apis', 'pre-built-apis']);
    // The room: three stakeholders with different priorities still agree on the deployment.
    if (!file.ok) throw new Error('unreachable');
    const room = stakeholderRankings(pack, file.value.answers, file.value.stakeholders, file.value.weights);
    expect(room.stakeholders.every((s) => s.decisions[0]!.recommended === 'on-premises')).toBe(true);
    expect(room.agreement.index).toBeGreaterThan(0.5);
  });

  it('retail start-up: public cloud, single provider, centralized, real-time, consume APIs', () => {
    const { evaluation: e } = load('retail-startup.json');
    // Bursty demand, GPUs idle most of the time, no data centre and weak operations: cloud, clearly.
    expect(decision(e, 'deployment').recommended).toBe('cloud');
    expect(decision(e, 'deployment').robustness).toBe(1);
    // Already on one provider, no lock-in worry, no requirement for several: single cloud.
    expect(decision(e, 'cloud-strategy').recommended).toBe('single-cloud');
    // One business unit: a central team.
    expect(decision(e, 'infrastructure-model').recommended).toBe('centralized');
    // Most use cases are interactive (recommendations, the assistant): batch cannot serve them at all.
    expect(decision(e, 'inference-mode').recommended).toBe('real-time');
    expect(decision(e, 'inference-mode').excluded.map((x) => x.option)).toEqual(['batch']);
    // With weak operations, real-time serving carries a risk with an action.
    expect(decision(e, 'inference-mode').risks.map((r) => r.rule)).toEqual(['inference-mode.real-time-without-operators-risk']);
    // Little ML expertise, little customization, urgent: consume. Pre-built and foundation-model APIs are both
    // defensible (it depends on the use case), and the engine says the call is close.
    const sourcing = decision(e, 'ai-sourcing');
    expect(['pre-built-apis', 'foundation-model-apis']).toContain(sourcing.recommended);
    expect(sourcing.ranking.at(-1)!.option).toBe('custom-platform');
    expect(sourcing.robustness).toBeLessThan(0.8);
  });

  it('sovereign agency: public cloud excluded, on-premises or hybrid, no third-party model APIs', () => {
    const { evaluation: e } = load('sovereign-agency.json');
    // Sovereign data cannot go to an all-public-cloud estate: a hard constraint, not a score.
    const deployment = decision(e, 'deployment');
    expect(deployment.excluded.map((x) => x.option)).toEqual(['cloud']);
    expect(deployment.excluded[0]!.reasons[0]!.rule).toBe('deployment.sovereignty-excludes-public-cloud');
    // Some capacity exists and skills are medium: on-premises edges hybrid; both keep the data at home.
    expect(deployment.recommended).toBe('on-premises');
    expect(deployment.ranking[1]!.option).toBe('hybrid');
    // Regulated, sovereign data is not sent to hosted model APIs: they rank last.
    expect(decision(e, 'ai-sourcing').ranking.slice(-2).map((r) => r.option).sort()).toEqual(['foundation-model-apis', 'pre-built-apis']);
    // Some use cases are interactive: both inference modes.
    expect(decision(e, 'inference-mode').recommended).toBe('both');
  });

  it('global insurer: multi-cloud because regulation requires it, hub-and-spoke, not on-premises', () => {
    const { evaluation: e } = load('global-insurer.json');
    // Regulation requires distribution across providers, several providers are already in use, and teams
    // need best-of-breed services: the genuine requirements for multi-cloud.
    const strategy = decision(e, 'cloud-strategy');
    expect(strategy.recommended).toBe('multi-cloud');
    expect(strategy.robustness).toBe(1);
    // No data centre, bursty and interruptible training: not on-premises. Cloud and hybrid are close (confidential
    // data pulls towards hybrid), which the robustness figure shows.
    const deployment = decision(e, 'deployment');
    expect(deployment.recommended).not.toBe('on-premises');
    expect(deployment.ranking.at(-1)!.option).toBe('on-premises');
    // Nine autonomous business units with mature governance: hub and spoke.
    expect(decision(e, 'infrastructure-model').recommended).toBe('hub-and-spoke');
  });

  it('factory vision: on-premises for an 8 ms budget, real-time, build on a platform', () => {
    const { evaluation: e } = load('factory-vision.json');
    // 8 ms leaves no room for a round trip to a cloud region, and the plant's GPUs are busy and already owned.
    expect(decision(e, 'deployment').recommended).toBe('on-premises');
    expect(decision(e, 'deployment').ranking.at(-1)!.option).toBe('cloud');
    expect(decision(e, 'cloud-strategy').applicable).toBe(false);
    // Inspection is interactive by nature: real-time, batch excluded.
    expect(decision(e, 'inference-mode').recommended).toBe('real-time');
    expect(decision(e, 'inference-mode').excluded.map((x) => x.option)).toEqual(['batch']);
    // Two business units: central.
    expect(decision(e, 'infrastructure-model').recommended).toBe('centralized');
    // Heavy customization of vision models: a managed or custom platform, not APIs.
    expect(['managed-ml-platform', 'custom-platform']).toContain(decision(e, 'ai-sourcing').recommended);
  });

  it('media analytics: cloud and batch', () => {
    const { evaluation: e } = load('media-analytics.json');
    // Bursty, interruptible work at low utilization: rent capacity, use spot.
    expect(decision(e, 'deployment').recommended).toBe('cloud');
    // Nothing interactive and daily freshness: batch is simpler and cheaper.
    expect(decision(e, 'inference-mode').recommended).toBe('batch');
    expect(decision(e, 'inference-mode').robustness).toBe(1);
    expect(decision(e, 'cloud-strategy').recommended).toBe('single-cloud');
  });

  it('support assistant: cloud, real-time, foundation-model APIs', () => {
    const { evaluation: e } = load('support-assistant.json');
    // Internal data, urgent, a moderate volume of requests: an LLM through a provider's API is the fast path.
    expect(decision(e, 'ai-sourcing').recommended).toBe('foundation-model-apis');
    // Conversations are interactive.
    expect(decision(e, 'inference-mode').recommended).toBe('real-time');
    expect(decision(e, 'deployment').recommended).toBe('cloud');
    // Internal data only: no privacy risk is raised for the API.
    expect(decision(e, 'ai-sourcing').risks).toEqual([]);
  });

  it('a first session with nothing answered says how little it knows', () => {
    const { evaluation: e } = load('unanswered.json');
    expect(e.unanswered).toHaveLength(pack.factors.length);
    // Deployment depends on answers nobody gave: the lead is thin and fragile.
    const deployment = decision(e, 'deployment');
    expect(deployment.robustness).toBeLessThan(0.75);
    expect(deployment.margin).toBeLessThan(0.01);
    expect(deployment.unanswered.map((u) => u.factor)).toContain('dataSensitivity');
    // The defaults that need no answers: one cloud provider, batch where nothing is known to be interactive.
    expect(decision(e, 'cloud-strategy').recommended).toBe('single-cloud');
    expect(decision(e, 'inference-mode').recommended).toBe('batch');
    expect(e.firedRules).toEqual([]);
  });
});
