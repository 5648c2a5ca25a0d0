import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nygardRecord, planNygardExport, readNygardRef, supersedeRecord } from '../../../../shared/records';
import { expectGolden } from './golden';
import { markdownProblems } from './markdown-lint';
import { BANK_ID, bankInput, bankWithHostedAssistant, EXAMPLE_INPUTS, startupInput, STARTUP_ID } from './workshops';

function hasAdr(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v adr'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const ADR = hasAdr();
if (!ADR) console.warn('adr-tools is not installed (apt-get install -y adr-tools): skipping the `adr generate toc` check of the Nygard records.');

describe.each(EXAMPLE_INPUTS)('adr-tools records of the %s workshop', (name, make) => {
  const plan = planNygardExport([], make());

  it('match the golden files', () => {
    for (const file of plan.files) expectGolden(`nygard-${name}/${file.name}`, file.content);
  });

  it('follow the adr-tools template: "# N. Title", Date, Status, Context, Decision, Consequences', () => {
    plan.files.forEach((file, i) => {
      expect(file.name).toMatch(/^\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
      const lines = file.content.split('\n');
      expect(lines[0]).toMatch(new RegExp(`^# ${i + 1}\\. \\S`));
      expect(lines[2]).toMatch(/^Date: \d{4}-\d{2}-\d{2}$/);
      expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Status', '## Context', '## Decision', '## Consequences']);
      expect(readNygardRef(file.content)).toEqual({ workshop: make().workshop.id, decision: make().pack.organisationDecisions[i]!.id });
    });
    expect(markdownProblems(Object.fromEntries(plan.files.map((f) => [f.name, f.content])))).toEqual([]);
  });

  it.skipIf(!ADR)('are indexed by adr-tools (`adr generate toc`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratum-adr-'));
    try {
      // adr-tools finds its folder from a .adr-dir file (or doc/adr) in the working directory or above.
      writeFileSync(join(dir, '.adr-dir'), 'doc/adr');
      mkdirSync(join(dir, 'doc/adr'), { recursive: true });
      for (const f of plan.files) writeFileSync(join(dir, 'doc/adr', f.name), f.content);
      const toc = execFileSync('adr', ['generate', 'toc'], { cwd: dir, encoding: 'utf8' });
      const titles = plan.files.map((f) => `* [${f.content.split('\n')[0]!.slice(2)}](${f.name})`);
      expect(toc).toBe(`# Architecture Decision Records\n\n${titles.join('\n')}\n`);
      // adr-tools reads a record's status from its Status section.
      const status = execFileSync('/usr/libexec/adr-tools/_adr_status', ['0001'], { cwd: dir, encoding: 'utf8' });
      expect(status.trim()).toBe(name === 'bank' ? 'Accepted' : 'Proposed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('adr-tools records', () => {
  it('continue the folder\'s numbering and update their own files in place', () => {
    const input = bankInput();
    const folder = [
      { name: '0001-record-architecture-decisions.md', content: '# 1. Record architecture decisions\n' },
      { name: '0002-use-postgres.md', content: '# 2. Use Postgres\n' },
    ];
    const first = planNygardExport(folder, input);
    expect(first.files.map((f) => f.name)).toEqual(['0003-deployment.md', '0004-cloud-strategy.md', '0005-infrastructure-model.md', '0006-inference-mode.md', '0007-ai-sourcing.md']);
    expect(first.files[0]!.content.startsWith('# 3. Deployment: On-premises\n')).toBe(true);
    const again = planNygardExport([...folder, ...first.files], input);
    expect(again.files.map((f) => `${f.action} ${f.name}`)).toEqual(first.files.map((f) => `unchanged ${f.name}`));
  });

  it('write supersede links as adr-tools does: "Superseded by [N. Title](file)" and "Supersedes …"', () => {
    const old = { workshop: BANK_ID, decision: 'deployment', status: 'accepted' as const, supersededBy: null, supersedes: [] };
    const replacement = { workshop: STARTUP_ID, decision: 'deployment', status: 'accepted' as const, supersededBy: null, supersedes: [] };
    const change = supersedeRecord(old, replacement, '2025-06-01');
    if (!change.ok) throw new Error(change.message);
    const bank = planNygardExport([], { ...bankInput(), records: [change.value.old] }).files;
    const startup = planNygardExport(bank, { ...startupInput(), records: [change.value.replacement] }).files;
    const bankAgain = planNygardExport([...bank, ...startup], { ...bankInput(), records: [change.value.old] }).files;
    expect(bankAgain[0]!.content).toContain('## Status\n\nSuperseded by [6. Deployment: Public cloud](0006-deployment.md)\n');
    expect(startup[0]!.content).toContain('## Status\n\nAccepted\n\nSupersedes [1. Deployment: On-premises](0001-deployment.md)\n');
  });

  it('say, by use case, where each one lands and why', () => {
    const input = bankInput();
    const text = nygardRecord(input, 'deployment', 1);
    const list = text.split('By use case:\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(list.map((l) => l.split('. ')[0])).toEqual(['* Card fraud scoring: On-premises', '* Credit risk models: On-premises', '* Customer assistant: On-premises']);
    expect(list.every((l) => /: On-premises\. \S/.test(l))).toBe(true);
    expect(nygardRecord(input, 'ai-sourcing', 5)).toContain("* Customer assistant: Managed ML platform. Sourcing is the room's choice. ");
    expect(nygardRecord(input, 'cloud-strategy', 2)).not.toContain('By use case');
    // Hybrid: which use case goes where.
    const hybrid = nygardRecord(bankWithHostedAssistant(), 'deployment', 1);
    expect(hybrid.startsWith('# 1. Deployment: Hybrid\n')).toBe(true);
    expect(hybrid).toContain("* Customer assistant: Public cloud, at the provider. It calls a provider's hosted API, so it is served where the provider runs it: in the provider's cloud.\n");
  });

  it('price each deployment option at pilot and production volume, and each use case under the outcome', () => {
    const text = nygardRecord(bankInput(), 'deployment', 1);
    expect(text).toMatch(/\* On-premises [\d,]+ USD a month at today's volume, [\d,]+ USD at production volume\n/);
    const perUseCase = text.split('Each use case at production volume, on-premises:\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(perUseCase).toHaveLength(3);
    expect(perUseCase[0]).toMatch(/^\* Card fraud scoring [\d,]+ USD a month$/);
    expect(nygardRecord(bankInput(), 'inference-mode', 4)).not.toContain('Cost:');
    expect(nygardRecord(startupInput(), 'deployment', 1)).not.toContain('Cost:');
  });

  it('name the room\'s choice and the recommendation', () => {
    const text = nygardRecord(bankInput(), 'ai-sourcing', 12);
    expect(text.startsWith('# 12. AI sourcing: Foundation-model APIs\n')).toBe(true);
    expect(text).toContain('We will use Foundation-model APIs, because the room chose it: ');
    expect(text).toContain('Stratum recommended Custom platform');
  });
});
