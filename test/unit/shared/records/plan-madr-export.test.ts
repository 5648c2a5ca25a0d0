import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRecordsInput, planMadrExport, planNygardExport, readMadrRef, supersedeRecord, type ExistingFile, type RecordsInput } from '../../../../shared/records';
import { BANK_ID, bankInput, startupInput, STARTUP_ID } from './workshops';

/** A team's folder with seven hand-written records and a template. */
function teamFolder(): ExistingFile[] {
  const titles = ['use-markdown-architectural-decision-records', 'use-postgres', 'use-kafka', 'adopt-kubernetes', 'single-sign-on', 'api-gateway', 'observability'];
  return [
    ...titles.map((t, i) => ({ name: `000${i + 1}-${t}.md`, content: `---\nstatus: accepted\ndate: 2024-0${i + 1}-01\n---\n\n# ${t}\n\nTeam text.\n` })),
    { name: 'adr-template.md', content: '# {short title}\n' },
  ];
}

/** The folder after writing a plan. */
function apply(folder: readonly ExistingFile[], files: ReadonlyArray<{ name: string; content: string }>): ExistingFile[] {
  const out = new Map(folder.map((f) => [f.name, f.content]));
  for (const f of files) out.set(f.name, f.content);
  return [...out].map(([name, content]) => ({ name, content }));
}

describe('planMadrExport', () => {
  const input = bankInput();

  it('continues the folder\'s numbering: after 0001-0007 the records start at 0008', () => {
    const plan = planMadrExport(teamFolder(), input);
    expect(plan.files.map((f) => `${f.action} ${f.name}`)).toEqual([
      'create 0008-deployment.md',
      'create 0009-cloud-strategy.md',
      'create 0010-infrastructure-model.md',
      'create 0011-inference-mode.md',
      'create 0012-ai-sourcing.md',
      'create index.md',
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('never plans a write to a file that is not one of this workshop\'s records', () => {
    const folder = teamFolder();
    const plan = planMadrExport(folder, input);
    const foreign = new Set(folder.map((f) => f.name));
    for (const f of plan.files) expect(foreign.has(f.name), f.name).toBe(false);
  });

  it('updates its own records in place on a later export, under the same names', () => {
    const first = planMadrExport(teamFolder(), input);
    const folder = apply(teamFolder(), first.files);
    const same = planMadrExport(folder, input);
    expect(same.files.map((f) => `${f.action} ${f.name}`)).toEqual(first.files.map((f) => `unchanged ${f.name}`));

    // The room changes its mind about inference: only that record (and nothing else) is rewritten.
    const records = (input.records ?? []).map((r) => (r.decision === 'inference-mode' ? { ...r, status: 'proposed' as const, date: '2025-04-02' } : r));
    const changed: RecordsInput = { ...input, records };
    const again = planMadrExport(folder, changed);
    expect(again.files.map((f) => `${f.action} ${f.name}`)).toEqual([
      'unchanged 0008-deployment.md',
      'unchanged 0009-cloud-strategy.md',
      'unchanged 0010-infrastructure-model.md',
      'update 0011-inference-mode.md',
      'unchanged 0012-ai-sourcing.md',
      'update index.md',
    ]);
  });

  it('rewrites in place the records a new use case changes, and names it in them', () => {
    const first = planMadrExport(teamFolder(), input);
    const folder = apply(teamFolder(), first.files);
    const summaries = {
      id: 'a1000000-0000-4000-8000-000000000004',
      name: 'Complaint summaries',
      description: '',
      answers: { task: 'language-generation', usage: 'batch', dataSensitivity: 'confidential', dataResidency: 'in-country', dataLocation: 'on-premises' },
      dontKnow: [],
      notes: {},
      roomChoices: {},
    };
    const grown = buildRecordsInput(input.workshop, { ...input.state, useCases: [...input.state.useCases, summaries] }, input.pack, { generatedAt: input.generatedAt, records: input.records ?? [], diagram: false });
    const again = planMadrExport(folder, grown);
    expect(again.files.map((f) => f.name)).toEqual(first.files.map((f) => f.name));
    for (const name of ['0008-deployment.md', '0011-inference-mode.md', '0012-ai-sourcing.md']) {
      const file = again.files.find((f) => f.name === name)!;
      expect(file.action, name).toBe('update');
      expect(file.content, name).toMatch(/\n\| Complaint summaries \| [^|]+ \| [^|]+ \|\n/);
    }
    expect(again.files.find((f) => f.name === '0009-cloud-strategy.md')!.content).not.toContain('Complaint summaries');
  });

  it('keeps a record\'s file name when its title changes (a renamed file would lose its history)', () => {
    const folder = apply([], planMadrExport([], input).files).map((f) => (f.name === '0001-deployment.md' ? { name: '0001-where-to-run-ai.md', content: f.content } : f));
    const plan = planMadrExport(folder, input);
    expect(plan.files[0]).toMatchObject({ name: '0001-where-to-run-ai.md', action: 'unchanged' });
  });

  it('gives a second workshop in the same folder its own numbers, and indexes every record', () => {
    const folder = apply(teamFolder(), planMadrExport(teamFolder(), input).files);
    const plan = planMadrExport(folder, startupInput());
    expect(plan.files.slice(0, 5).map((f) => `${f.action} ${f.name}`)).toEqual([
      'create 0013-deployment.md',
      'create 0014-cloud-strategy.md',
      'create 0015-infrastructure-model.md',
      'create 0016-inference-mode.md',
      'create 0017-ai-sourcing.md',
    ]);
    const index = plan.files.find((f) => f.name === 'index.md')!;
    expect(index.action).toBe('update');
    expect(index.content.match(/^\| \d{4} \|/gm)).toHaveLength(17);
    expect(index.content).toContain('| 0002 | [use-postgres](0002-use-postgres.md) | accepted | 2024-02-01 |');
    expect(index.content).toContain('| 0008 | [Deployment: On-premises](0008-deployment.md) | accepted | 2025-03-18 |');
  });

  it('leaves a team\'s own index.md alone and says so', () => {
    const folder = [...teamFolder(), { name: 'index.md', content: '# Our decisions\n' }];
    const plan = planMadrExport(folder, input);
    expect(plan.files.some((f) => f.name === 'index.md')).toBe(false);
    expect(plan.skipped).toEqual([{ name: 'index.md', reason: 'index.md exists and was not written by Stratum; it was left as it is' }]);
  });

  it('does not take over a foreign file that merely looks like a record', () => {
    const folder = [{ name: '0003-deployment.md', content: '---\nstatus: accepted\ndecision: deployment\n---\n\n# Deployment\n' }, { name: '0004-broken.md', content: '---\n: : :\n---\n# Broken\n' }];
    const plan = planMadrExport(folder, input);
    expect(plan.files[0]).toMatchObject({ name: '0005-deployment.md', action: 'create' });
    expect(readMadrRef(folder[1]!.content)).toBeNull();
  });

  it('links superseded records both ways by file name, across workshops', () => {
    const startup = startupInput();
    const first = apply([], planMadrExport([], input).files);
    const old = { workshop: BANK_ID, decision: 'infrastructure-model', status: 'accepted' as const, date: '2025-03-18', supersededBy: null, supersedes: [] };
    const replacement = { workshop: STARTUP_ID, decision: 'infrastructure-model', status: 'accepted' as const, date: '2025-05-01', supersededBy: null, supersedes: [] };
    const change = supersedeRecord(old, replacement, '2025-05-02');
    if (!change.ok) throw new Error(change.message);
    const withStartup = apply(first, planMadrExport(first, { ...startup, records: [change.value.replacement] }).files);
    const plan = planMadrExport(withStartup, { ...input, records: [change.value.old] });
    const oldFile = plan.files.find((f) => f.name === '0003-infrastructure-model.md')!;
    expect(oldFile.action).toBe('update');
    expect(oldFile.content).toContain('status: superseded\n');
    expect(oldFile.content).toContain('superseded-by: 0008-infrastructure-model.md\n');
    expect(oldFile.content).toContain('This record is superseded by [Infrastructure model: Centralized](0008-infrastructure-model.md).');
    const newFile = withStartup.find((f) => f.name === '0008-infrastructure-model.md')!;
    expect(newFile.content).toContain('supersedes:\n  - 0003-infrastructure-model.md\n');
  });

  it('property: whatever the folder holds, no foreign file is written and new numbers come after the highest', () => {
    const fileName = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.stringMatching(/^[a-z][a-z-]{0,12}$/)).map(([n, t]) => `${String(n).padStart(4, '0')}-${t}.md`),
      fc.stringMatching(/^[a-z]{1,8}\.(md|txt)$/),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fileName, { maxLength: 12 }), (names) => {
        const folder = names.map((name) => ({ name, content: `# ${name}\n` }));
        const highest = Math.max(0, ...names.map((n) => (/^(\d+)-/.exec(n) ? Number(/^(\d+)-/.exec(n)![1]) : 0)));
        for (const plan of [planMadrExport(folder, input), planNygardExport(folder, input)]) {
          const records = plan.files.filter((f) => f.name !== 'index.md');
          expect(records.map((f) => Number(/^\d+/.exec(f.name)![0]))).toEqual([1, 2, 3, 4, 5].map((i) => highest + i));
          for (const f of plan.files) {
            if (f.name === 'index.md') continue;
            expect(names).not.toContain(f.name);
          }
          if (names.includes('index.md')) expect(plan.files.some((f) => f.name === 'index.md')).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
