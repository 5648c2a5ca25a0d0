// The calibration set (test/fixtures/calibration): organisations with the call an experienced architect wrote for
// each organisation decision before running Stratum. The suite reports agreement per decision in its test names,
// fails under 90% overall, and fails on any call a hard constraint decides.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_COST_ASSUMPTIONS } from '../../../../shared/cost';
import { defaultPack, evaluate, parseAnswersFile, type Evaluation } from '../../../../shared/engine';

const pack = defaultPack();
const dir = path.resolve(__dirname, '../../../fixtures/calibration');
const ORGANISATION_DECISIONS = ['deployment', 'cloud-strategy', 'infrastructure-model', 'inference-mode', 'ai-sourcing'] as const;
const USE_CASE_DECISIONS = ['sourcing', 'serving-placement', 'training-placement', 'serving-mode'] as const;
const NOT_APPLICABLE = 'not-applicable';

const Call = z.object({ call: z.string(), acceptable: z.array(z.string()), why: z.string().min(15), constraint: z.boolean() }).strict();
const Scenario = z
  .object({
    format: z.literal('stratum.calibration'),
    version: z.literal(1),
    scenario: z.string().min(20),
    sources: z.array(z.string()).min(1),
    workshop: z.unknown(),
    expect: z
      .object({
        deployment: Call,
        'cloud-strategy': Call,
        'infrastructure-model': Call,
        'inference-mode': Call,
        'ai-sourcing': Call,
        useCases: z.record(z.string(), z.record(z.string(), Call)).optional(),
      })
      .strict(),
  })
  .strict();

interface Verdict {
  file: string;
  where: string;
  decision: string;
  got: string;
  expected: z.infer<typeof Call>;
  agrees: boolean;
}

/** What Stratum calls for one decision: its recommendation, or "not-applicable". */
function callOf(e: Evaluation, decision: string): string {
  const d = e.decisions.find((x) => x.id === decision)!;
  return d.applicable ? (d.recommended ?? 'none') : NOT_APPLICABLE;
}

function judge(file: string): Verdict[] {
  const doc = Scenario.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  const read = parseAnswersFile(doc.workshop, pack);
  if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.issues)}`);
  const a = read.value;
  const e = evaluate(pack, { answers: a.answers, useCases: a.useCases }, a.weights, { sensitivity: false, costAssumptions: a.costAssumptions ?? DEFAULT_COST_ASSUMPTIONS });
  const verdicts: Verdict[] = [];
  const add = (where: string, decision: string, got: string, expected: z.infer<typeof Call>) =>
    verdicts.push({ file, where, decision, got, expected, agrees: got === expected.call || expected.acceptable.includes(got) });
  for (const id of ORGANISATION_DECISIONS) add('organisation', id, callOf(e, id), doc.expect[id]);
  for (const [name, calls] of Object.entries(doc.expect.useCases ?? {})) {
    const u = e.useCases.find((x) => x.name === name);
    if (!u) throw new Error(`${file}: no use case named ${name}`);
    for (const [decision, expected] of Object.entries(calls)) {
      if (!(USE_CASE_DECISIONS as readonly string[]).includes(decision)) throw new Error(`${file}: ${name}: no use-case decision ${decision}`);
      add(name, decision, u.outcomes.find((o) => o.decision === decision)?.option ?? NOT_APPLICABLE, expected);
    }
  }
  return verdicts;
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const verdicts = files.flatMap(judge);
const organisation = verdicts.filter((v) => v.where === 'organisation');
const rate = (list: Verdict[]) => `${list.filter((v) => v.agrees).length} of ${list.length}`;
const describeMiss = (v: Verdict) => `${v.file} ${v.where} ${v.decision}: Stratum ${v.got}, the architect ${[v.expected.call, ...v.expected.acceptable].join(' or ')} (${v.expected.why})`;

describe('the calibration set', () => {
  it(`holds at least 30 organisations, each with a call for every organisation decision (${files.length} here)`, () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(organisation.filter((v) => v.file === f), f).toHaveLength(ORGANISATION_DECISIONS.length);
  });

  for (const id of ORGANISATION_DECISIONS) {
    const mine = organisation.filter((v) => v.decision === id);
    it(`${id}: Stratum agrees with the architect on ${rate(mine)}`, () => {
      // Reported per decision; the bar is on the whole set (below).
      expect(mine.length).toBe(files.length);
    });
  }
  for (const id of USE_CASE_DECISIONS) {
    const mine = verdicts.filter((v) => v.where !== 'organisation' && v.decision === id);
    if (mine.length > 0) it(`use cases' ${id}: Stratum agrees on ${rate(mine)}`, () => expect(mine.length).toBeGreaterThan(0));
  }

  it(`agrees on at least 90% of the organisation calls (${rate(organisation)})`, () => {
    const agreed = organisation.filter((v) => v.agrees).length;
    expect(agreed / organisation.length, organisation.filter((v) => !v.agrees).map(describeMiss).join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  const decidedByConstraint = verdicts.filter((v) => v.expected.constraint);
  it(`agrees on every call a hard constraint decides (${rate(decidedByConstraint)})`, () => {
    expect(decidedByConstraint.length).toBeGreaterThan(10);
    expect(decidedByConstraint.filter((v) => !v.agrees).map(describeMiss)).toEqual([]);
  });
});
