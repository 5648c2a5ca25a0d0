import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { defaultPackJson } from '../../../../shared/engine';
import { tinyPackJson } from '../../shared/engine/tiny-pack';
import { memoryIo } from './memory-io';

const bank = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/workshops/regulated-bank.json'), 'utf8');
const answers = (body: Record<string, unknown>) => JSON.stringify({ format: 'stratum.answers', version: 1, ...body });

describe('stratum evaluate', () => {
  it('prints JSON with the pack id, version and sha256 and the decisions', () => {
    const io = memoryIo({ 'bank.json': bank });
    expect(runCli(['evaluate', 'bank.json', '--samples', '500'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const report = JSON.parse(io.out.join(''));
    expect(report.pack).toEqual({ id: 'stratum-default', version: '1.0.1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.decisions.map((d: { id: string }) => d.id)).toEqual(['deployment', 'cloud-strategy', 'infrastructure-model', 'inference-mode', 'ai-sourcing']);
    const deployment = report.decisions[0];
    for (const key of ['id', 'applicable', 'recommended', 'ranking', 'excluded', 'risks', 'flipPoints', 'robustness', 'unanswered']) expect(deployment).toHaveProperty(key);
    for (const key of ['option', 'score', 'excluded', 'criteria', 'reasons']) expect(deployment.ranking[0]).toHaveProperty(key);
    expect(deployment.recommended).toBe('on-premises');
    expect(report.stakeholders.stakeholders).toHaveLength(3);
    expect(report.robustness).toEqual({ samples: 500, spread: 1, seed: 1 });
    // An answers file has no room choices: every decision goes with its recommendation.
    expect(report.decided).toEqual({});
  });

  it('is byte-identical across runs, and the seed is what changes the robustness sample', () => {
    const run = (args: string[]) => {
      const io = memoryIo({ 'bank.json': bank });
      runCli(['evaluate', 'bank.json', '--samples', '300', ...args], io);
      return io.out.join('');
    };
    expect(run([])).toBe(run([]));
    expect(run(['--seed', '9'])).toBe(run(['--seed', '9']));
  });

  it('reads standard input with -', () => {
    const io = memoryIo({}, answers({ answers: { dataResidency: 'sovereign' } }));
    expect(runCli(['evaluate', '-', '--samples', '100'], io)).toBe(0);
    expect(JSON.parse(io.out.join('')).input.file).toBe('(stdin)');
  });

  it('prints a readable text summary and a Markdown report', () => {
    const text = memoryIo({ 'bank.json': bank });
    expect(runCli(['evaluate', 'bank.json', '--format', 'text', '--samples', '200'], text)).toBe(0);
    const summary = text.out.join('\n');
    expect(summary).toContain('Deployment: on-premises');
    expect(summary).toContain('Cloud strategy: not applicable');
    expect(summary).toMatch(/Why:\n/);
    expect(summary).toContain('Stakeholders: agreement index');
    const md = memoryIo({ 'bank.json': bank });
    expect(runCli(['evaluate', 'bank.json', '--format=markdown', '--samples', '200'], md)).toBe(0);
    expect(md.out.join('\n')).toMatch(/^# Stratum evaluation: Regional bank/);
    expect(md.out.join('\n')).toContain('| Rank | Option | Score | Excluded |');
  });

  it('uses another pack with --pack', () => {
    const io = memoryIo({ 'tiny.json': JSON.stringify(tinyPackJson()), 'a.json': answers({ answers: { sensitivity: 'high' }, weights: { cost: 1, control: 3 } }) });
    expect(runCli(['evaluate', 'a.json', '--pack', 'tiny.json', '--samples', '50'], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.pack.id).toBe('tiny');
    expect(report.decisions[0].recommended).toBe('c');
  });

  it('refuses bad answers with exit 2, one line per problem naming file, path, found and allowed', () => {
    const io = memoryIo({ 'bad.json': answers({ answers: { dataSensitivty: 'regulated', dataResidency: 'mars' }, weights: { cost: 9 } }) });
    expect(runCli(['evaluate', 'bad.json'], io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err).toHaveLength(3);
    expect(io.err[0]).toBe('stratum: bad.json: $.weights.cost: out of range; found: 9; allowed: a number at most 5');
    expect(io.err[1]).toMatch(/^stratum: bad\.json: \$\.answers\.dataSensitivty: unknown answer id; found: "dataSensitivty"; allowed: one of .*; did you mean "dataSensitivity"\?$/);
    expect(io.err[2]).toMatch(/^stratum: bad\.json: \$\.answers\.dataResidency: value not allowed for "dataResidency"; found: "mars"; allowed: one of none, regional, in-country, sovereign/);
    expect(io.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('refuses unreadable files, invalid JSON, other formats and newer versions with exit 2', () => {
    const cases: Array<[Record<string, string>, string[], RegExp]> = [
      [{}, ['evaluate', 'missing.json'], /^stratum: missing\.json: cannot read the file: no such file$/],
      [{ 'x.json': '{\n  "format": "stratum.answers",\n  "answers": { "a": 1, }\n}' }, ['evaluate', 'x.json'], /^stratum: x\.json: line 3, column \d+: not valid JSON/],
      [{ 'x.json': '' }, ['evaluate', 'x.json'], /^stratum: x\.json: the file is empty/],
      [{ 'x.json': answers({ version: 3, answers: {} }) }, ['evaluate', 'x.json'], /\$\.version: this file is stratum\.answers version 3, newer than this build of Stratum reads/],
      [{ 'x.json': JSON.stringify(defaultPackJson()) }, ['evaluate', 'x.json'], /\$\.format: this is not a Stratum answers file \(this is a rule pack: pass it with --pack\)/],
      [{ 'x.json': answers({ answers: {} }), 'p.json': '{"format":"stratum.pack","version":1}' }, ['evaluate', 'x.json', '--pack', 'p.json'], /^stratum: p\.json: \$\.id: required field is missing/],
    ];
    for (const [files, argv, expected] of cases) {
      const io = memoryIo(files);
      expect(runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err[0]).toMatch(expected);
    }
  });
});

describe('stratum pack validate', () => {
  it('accepts the default pack and says what it checked', () => {
    const io = memoryIo({ 'default.json': JSON.stringify(defaultPackJson()) });
    expect(runCli(['pack', 'validate', 'default.json'], io)).toBe(0);
    expect(io.out[0]).toMatch(/^default\.json: pack stratum-default 1\.0\.1 is valid: 23 factors, 7 criteria, 5 decisions, \d+ rules; 17 monotonic expectations hold/);
  });

  it('refuses every kind of pack error with exit 2 and a line per problem', () => {
    const pack = tinyPackJson() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    pack.rules[0].when = { factor: 'sensitivty', op: 'eq', value: 'high' };
    pack.rules[1].effects[0].option = 'cc';
    const io = memoryIo({ 'p.json': JSON.stringify(pack) });
    expect(runCli(['pack', 'validate', 'p.json'], io)).toBe(2);
    expect(io.err).toEqual([
      'stratum: p.json: $.rules[0].when.factor: unknown factor; found: "sensitivty"; allowed: one of sensitivity, users, legacy; did you mean "sensitivity"?',
      'stratum: p.json: $.rules[1].effects[0].option: unknown option of decision "where"; found: "cc"; allowed: one of a, b, c; did you mean "c"?',
    ]);
  });

  it('refuses each class of pack error through the command line, one line naming path, found and allowed', () => {
    type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cases: Array<[(p: Json) => void, RegExp]> = [
      [(p) => (p.rules[1].id = p.rules[0].id), /\$\.rules\[1\]\.id: duplicate rule id \(first used at index 0\); found: "sensitive-needs-control"/],
      [(p) => (p.rules[0].when = { factor: 'users', op: 'gt', value: 'many' }), /\$\.rules\[0\]\.when\.value: value outside factor "users"; found: "many"; allowed: a whole number at least 0/],
      [(p) => (p.rules[0].when = { factor: 'sensitivity', op: 'eq', value: 'secret' }), /\$\.rules\[0\]\.when\.value: value outside factor "sensitivity"; found: "secret"; allowed: one of low, high/],
      [(p) => (p.rules[0].effects[0].criterion = 'speed'), /\$\.rules\[0\]\.effects\[0\]\.criterion: unknown criterion; found: "speed"; allowed: one of cost, control/],
      [(p) => (p.rules[0].effects[0].by = -2), /\$\.rules\[0\]\.effects\[0\]\.by: out of range; found: -2; allowed: a number at least -1/],
      [(p) => (p.version = 7), /\$\.version: this pack is written in pack format version 7, newer than this build of Stratum reads/],
    ];
    for (const [mutate, expected] of cases) {
      const pack = tinyPackJson() as Json;
      mutate(pack);
      const io = memoryIo({ 'p.json': JSON.stringify(pack) });
      expect(runCli(['pack', 'validate', 'p.json'], io)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(/^stratum: p\.json: \$/);
      expect(io.err[0]).toMatch(expected);
    }
  });

  it('refuses a pack whose declared monotonic expectation does not hold, with a counter-example', () => {
    const pack = tinyPackJson() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    pack.rules[0].effects.push({ type: 'adjust', decision: 'where', option: 'a', criterion: 'cost', by: 0.5 });
    const io = memoryIo({ 'p.json': JSON.stringify(pack) });
    expect(runCli(['pack', 'validate', 'p.json'], io)).toBe(2);
    expect(io.err[0]).toMatch(/^stratum: p\.json: \$\.expectations\.monotonic\[0\]: monotonic expectation "sensitivity-never-favours-a" does not hold: raising from "low" to "high", a − c rose/);
  });

  it('reports as JSON with --format json', () => {
    const io = memoryIo({ 'p.json': JSON.stringify(tinyPackJson()) });
    expect(runCli(['pack', 'validate', 'p.json', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ valid: true, pack: { id: 'tiny', version: '0.1.0' }, issues: [] });
  });

  it('prints the default pack', () => {
    const io = memoryIo({});
    expect(runCli(['pack', 'default'], io)).toBe(0);
    expect(JSON.parse(io.out.join(''))).toEqual(defaultPackJson());
  });
});

describe('command line', () => {
  it('shows help for the command and for each subcommand', () => {
    for (const [argv, expected] of [
      [['--help'], /^Usage: stratum COMMAND/],
      [[], /^Usage: stratum COMMAND/],
      [['evaluate', '--help'], /^Usage: stratum evaluate FILE\|-/],
      [['pack', '--help'], /^Usage: stratum pack validate FILE/],
      [['pack', 'validate', '-h'], /^Usage: stratum pack validate FILE/],
      [['help', 'evaluate'], /^Usage: stratum evaluate/],
    ] as const) {
      const io = memoryIo({});
      expect(runCli(argv, io)).toBe(0);
      expect(io.out[0]).toMatch(expected);
    }
    const io = memoryIo({});
    expect(runCli(['--version'], io)).toBe(0);
    expect(io.out[0]).toMatch(/^stratum \d+\.\d+\.\d+$/);
  });

  it('refuses unknown commands and options with a suggestion and exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['evalute', 'x.json'], /^stratum: unknown command "evalute"; allowed: evaluate, pack, [^;]+; did you mean "evaluate"\?$/],
      [['evaluate', 'x.json', '--formt', 'text'], /^stratum: unknown option --formt; did you mean --format\?/],
      [['evaluate', 'x.json', '--format', 'yaml'], /^stratum: option --format: unknown format "yaml"; allowed: json, text, markdown/],
      [['evaluate'], /^stratum: evaluate needs an answers file/],
      [['evaluate', 'a.json', 'b.json'], /^stratum: evaluate takes one answers or workshop file; found 2/],
      [['evaluate', 'x.json', '--samples', 'many'], /^stratum: option --samples must be a whole number; found "many"; allowed: 1 to 10000000/],
      [['evaluate', 'x.json', '--samples', '0'], /^stratum: option --samples is out of range; found 0/],
      [['evaluate', 'x.json', '--pack'], /^stratum: option --pack needs a value/],
      [['pack', 'valdate', 'p.json'], /^stratum: unknown pack command "valdate"; allowed: validate, default; did you mean "validate"\?/],
    ];
    for (const [argv, expected] of cases) {
      const io = memoryIo({});
      expect(runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err[0]).toMatch(expected);
      expect(io.err[1]).toMatch(/^Run `stratum .*--help` for usage\.$/);
    }
  });
});
