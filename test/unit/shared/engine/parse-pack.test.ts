// Every class of pack-validation error, each refused with the JSON path, what was found and what is allowed.
import { describe, expect, it } from 'vitest';
import { defaultPackJson, formatIssue, parsePack, type EngineIssue } from '../../../../shared/engine';
import { tinyPackJson } from './tiny-pack';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(mutate: (pack: Json) => void): EngineIssue[] {
  const pack = structuredClone(tinyPackJson()) as Json;
  mutate(pack);
  const result = parsePack(pack);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.issues;
}

function lines(mutate: (pack: Json) => void): string[] {
  return issuesOf(mutate).map((i) => formatIssue(i, 'pack.json'));
}

describe('parsePack', () => {
  it('accepts the default pack and the test pack', () => {
    expect(parsePack(defaultPackJson()).ok).toBe(true);
    expect(parsePack(tinyPackJson()).ok).toBe(true);
  });

  it('refuses a file that is not a pack, or a newer pack format', () => {
    expect(lines((p) => (p.format = 'stratum.answers'))).toEqual(['pack.json: $.format: this is not a Stratum rule pack; found: "stratum.answers"; allowed: "stratum.pack"']);
    expect(lines((p) => (p.version = 4))[0]).toMatch(/^pack\.json: \$\.version: this pack is written in pack format version 4, newer than this build of Stratum reads; update Stratum; found: 4; allowed: 1, 2 or 3$/);
    expect(parsePack([]).ok).toBe(false);
  });

  it('refuses an unknown factor in a condition, suggesting the closest id', () => {
    expect(lines((p) => (p.rules[0].when = { factor: 'sensitivty', op: 'eq', value: 'high' }))).toEqual([
      'pack.json: $.rules[0].when.factor: unknown factor; found: "sensitivty"; allowed: one of sensitivity, users, legacy; did you mean "sensitivity"?',
    ]);
  });

  it('refuses a value outside the factor’s domain', () => {
    expect(lines((p) => (p.rules[0].when = { factor: 'sensitivity', op: 'eq', value: 'hihg' }))).toEqual([
      'pack.json: $.rules[0].when.value: value outside factor "sensitivity"; found: "hihg"; allowed: one of low, high; did you mean "high"?',
    ]);
    expect(lines((p) => (p.rules[1].when.all[0] = { factor: 'users', op: 'in', value: [10, -1] }))[0]).toBe(
      'pack.json: $.rules[1].when.all[0].value[1]: value outside factor "users"; found: -1; allowed: a whole number at least 0',
    );
  });

  it('refuses a type mismatch between a comparison and its factor', () => {
    expect(lines((p) => (p.rules[1].when.all[0] = { factor: 'users', op: 'gt', value: '1000' }))[0]).toBe(
      'pack.json: $.rules[1].when.all[0].value: value outside factor "users"; found: "1000"; allowed: a whole number at least 0',
    );
    expect(lines((p) => (p.rules[1].when.all[1] = { factor: 'legacy', op: 'gt', value: true }))[0]).toBe(
      'pack.json: $.rules[1].when.all[1].op: operator not allowed on a true/false factor; found: "gt"; allowed: one of eq, ne',
    );
    expect(lines((p) => (p.rules[0].when = { factor: 'sensitivity', op: 'like', value: 'high' }))[0]).toBe(
      'pack.json: $.rules[0].when.op: unknown operator; found: "like"; allowed: one of eq, ne, in, gt, gte, lt, lte',
    );
  });

  it('refuses a malformed condition, naming the forms that are allowed', () => {
    expect(lines((p) => (p.rules[0].when = { every: [] }))[0]).toMatch(/^pack\.json: \$\.rules\[0\]\.when: not a condition; found: \{"every":\[\]\}; allowed: an object with "all", "any" or "not"/);
    expect(lines((p) => (p.rules[0].when = { all: [] }))[0]).toMatch(/\$\.rules\[0\]\.when\.all: "all" needs a non-empty list of conditions/);
    expect(lines((p) => (p.rules[0].when = { factor: 'users', op: 'gt', value: 1, extra: 1 }))[0]).toMatch(/\$\.rules\[0\]\.when\.extra: unknown field/);
  });

  it('refuses duplicate ids', () => {
    expect(lines((p) => (p.rules[1].id = p.rules[0].id))).toEqual([
      'pack.json: $.rules[1].id: duplicate rule id (first used at index 0); found: "sensitive-needs-control"; allowed: an id not used by another rule',
    ]);
    expect(lines((p) => (p.decisions[0].options[1].id = 'a'))[0]).toMatch(/^pack\.json: \$\.decisions\[0\]\.options\[1\]\.id: duplicate option id/);
    expect(lines((p) => (p.factors[1].id = 'sensitivity'))[0]).toMatch(/\$\.factors\[1\]\.id: duplicate factor id/);
  });

  it('refuses unknown options, criteria, decisions and considerations in effects', () => {
    expect(lines((p) => (p.rules[0].effects[0].option = 'cc'))).toEqual([
      'pack.json: $.rules[0].effects[0].option: unknown option of decision "where"; found: "cc"; allowed: one of a, b, c; did you mean "c"?',
    ]);
    expect(lines((p) => (p.rules[0].effects[0].criterion = 'contrl'))).toEqual([
      'pack.json: $.rules[0].effects[0].criterion: unknown criterion; found: "contrl"; allowed: one of cost, control; did you mean "control"?',
    ]);
    expect(lines((p) => (p.rules[0].effects[0].decision = 'were'))[0]).toMatch(/\$\.rules\[0\]\.effects\[0\]\.decision: unknown decision; found: "were"; allowed: one of where, how; did you mean "where"\?/);
    expect(lines((p) => (p.rules[0].consideration = 'scal'))[0]).toMatch(/\$\.rules\[0\]\.consideration: unknown consideration.*did you mean "scale"\?/);
  });

  it('refuses effects out of range and unknown effect types', () => {
    expect(lines((p) => (p.rules[0].effects[0].by = 1.5))).toEqual(['pack.json: $.rules[0].effects[0].by: out of range; found: 1.5; allowed: a number at most 1']);
    expect(lines((p) => (p.rules[0].effects[0].by = 0))[0]).toMatch(/\$\.rules\[0\]\.effects\[0\]\.by: an adjustment of 0 has no effect/);
    expect(lines((p) => (p.rules[0].effects[0].type = 'boost'))).toEqual([
      'pack.json: $.rules[0].effects[0].type: unknown kind; found: "boost"; allowed: one of adjust, exclude, risk, not-applicable',
    ]);
    expect(lines((p) => (p.rules[0].effects[2].severity = 'low'))[0]).toBe('pack.json: $.rules[0].effects[2].severity: value not allowed; found: "low"; allowed: one of high, medium');
    expect(lines((p) => (p.decisions[0].options[0].baseline.cost = 1.2))[0]).toMatch(/\$\.decisions\[0\]\.options\[0\]\.baseline\.cost: out of range; found: 1\.2; allowed: a number at most 1/);
    expect(lines((p) => (p.criteria[0].defaultWeight = 6))[0]).toMatch(/\$\.criteria\[0\]\.defaultWeight: out of range; found: 6; allowed: a number at most 5/);
  });

  it('refuses unknown fields, suggesting the intended one', () => {
    expect(lines((p) => (p.rules[0].rationalle = 'x'))).toEqual([
      'pack.json: $.rules[0].rationalle: unknown field; found: "rationalle"; allowed: one of id, consideration, rationale, when, effects; did you mean "rationale"?',
    ]);
  });

  it('refuses a missing field and a wrong type', () => {
    expect(lines((p) => delete p.rules[0].rationale)).toEqual(['pack.json: $.rules[0].rationale: required field is missing; found: nothing; allowed: text']);
    expect(lines((p) => (p.criteria[0].defaultWeight = 'high'))).toEqual(['pack.json: $.criteria[0].defaultWeight: must be a number; found: "high"; allowed: a number']);
  });

  it('refuses a baseline that misses a criterion or names an unknown one', () => {
    expect(lines((p) => delete p.decisions[0].options[0].baseline.cost)[0]).toMatch(/\$\.decisions\[0\]\.options\[0\]\.baseline: baseline is missing criterion "cost"/);
    expect(lines((p) => (p.decisions[0].options[0].baseline.cots = 0.5))[0]).toMatch(/\$\.decisions\[0\]\.options\[0\]\.baseline\.cots: unknown criterion.*did you mean "cost"\?/);
  });

  it('keeps scores linear: rules reading a decision may only raise risks or change applicability', () => {
    expect(lines((p) => p.rules[2].effects.push({ type: 'adjust', decision: 'how', option: 'x', criterion: 'cost', by: 0.1 }))).toEqual([
      'pack.json: $.rules[2].effects[1].type: a rule whose condition reads a decision may only raise risks or mark decisions not applicable; found: "adjust"; allowed: one of risk, not-applicable',
    ]);
    expect(lines((p) => (p.rules[2].effects[0].decision = 'where'))[0]).toMatch(/\$\.rules\[2\]\.effects\[0\]\.decision: a decision cannot be made not applicable by its own recommendation/);
    expect(lines((p) => (p.rules[2].when = { decision: 'where', op: 'gt', value: 'c' }))[0]).toMatch(/\$\.rules\[2\]\.when\.op: operator not allowed on a decision/);
    expect(lines((p) => (p.rules[2].when = { decision: 'where', op: 'eq', value: 'z' }))[0]).toMatch(/\$\.rules\[2\]\.when\.value: not an option of decision "where"/);
  });

  it('refuses monotonic expectations that name unknown factors or options', () => {
    expect(lines((p) => (p.expectations.monotonic[0].raising = 'sensitivy'))[0]).toMatch(/\$\.expectations\.monotonic\[0\]\.raising: unknown factor.*did you mean "sensitivity"\?/);
    expect(lines((p) => (p.expectations.monotonic[0].over = 'a'))[0]).toMatch(/\$\.expectations\.monotonic\[0\]\.over: an option compared with itself/);
    expect(lines((p) => (p.expectations.monotonic[0].neverFavours = 'q'))[0]).toMatch(/\$\.expectations\.monotonic\[0\]\.neverFavours: unknown option of decision "where"/);
  });

  it('reports several problems at once', () => {
    const issues = issuesOf((p) => {
      p.rules[0].effects[0].option = 'zz';
      p.rules[1].when.all[0].factor = 'user';
    });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['rules.0.effects.0.option', 'rules.1.when.all.0.factor']);
  });
});

describe('question groups', () => {
  it('refuses a factor in an unknown group', () => {
    const issues = issuesOf((p) => {
      p.groups = [{ id: 'data', label: 'Data' }];
      p.factors[0].group = 'dat';
    });
    expect(issues.map((i) => formatIssue(i))).toEqual(['$.factors[0].group: unknown group; found: "dat"; allowed: one of data; did you mean "data"?']);
  });
});
