import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { madrRecord, planMadrExport, readFrontMatter, type RecordsInput } from '../../../../shared/records';
import { expectGolden } from './golden';
import { markdownProblems } from './markdown-lint';
import { BANK_ID, bankInput, startupInput } from './workshops';

const MADR_HEADINGS = [
  '## Context and Problem Statement',
  '## Decision Drivers',
  '## Considered Options',
  '## Decision Outcome',
  '### Consequences',
  '### Confirmation',
  '## Pros and Cons of the Options',
  '## More Information',
];

const cases: Array<[string, () => RecordsInput]> = [
  ['bank', bankInput],
  ['startup', startupInput],
];

describe.each(cases)('MADR records of the %s workshop', (name, make) => {
  const input = make();
  const plan = planMadrExport([], input);

  it('match the golden files', () => {
    for (const file of plan.files) expectGolden(`madr-${name}/${file.name}`, file.content);
  });

  it('pass markdownlint (default rules, line length off)', () => {
    expect(markdownProblems(Object.fromEntries(plan.files.map((f) => [f.name, f.content])))).toEqual([]);
  });

  it('carry front matter that parses with plain values and lists', () => {
    for (const file of plan.files.filter((f) => f.name !== 'index.md')) {
      const match = /^---\n([\s\S]*?)\n---\n/.exec(file.content);
      expect(match, file.name).not.toBeNull();
      const fields = parse(match![1]!) as Record<string, unknown>;
      expect(Object.keys(fields).slice(0, 5)).toEqual(['status', 'date', 'decision-makers', 'consulted', 'informed']);
      expect(fields.status).toMatch(/^(proposed|accepted|rejected|deprecated|superseded)$/);
      expect(fields.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const list of ['decision-makers', 'consulted', 'informed']) expect(Array.isArray(fields[list])).toBe(true);
      expect(fields.workshop).toBe(input.workshop.id);
      expect(input.pack.decisionIndex.has(fields.decision as string)).toBe(true);
    }
  });

  it('use exactly the MADR 4 headings, in order, once each', () => {
    for (const file of plan.files.filter((f) => f.name !== 'index.md')) {
      const headings = file.content.split('\n').filter((l) => /^#{2,3} /.test(l) && MADR_HEADINGS.includes(l));
      expect(headings, file.name).toEqual(MADR_HEADINGS);
      expect(file.content).toMatch(/\n## Decision Outcome\n\nChosen option: ("[^"\n]+"|none), because /);
      expect(file.content.match(/^# /gm)).toHaveLength(1);
    }
  });

  it('name one file per decision, NNNN-kebab-title.md, and index them all', () => {
    const names = plan.files.map((f) => f.name);
    expect(names).toEqual(['0001-deployment.md', '0002-cloud-strategy.md', '0003-infrastructure-model.md', '0004-inference-mode.md', '0005-ai-sourcing.md', 'index.md']);
    const index = plan.files.at(-1)!.content;
    for (const n of names.slice(0, 5)) expect(index).toContain(`](${n})`);
  });
});

describe('MADR content', () => {
  const input = bankInput();
  const record = (decision: string) => madrRecord(input, decision);

  it('records a room override as the chosen option, with the recommendation and the reason beside it', () => {
    const text = record('ai-sourcing');
    expect(text).toContain('# AI sourcing: Foundation-model APIs');
    expect(text).toContain('Chosen option: "Foundation-model APIs", because the room chose it: The data-science team is 6 people \\| we buy \\*time\\* with a \\<managed\\> platform. Revisit in 2026.');
    expect(text).toMatch(/Stratum recommended Custom platform \(score 0\.\d\d\); Foundation-model APIs scored 0\.\d\d\./);
  });

  it('lists the risks of the room\'s option, not only those of the recommendation', () => {
    const text = record('ai-sourcing');
    // The engine raises them for the room's choice (foundation-model APIs), not for the recommended custom platform.
    const risks = input.evaluation.decisions.find((d) => d.id === 'ai-sourcing')!.risks;
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.every((r) => r.option === null || r.option === 'foundation-model-apis')).toBe(true);
    expect(text).toMatch(/\* Bad, because .*\((high|medium) risk\)/);
    expect(text).toContain('### Confirmation\n\nConfirm that each risk is handled:');
  });

  it('derives drivers from the weighted criteria and the fired rules', () => {
    const drivers = record('deployment').split('## Decision Drivers\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(drivers[0]).toMatch(/^\* Compliance \(weight [\d.]+ of 5\): /);
    expect(drivers.some((d) => d.startsWith('* Data residency: '))).toBe(true);
  });

  it('puts scores, sensitivity, answers, cost and the pack fingerprint under More Information', () => {
    const more = record('deployment').split('## More Information\n')[1]!;
    expect(more).toContain('| Rank | Option | Score | Cost (');
    expect(more).toMatch(/\d+% of random changes to the weights keep On-premises on top\./);
    expect(more).toContain('| What is the tightest p95 prediction latency a use case needs (ms)? | 30 ms | Card fraud checks: the 30 ms budget is end to end, "network included". |');
    expect(more).toContain('Monthly cost from the cost model (USD):');
    expect(more).toMatch(/\| On-premises \| [\d,]+ USD \| [\d,]+ USD \|/);
    expect(more).toContain('rule pack `stratum-default` version `1.0.1`, sha256 `');
    expect(more).toMatch(/sha256 `[0-9a-f]{64}`/);
    // Cost belongs to the deployment decision only.
    expect(record('inference-mode')).not.toContain('Monthly cost from the cost model');
  });

  it('leaves cost out while the volumes are unanswered', () => {
    expect(madrRecord(startupInput(), 'deployment')).not.toContain('Monthly cost');
  });

  it('takes status and date from the record lifecycle, and the workshop date otherwise', () => {
    expect(readFrontMatter(record('deployment'))).toMatchObject({ status: 'accepted', date: '2025-03-18' });
    expect(readFrontMatter(record('infrastructure-model'))).toMatchObject({ status: 'proposed', date: '2025-03-14' });
    expect(readFrontMatter(madrRecord(startupInput(), 'deployment'))).toMatchObject({ status: 'proposed', date: '2025-03-20' });
  });

  it('lists participants by involvement; a blank name is "Unnamed participant"', () => {
    expect(readFrontMatter(record('deployment'))).toMatchObject({
      'decision-makers': ['R. Mensah (CIO)', 'M. Okafor (CISO)'],
      consulted: ['L. Brandt (CFO)', 'S. Iyer (Head of data science)'],
      informed: ['Unnamed participant (Retail banking)'],
      workshop: BANK_ID,
      decision: 'deployment',
    });
  });

  it('says when a decision does not apply', () => {
    const text = record('cloud-strategy');
    expect(text).toContain('# Cloud strategy: not applicable');
    expect(text).toContain('Chosen option: none, because the decision does not apply: ');
  });

  it('escapes people\'s text so it cannot become markup', () => {
    const hostile: RecordsInput = {
      ...input,
      workshop: { ...input.workshop, title: '# <script>alert(1)</script> [x](http://evil) `code`', description: '- not a list\n\n1. nor this\n===' },
      state: { ...input.state, participants: [{ id: '66666666-6666-4666-8666-666666666666', name: 'Eve: "quoted" - #1', role: '', involvement: 'decision-maker' }] },
    };
    const text = madrRecord(hostile, 'deployment');
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>');
    expect(text).toContain('\\[x\\](http\\://evil)');
    expect(text).toContain('\n\\- not a list 1. nor this ===\n');
    expect(readFrontMatter(text)?.['decision-makers']).toEqual(['Eve: "quoted" - #1']);
    expect(markdownProblems({ hostile: text })).toEqual([]);
  });
});
