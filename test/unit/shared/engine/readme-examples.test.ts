// The examples the documentation shows are files Stratum reads: a reader who copies one gets no error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack, evaluate, parseAnswersFile } from '../../../../shared/engine';

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
