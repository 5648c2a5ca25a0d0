// Answers that disagree with each other: the pack's consistency checks, per use case and for the organisation.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack, defaultPackJson, evaluate, parseAnswersFile, parsePack, type Answers, type Roadmap } from '../../../../shared/engine';

const pack = defaultPack();

function roadmap(org: Answers, ...useCases: Answers[]): Roadmap {
  return { answers: org, useCases: useCases.map((answers, i) => ({ id: `uc-${i + 1}`, name: `Use case ${i + 1}`, answers })) };
}

function checks(r: Roadmap): string[] {
  return evaluate(pack, r, undefined, { sensitivity: false }).consistency.map((c) => `${c.check}${c.useCase ? `@${c.useCase}` : ''}`);
}

describe('consistency checks of the default pack', () => {
  // Each pair: answers that disagree, and the nearest answers that agree.
  const cases: Array<[string, Answers, Answers, Answers?]> = [
    ['public-data-with-sovereign-residency', { dataSensitivity: 'public', dataResidency: 'sovereign' }, { dataSensitivity: 'regulated', dataResidency: 'sovereign' }],
    ['scheduled-use-with-a-latency-target', { usage: 'batch', latencyP95Ms: 5 }, { usage: 'interactive', latencyP95Ms: 5 }],
    ['interactive-use-with-a-slow-target', { usage: 'interactive', latencyP95Ms: 120_000 }, { usage: 'near-real-time', latencyP95Ms: 120_000 }],
    ['offline-use-with-data-in-the-cloud', { worksOffline: true, dataLocation: 'cloud' }, { worksOffline: true, dataLocation: 'sites' }],
    ['deep-customisation-with-no-training', { customizationNeed: 'high', monthlyTrainingGpuHours: 0 }, { customizationNeed: 'high', monthlyTrainingGpuHours: 200 }],
  ];
  for (const [id, disagree, agree] of cases) {
    it(`${id}: raised for the use case whose answers disagree, and not for answers that agree`, () => {
      expect(checks(roadmap({}, agree, disagree))).toEqual([`${id}@uc-2`]);
      expect(checks(roadmap({}, agree))).toEqual([]);
    });
  }

  it('reads the organisation’s answers with each use case’s: an air-gapped estate and data in a public cloud', () => {
    expect(checks(roadmap({ airGapped: true }, { dataLocation: 'cloud' }, { dataLocation: 'on-premises' }))).toEqual(['air-gapped-estate-with-data-in-the-cloud@uc-1']);
    expect(checks(roadmap({ airGapped: false }, { dataLocation: 'cloud' }))).toEqual([]);
  });

  it('checks the organisation’s own answers once: bursty demand at high utilization', () => {
    const issues = evaluate(pack, roadmap({ workloadPattern: 'bursty', sustainedGpuUtilization: 0.95 }, {}, {}), undefined, { sensitivity: false }).consistency;
    expect(issues).toEqual([
      {
        check: 'bursty-demand-at-high-utilization',
        factors: ['workloadPattern', 'sustainedGpuUtilization'],
        message: 'Demand is bursty, yet owned accelerators would be busy 80% of the time or more.',
        ask: expect.stringMatching(/^Which holds\?/),
      },
    ]);
    expect(checks(roadmap({ workloadPattern: 'steady', sustainedGpuUtilization: 0.95 }))).toEqual([]);
  });

  it('says nothing while an answer it needs is missing, and lists the organisation’s first, then the use cases in order', () => {
    expect(checks(roadmap({}, { usage: 'batch' }))).toEqual([]);
    expect(checks(roadmap({ workloadPattern: 'bursty', sustainedGpuUtilization: 0.9 }, { usage: 'batch', latencyP95Ms: 10 }, { dataSensitivity: 'public', dataResidency: 'sovereign' }))).toEqual([
      'bursty-demand-at-high-utilization',
      'scheduled-use-with-a-latency-target@uc-1',
      'public-data-with-sovereign-residency@uc-2',
    ]);
  });
});

describe('consistency checks in a pack', () => {
  const withChecks = (checks: unknown[]) => ({ ...(defaultPackJson() as Record<string, unknown>), checks });

  it('refuses a check that reads a recommendation, an unknown factor or a repeated id, naming where', () => {
    const read = parsePack(withChecks([{ id: 'a', when: { decision: 'deployment', op: 'eq', value: 'cloud' }, message: 'Disagrees.', ask: 'Which?' }]));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues).toContainEqual(expect.objectContaining({ path: ['checks', 0, 'when'], message: 'a consistency check compares answers, not recommendations' }));
    const unknown = parsePack(withChecks([{ id: 'a', when: { factor: 'colour', op: 'eq', value: 'red' }, message: 'Disagrees.', ask: 'Which?' }]));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]!.path.slice(0, 3)).toEqual(['checks', 0, 'when']);
    const twice = parsePack(withChecks([
      { id: 'a', when: { factor: 'airGapped', op: 'eq', value: true }, message: 'Disagrees.', ask: 'Which?' },
      { id: 'a', when: { factor: 'airGapped', op: 'eq', value: false }, message: 'Disagrees.', ask: 'Which?' },
    ]));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.issues[0]!.path).toEqual(['checks', 1, 'id']);
  });

  it('stays quiet on roadmaps written by people who meant what they said: the example workshops and the calibration set', () => {
    const fixtures = path.resolve(__dirname, '../../../fixtures');
    const files = [
      ...fs.readdirSync(path.join(fixtures, 'workshops')).filter((f) => f.endsWith('.json')).map((f) => path.join(fixtures, 'workshops', f)),
      ...fs.readdirSync(path.join(fixtures, 'calibration')).filter((f) => f.endsWith('.json')).map((f) => path.join(fixtures, 'calibration', f)),
    ];
    expect(files.length).toBeGreaterThan(35);
    for (const file of files) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const read = parseAnswersFile(json.workshop ?? json, pack);
      if (!read.ok) throw new Error(file);
      expect(evaluate(pack, { answers: read.value.answers, useCases: read.value.useCases }, undefined, { sensitivity: false }).consistency, file).toEqual([]);
    }
  });
});
