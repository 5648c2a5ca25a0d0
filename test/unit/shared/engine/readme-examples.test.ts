// The examples the documentation shows are files Stratum reads: a reader who copies one gets no error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { defaultPack, evaluate, parseAnswersFile, validatePack } from '../../../../shared/engine';
import { northwindRiskPack } from '../../../fixtures/packs/northwind-risk';
import { memoryIo } from '../../electron/cli/memory-io';

const root = path.resolve(import.meta.dirname, '../../../..');
/** The fenced JSON blocks of a Markdown file that are whole answers files. */
function answersExamples(file: string): unknown[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((block) => block.includes('"stratum.answers"')).map((block) => JSON.parse(block) as unknown);
}

describe('the documented answers files', () => {
  const pack = defaultPack();
  for (const file of ['README.md', 'shared/packs/README.md']) {
    it(`${file}: every example reads and evaluates, with its use cases`, () => {
      const examples = answersExamples(file);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const read = parseAnswersFile(example, pack);
        expect(read.ok ? [] : read.issues).toEqual([]);
        if (!read.ok) continue;
        expect(read.value.version).toBe(2);
        const evaluation = evaluate(pack, { answers: read.value.answers, useCases: read.value.useCases }, read.value.weights);
        expect(evaluation.useCases.map((u) => u.name)).toEqual(read.value.useCases.map((u) => u.name));
        expect(evaluation.decisions.find((d) => d.id === 'deployment')!.recommended).not.toBeNull();
      }
    });
  }
});

describe('the pack author guide’s worked example', () => {
  const guide = fs.readFileSync(path.join(root, 'shared/packs/README.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## Writing your own pack'), guide.indexOf('## Scoring'));

  it('adds a rule that validates, excludes a public region for regulated data and raises the risk it documents', () => {
    const rules = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>).filter((b) => 'effects' in b);
    expect(rules).toHaveLength(1);
    const pack: Record<string, unknown> = { ...(structuredClone(defaultPack().pack) as unknown as Record<string, unknown>), id: 'northwind-risk', packVersion: '1.0.0' };
    (pack.rules as unknown[]).push(rules[0]);
    const loaded = validatePack(pack);
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    if (!loaded.ok) return;
    const scenario = answersExamples('shared/packs/README.md').find((a) => JSON.stringify(a).includes('Credit memo summaries'));
    const read = parseAnswersFile(scenario, loaded.value);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const evaluation = evaluate(loaded.value, { answers: read.value.answers, useCases: read.value.useCases }, read.value.weights);
    const serving = evaluation.useCases[0]!.decisions.find((d) => d.id === 'serving-placement')!;
    expect(serving.excluded.find((x) => x.option === 'cloud')?.reasons.map((r) => r.reason)).toContain('The regulator does not allow regulated data in a public cloud region.');
    expect(serving.risks.map((r) => r.message)).toContain('Regulated data must stay out of public regions.');
  });

  it('shows what stratum pack compare prints for that pack', () => {
    const shown = /```text\n\s*\$ npx stratum pack compare northwind-risk\.json\n([\s\S]*?)\n\s*```/.exec(section)![1]!;
    const io = memoryIo({ 'northwind-risk.json': JSON.stringify(northwindRiskPack()) });
    expect(runCli(['pack', 'compare', 'northwind-risk.json'], io)).toBe(0);
    expect(shown.split('\n').map((l) => l.replace(/^ {3}/, ''))).toEqual(io.out.join('\n').split('\n'));
  });
});
