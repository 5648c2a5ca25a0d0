import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultPack } from '../../../../shared/engine';
import { buildRecordsInput, decisionView, madrRecord, planMadrExport, readFrontMatter, type RecordsInput } from '../../../../shared/records';
import { expectGolden } from './golden';
import { markdownProblems } from './markdown-lint';
import { BANK_ID, BANK_USE_CASES, bankInput, bankInputWith, bankWithHostedAssistant, EXAMPLE_INPUTS, GENERATED_AT, startupInput, startupState, startupWorkshop, withUseCase } from './workshops';

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

describe.each(EXAMPLE_INPUTS)('MADR records of the %s workshop', (name, make) => {
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

/** The rows of the "Each use case of the roadmap" table of a record, cells split; empty when it has none. */
function useCaseTable(record: string): string[][] {
  const after = record.split('Each use case of the roadmap:\n\n')[1];
  if (after === undefined) return [];
  const lines = after.split('\n\n')[0]!.split('\n');
  expect(lines[0]).toBe('| Use case | Where it lands | Why |');
  return lines.slice(2).map((l) => l.slice(2, -2).split(' | '));
}

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
    expect(text).toContain('* Bad, because hosted APIs are cloud services, in an estate that is otherwise all on-premises (medium risk)');
    expect(text).toContain('### Confirmation\n\nConfirm that each risk is handled:');
  });

  it('names the use case a risk is about, its name as written, and the use case its action is for', () => {
    const text = record('deployment');
    expect(text).toContain('* Bad, because Customer assistant: A managed ML platform serving on your own infrastructure: most are cloud services (medium risk)');
    expect(text).toContain('* Medium (Customer assistant): Choose a platform that installs on your own infrastructure');
    // The organisation's own risks name no use case.
    expect(text).toContain('* Medium: Budget the refresh from day one');
  });

  it('names each use case of the roadmap and where it lands, under each decision derived from them', () => {
    const names = input.state.useCases.map((u) => u.name);
    for (const decision of ['deployment', 'inference-mode', 'ai-sourcing']) {
      const rows = useCaseTable(record(decision));
      expect(rows.map((r) => r[0]), decision).toEqual(names);
      expect(rows.map((r) => r[1]), decision).toEqual(decisionView(input, decision).useCases.map((u) => u.lands));
      for (const row of rows) expect(row[2], `${decision} ${row[0]}`).toMatch(/\S/);
    }
    // Each use case's strongest reason for where it lands: its regulated or confidential data, or data already there.
    expect(useCaseTable(record('deployment'))).toEqual([
      ['Card fraud scoring', 'On-premises', expect.stringMatching(/^(Where the data lives: data held in your data centres |Data sensitivity: regulated data )/)],
      ['Credit risk models', 'On-premises', expect.stringMatching(/^(Where the data lives: data held in your data centres |Data sensitivity: regulated data )/)],
      ['Customer assistant', 'On-premises', expect.stringMatching(/^(Where the data lives: data held in your data centres |Data sensitivity: confidential and regulated data )/)],
    ]);
    expect(useCaseTable(record('ai-sourcing'))[2]!.slice(0, 2)).toEqual(['Customer assistant', 'Managed ML platform']);
    expect(useCaseTable(record('ai-sourcing'))[2]![2]).toMatch(/^Sourcing is the room's choice\. /);
    // Cloud strategy and the infrastructure model are the organisation's own: no table.
    expect(record('infrastructure-model')).not.toContain('Each use case of the roadmap');
  });

  it('says which use case goes where when the estate is hybrid', () => {
    const hybrid = bankWithHostedAssistant();
    const text = madrRecord(hybrid, 'deployment');
    expect(text).toContain('# Deployment: Hybrid');
    expect(useCaseTable(text).map((r) => r.slice(0, 2))).toEqual([
      ['Card fraud scoring', 'On-premises'],
      ['Credit risk models', 'On-premises'],
      ['Customer assistant', 'Public cloud, at the provider'],
    ]);
    expect(markdownProblems({ hybrid: text })).toEqual([]);
  });

  it('derives drivers from the weighted criteria and the fired rules', () => {
    const drivers = record('deployment').split('## Decision Drivers\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(drivers[0]).toMatch(/^\* Compliance \(weight [\d.]+ of 5\): /);
    expect(drivers.some((d) => d.startsWith('* Existing investment: '))).toBe(true);
  });

  it('puts scores, sensitivity, answers, cost and the pack fingerprint under More Information', () => {
    const more = record('deployment').split('## More Information\n')[1]!;
    expect(more).toContain('| Rank | Option | Score | Cost (');
    expect(more).toMatch(/\d+% of random changes to the weights \(and answers to any open questions\) keep On-premises on top\. (Clear|Leaning|Too close to call): /);
    // The answers that placed the use cases, each named, with the room's note.
    expect(more).toContain('| Card fraud scoring: What p95 response time does it need (ms)? | 30 ms | Card fraud checks: the 30 ms budget is end to end, "network included". |');
    expect(more).toContain('| How much data-centre capacity (space, power, cooling, GPUs) exists already? | Significant | |');
    expect(more).toContain('Monthly cost from the cost model (USD), with every use case where each option places it:');
    expect(more).toContain('| Option | Pilot (volume now) | Production |');
    expect(more).toMatch(/\| On-premises \| [\d,]+ USD \| [\d,]+ USD \|/);
    // Each use case's share under the deployment the room goes with.
    const perUseCase = more.split('Each use case at production volume, on-premises:\n\n')[1]!.split('\n\n')[0]!;
    expect(perUseCase.split('\n').slice(2).map((l) => l.split(' | ')[0])).toEqual(['| Card fraud scoring', '| Credit risk models', '| Customer assistant']);
    expect(perUseCase).toMatch(/\| Card fraud scoring \| [\d,]+ USD \|/);
    expect(more).toContain('rule pack `stratum-default` version `2.2.0`, sha256 `');
    expect(more).toMatch(/sha256 `[0-9a-f]{64}`/);
    // Cost belongs to the deployment decision only.
    expect(record('inference-mode')).not.toContain('Monthly cost from the cost model');
  });

  it('shows no scores for an option a hard constraint excluded', () => {
    const text = madrRecord(bankWithHostedAssistant(), 'deployment');
    expect(text).toContain('| excluded | On-premises | - | - | - | - | - | - | - | - |');
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

  it('prints no empty table while the roadmap has no use case, and still passes markdownlint', () => {
    const empty = buildRecordsInput(startupWorkshop, { ...startupState, useCases: [] }, defaultPack(), { generatedAt: GENERATED_AT, diagram: false });
    const files = Object.fromEntries(planMadrExport([], empty).files.map((f) => [f.name, f.content]));
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toContain('Each use case of the roadmap');
      expect(text, name).not.toContain('Each use case at production volume');
      // A table is its header, its rule and at least one row.
      for (const table of text.split('\n\n').filter((b) => b.startsWith('| '))) expect(table.split('\n').length, name).toBeGreaterThan(2);
    }
    expect(files['0001-deployment.md']).toContain('# Deployment: not applicable');
    expect(markdownProblems(files)).toEqual([]);
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

  it('escapes a use case\'s name and note in its table rows and answers', () => {
    const hostile = bankInputWith((s) =>
      withUseCase(s, BANK_USE_CASES.fraud, (u) => ({ ...u, name: 'Fraud | <b>scoring</b> *now*', notes: { latencyP95Ms: 'a | b\n\n# not a heading' } })),
    );
    const text = madrRecord(hostile, 'deployment');
    expect(text).not.toContain('<b>');
    expect(text).toContain('| Fraud \\| \\<b\\>scoring\\</b\\> \\*now\\* | On-premises |');
    expect(text).toContain('| Fraud \\| \\<b\\>scoring\\</b\\> \\*now\\*: What p95 response time does it need (ms)? | 30 ms | a \\| b # not a heading |');
    expect(markdownProblems({ hostile: text })).toEqual([]);
  });
});
