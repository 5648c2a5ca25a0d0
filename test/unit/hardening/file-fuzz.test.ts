// File fuzzing: answers files, rule packs and workshop files, truncated, with bytes and fields mutated,
// oversized and in the wrong version or format. The readers never throw, every issue names the JSON path
// of the problem, importing a broken workshop file adds nothing at all, and opening a file of a workshop
// that is already here never changes what is saved, and shows that workshop as it is only when the file
// holds exactly what is saved (opened alone, it would give the same rows).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokeChannel, type HandlerDeps } from '../../../electron/handlers';
import { IMPORT_MAX_CHARS } from '../../../shared/contract';
import { defaultPack, formatIssue, loadPack, parseAnswersFile, type EngineIssue, type EngineResult } from '../../../shared/engine';
import { canonicalJson, formatJsonPath, type JsonPath } from '../../../shared/util';
import { createRandom } from '../../../shared/util/prng';
import { parseWorkshopFile, proposedRecord } from '../../../shared/records';
import { tempDeps } from '../support/temp-db';
import { dumpDatabase, quiet, seedWorkshops } from './hardening-support';

const root = path.resolve(__dirname, '../../..');
const ANSWERS_TEXT = fs.readFileSync(path.join(root, 'test/fixtures/workshops/regulated-bank.json'), 'utf8');
const PACK_TEXT = fs.readFileSync(path.join(root, 'shared/packs/default.json'), 'utf8');
const WORKSHOP_TEXT = fs.readFileSync(path.join(root, 'test/fixtures/records/workshop-bank.json'), 'utf8');
const PACK = defaultPack();

type Reader = (value: unknown) => EngineResult<unknown>;

interface Kind {
  name: string;
  text: string;
  read: Reader;
  /** How many structural mutations to try: packs compile, which costs more than the other two. */
  runs: number;
}

const KINDS: Kind[] = [
  { name: 'answers file', text: ANSWERS_TEXT, read: (v) => parseAnswersFile(v, PACK), runs: 400 },
  { name: 'rule pack', text: PACK_TEXT, read: (v) => loadPack(v), runs: 200 },
  { name: 'workshop file', text: WORKSHOP_TEXT, read: (v) => parseWorkshopFile(v), runs: 400 },
];

/** Calls a reader the way the app does (text is JSON-parsed first, as readJson does), failing on a throw. */
function readText(kind: Kind, text: string): EngineResult<unknown> | 'not-json' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The workshop reader takes text itself and must say the JSON is broken; the others get parsed values.
    if (kind.name !== 'workshop file') return 'not-json';
    value = text;
  }
  return readValue(kind, value);
}

function readValue(kind: Kind, value: unknown): EngineResult<unknown> {
  try {
    return kind.read(value);
  } catch (err) {
    throw new Error(`the ${kind.name} reader threw instead of reporting issues: ${String(err)}`, { cause: err });
  }
}

/** Every issue says where (a JSON path) and what, in a line a person can read. */
function expectClearIssues(kind: Kind, result: EngineResult<unknown>): EngineIssue[] {
  if (result.ok) return [];
  expect(result.issues.length, `${kind.name}: a refusal without issues`).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(Array.isArray(issue.path), `${kind.name}: issue without a path: ${JSON.stringify(issue).slice(0, 200)}`).toBe(true);
    expect(issue.message.trim().length).toBeGreaterThan(0);
    const line = formatIssue(issue);
    expect(line.startsWith(`${formatJsonPath(issue.path)}: `)).toBe(true);
    // A message for a person, not a dump of the oversized value.
    expect(line.length, `${kind.name}: an issue line of ${line.length} characters at ${formatJsonPath(issue.path)}: ${line.slice(0, 300)}`).toBeLessThan(20_000);
  }
  return result.issues;
}

/** Every path in a JSON document (objects' keys and arrays' indexes), root excluded. */
function allPaths(value: unknown, at: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, child] of entries) {
    out.push([...at, key]);
    allPaths(child, [...at, key], out);
  }
  return out;
}

function setAt(root: unknown, p: JsonPath, op: 'set' | 'delete', value?: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const part of p.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = p[p.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else Object.defineProperty(node, last, { value, enumerable: true, configurable: true, writable: true });
}

const HUGE_STRING = 'y'.repeat(5 * 1024 * 1024);
const HUGE_ARRAY = Array.from({ length: 100_000 }, (_, i) => i % 3 === 0 ? `entry-${i}` : i);

const wildValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(null, '', -1, 0, 1e308, -1e308, 2.5, true, [], {}, 'stratum.pack', 'stratum.answers', 'stratum.workshop', '__proto__', 'constructor', 'unknownFactor', '2026-13-45'),
  fc.string({ maxLength: 50 }),
);

describe.each(KINDS)('$name fuzzing', (kind) => {
  const original: unknown = JSON.parse(kind.text);
  const paths = allPaths(original);

  it('reads the unmodified file', () => {
    expect(readValue(kind, original).ok).toBe(true);
  });

  it('refuses the file truncated at any point, with an issue naming where', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: kind.text.length - 1 }), (cut) => {
        const text = kind.text.slice(0, cut);
        // Truncating only trailing whitespace leaves the same document.
        if (text.trim() === kind.text.trim()) return;
        const result = readText(kind, text);
        if (result === 'not-json') return;
        expect(result.ok, `read a file cut at ${cut}`).toBe(false);
        expectClearIssues(kind, result);
      }),
      { numRuns: 150 },
    );
  });

  it('survives bytes mutated anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = Buffer.from(kind.text, 'utf8');
        for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
        const result = readText(kind, bytes.toString('utf8'));
        if (result !== 'not-json') expectClearIssues(kind, result);
      }),
      { numRuns: 150 },
    );
  });

  it('reports keys and values mutated at any path, naming a path', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('set', 'delete', 'rename', 'extra'), wildValue, fc.string({ minLength: 1, maxLength: 12 }), (pick, op, value, key) => {
        const doc = structuredClone(original);
        const target = paths[pick % paths.length]!;
        if (op === 'set') setAt(doc, target, 'set', value);
        else if (op === 'delete') setAt(doc, target, 'delete');
        else if (op === 'extra') {
          const parent = target.slice(0, -1);
          const node = parent.reduce<unknown>((n, part) => (n as Record<string | number, unknown>)[part], doc);
          if (node !== null && typeof node === 'object' && !Array.isArray(node)) setAt(doc, [...parent, key], 'set', value);
        } else {
          const last = target[target.length - 1];
          if (typeof last === 'string') {
            const parent = target.slice(0, -1);
            const node = parent.reduce<unknown>((n, part) => (n as Record<string | number, unknown>)[part], doc) as Record<string, unknown>;
            const moved = node[last];
            delete node[last];
            setAt(doc, [...parent, `${last}${key}`], 'set', moved);
          }
        }
        // Through JSON, as a file would arrive (own __proto__ keys stay keys).
        expectClearIssues(kind, readValue(kind, JSON.parse(JSON.stringify(doc))));
      }),
      { numRuns: kind.runs },
    );
  });

  it('refuses a wrong format or version with an issue at $.format or $.version', () => {
    fc.assert(
      fc.property(fc.constantFrom('format', 'version'), fc.oneof(wildValue.filter((v) => v !== 1 && v !== 2 && v !== 3 && v !== 4 && v !== 5), fc.constantFrom<unknown>(6, 99, 0, 1.5, '1', '2', null)), (field, value) => {
        const doc = structuredClone(original) as Record<string, unknown>;
        if (JSON.stringify(doc[field]) === JSON.stringify(value)) return;
        doc[field] = value;
        const issues = expectClearIssues(kind, readValue(kind, doc));
        expect(issues.length, `accepted ${field} = ${JSON.stringify(value)}`).toBeGreaterThan(0);
        expect(issues.some((i) => i.path[0] === field || i.path[0] === 'format')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses oversized values (5 MB strings, 100,000-entry arrays) without throwing', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('string', 'array'), (pick, what) => {
        const doc = structuredClone(original);
        setAt(doc, paths[pick % paths.length]!, 'set', what === 'string' ? HUGE_STRING : HUGE_ARRAY);
        expectClearIssues(kind, readValue(kind, doc));
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});

describe('workshops.import of broken workshop files', () => {
  it('adds no workshop, no state and no records for any broken file', () => {
    const deps = tempDeps();
    seedWorkshops(deps);
    const before = dumpDatabase(deps.db);
    const original = JSON.parse(WORKSHOP_TEXT) as unknown;
    const paths = allPaths(original);
    const broken = fc.oneof(
      fc.integer({ min: 1, max: WORKSHOP_TEXT.length - 2 }).map((cut) => WORKSHOP_TEXT.slice(0, cut)),
      fc.tuple(fc.nat(), wildValue).map(([pick, value]) => {
        const doc = structuredClone(original);
        setAt(doc, paths[pick % paths.length]!, 'set', value);
        return JSON.stringify(doc);
      }),
      fc.constantFrom('', '{}', '[]', 'null', '{"format":"stratum.workshop","version":2}', WORKSHOP_TEXT.replace('"version": 1', '"version": 0')),
    );
    let refused = 0;
    fc.assert(
      fc.property(broken, (content) => {
        const result = invokeChannel(deps, 'workshops.import', { fileName: 'broken.stratum.json', content }, quiet);
        // A mutation that leaves a valid file imports; undo it so the comparison stays with the seeded data.
        if (result.ok) {
          deps.db.prepare('DELETE FROM workshops WHERE id = ?').run((result.value as { id: string }).id);
          return;
        }
        refused++;
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).toMatch(/^broken\.stratum\.json could not be opened: [A-Za-z][^$]*\.( Details: \$.*)?$|does not fit this Stratum/s);
        expect(dumpDatabase(deps.db)).toBe(before);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(150);
  });

  it('refuses a file over the import limit before reading it', () => {
    const deps = tempDeps();
    const before = dumpDatabase(deps.db);
    const result = invokeChannel(deps, 'workshops.import', { content: `${WORKSHOP_TEXT.slice(0, -2)}, "pad": "${'z'.repeat(IMPORT_MAX_CHARS)}"}` }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'content' }] } });
    expect(dumpDatabase(deps.db)).toBe(before);
  });

  it('imports all of a valid file or nothing when a write fails at any point of the import', () => {
    // Temporary triggers fail the n-th row written (workshop, state, records, in any table) the way a full
    // disk would, for n = 1, 2, … until the import fits. Every failed attempt must leave no trace.
    const deps = tempDeps();
    seedWorkshops(deps);
    deps.db.exec('CREATE TEMP TABLE fault_budget (n INTEGER NOT NULL)');
    for (const table of ['workshops', 'workshop_state', 'decision_records', 'milestones', 'app_settings']) {
      for (const event of ['INSERT', 'UPDATE']) {
        deps.db.exec(`CREATE TEMP TRIGGER fault_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
          BEGIN
            UPDATE fault_budget SET n = n - 1;
            SELECT RAISE(ABORT, 'database or disk is full (injected)') WHERE (SELECT n FROM fault_budget) < 0;
          END`);
      }
    }
    let failed = 0;
    let imported = 0;
    for (let n = 0; n < 50 && imported === 0; n++) {
      deps.db.exec('DELETE FROM fault_budget');
      deps.db.prepare('INSERT INTO fault_budget (n) VALUES (?)').run(n);
      const before = dumpDatabase(deps.db);
      const result = invokeChannel(deps, 'workshops.import', { fileName: 'bank.stratum.json', content: WORKSHOP_TEXT }, quiet);
      if (result.ok) {
        imported++;
        expect(deps.db.prepare('SELECT COUNT(*) AS n FROM workshop_state WHERE workshop_id = ?').get((result.value as { id: string }).id)).toEqual({ n: 1 });
        continue;
      }
      failed++;
      expect(result.error.code).toBe('storage');
      expect(result.error.message).toMatch(/database or disk is full.*Nothing already saved was lost/);
      expect(dumpDatabase(deps.db)).toBe(before);
    }
    // The workshop, its state and each record are separate writes: the fault landed between each of them.
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(imported).toBe(1);
  });
});

/** The document with the keys of every object in a shuffled order (arrays keep theirs: their order is content). */
function shuffledKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffledKeys(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffledKeys(v, random)]));
}

/** Another workshop, whose records a file's records may name in their supersede links. */
const OTHER_WORKSHOP = '9b2e4c1a-7d3f-4e8b-a6c5-1f0e2d3c4b5a';

/** An edit a person makes to the file elsewhere: one detail or one record field set to a value (maybe the same one). */
const fieldEdits = fc.oneof(
  fc.tuple(fc.constantFrom<JsonPath>(['workshop', 'title'], ['workshop', 'organisation'], ['workshop', 'facilitator'], ['workshop', 'description']), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('Northwind Bank', 'A. Facilitator'))),
  fc.tuple(fc.constant<JsonPath>(['workshop', 'date']), fc.constantFrom('2025-03-14', '2025-03-15', '2026-03-14')),
  fc.tuple(fc.constantFrom<JsonPath>(['records', 0, 'status'], ['records', 1, 'status']), fc.constantFrom('proposed', 'accepted', 'rejected', 'deprecated')),
  fc.tuple(fc.constantFrom<JsonPath>(['records', 0, 'date'], ['records', 1, 'date'], ['records', 2, 'date']), fc.constantFrom('2025-03-18', '2025-03-19', '2025-03-20', '2025-04-01')),
  fc.tuple(fc.constantFrom<JsonPath>(['records', 0, 'supersedes'], ['records', 1, 'supersedes'], ['records', 2, 'supersedes']), fc.constantFrom<unknown>([], [{ workshop: OTHER_WORKSHOP, decision: 'deployment' }])),
  fc.tuple(fc.constant<JsonPath>(['records', 2, 'supersededBy']), fc.constantFrom<unknown>({ workshop: OTHER_WORKSHOP, decision: 'cloud-strategy' }, { workshop: OTHER_WORKSHOP, decision: 'deployment' })),
);

type Expected = 'existing' | 'copy' | undefined;

/** Edits whose outcome is known: the records (deployment accepted, inference-mode rejected, cloud-strategy superseded, the rest proposed) and the bookkeeping. */
const knownEdits = fc.constantFrom<{ name: string; outcome: Expected; edit: (doc: { workshop: Record<string, unknown> & { id: string }; records?: Record<string, unknown>[] }) => void }>(
  { name: 'other times and the archived flag (bookkeeping, not compared)', outcome: 'existing', edit: (doc) => Object.assign(doc.workshop, { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', archived: true }) },
  { name: 'no records at all (they are not compared)', outcome: 'existing', edit: (doc) => delete doc.records },
  { name: 'a record left out (it would be proposed)', outcome: 'copy', edit: (doc) => doc.records!.splice(1, 1) },
  { name: 'a proposed record written out', outcome: 'existing', edit: (doc) => doc.records!.push({ workshop: doc.workshop.id, decision: 'ai-sourcing', status: 'proposed', supersededBy: null, supersedes: [] }) },
  { name: 'a dated proposed record written out', outcome: 'copy', edit: (doc) => doc.records!.push({ workshop: doc.workshop.id, decision: 'ai-sourcing', status: 'proposed', date: '2025-03-20', supersededBy: null, supersedes: [] }) },
  { name: 'the record of another decision accepted', outcome: 'copy', edit: (doc) => doc.records!.push({ workshop: doc.workshop.id, decision: 'ai-sourcing', status: 'accepted', date: '2025-03-20', supersededBy: null, supersedes: [] }) },
  { name: 'a proposed record of a decision this pack does not have', outcome: 'existing', edit: (doc) => doc.records!.push({ workshop: doc.workshop.id, decision: 'training-location', status: 'proposed', supersededBy: null, supersedes: [] }) },
  { name: 'an accepted record of a decision this pack does not have', outcome: 'copy', edit: (doc) => doc.records!.push({ workshop: doc.workshop.id, decision: 'training-location', status: 'accepted', date: '2025-03-20', supersededBy: null, supersedes: [] }) },
  { name: 'a record superseded', outcome: 'copy', edit: (doc) => Object.assign(doc.records![0]!, { status: 'superseded', supersededBy: { workshop: OTHER_WORKSHOP, decision: 'deployment' } }) },
  { name: 'a record written twice, the same both times', outcome: 'existing', edit: (doc) => doc.records!.push(structuredClone(doc.records![0]!)) },
);

describe('workshops.import of a workshop that is already here', () => {
  it('shows it as it is exactly when the file holds what is saved, and never changes the saved workshop', () => {
    const deps = tempDeps();
    seedWorkshops(deps);
    // The fixture with a third record, superseded by another workshop's, so that links are compared too.
    const original = JSON.parse(WORKSHOP_TEXT) as { workshop: { id: string }; records: unknown[] };
    original.records.push({ workshop: original.workshop.id, decision: 'cloud-strategy', status: 'superseded', date: '2025-03-20', supersededBy: { workshop: OTHER_WORKSHOP, decision: 'cloud-strategy' }, supersedes: [] });
    const first = invokeChannel(deps, 'workshops.import', { content: JSON.stringify(original, null, 2) }, quiet);
    if (!first.ok) throw new Error(first.error.message);
    const id = (first.value as { id: string }).id;
    expect(first.value).toMatchObject({ opened: 'new' });
    const before = dumpDatabase(deps.db);
    // The rows of the workshop already here: whatever file is opened, they stay as they are.
    const savedRows = () =>
      JSON.stringify([
        deps.db.prepare('SELECT * FROM workshops WHERE id = ?').raw().all(id),
        deps.db.prepare('SELECT * FROM workshop_state WHERE workshop_id = ?').raw().all(id),
        deps.db.prepare('SELECT * FROM decision_records WHERE workshop_id = ? ORDER BY decision_id').raw().all(id),
      ]);
    const saved = savedRows();
    // What a file would write, read from the rows of a database it was opened in alone: details, state and the
    // record of every decision (one without a row is proposed), times, the revision and the archived flag left
    // out. Records only when the file carries them: a file without records says nothing about them.
    const empty = tempDeps();
    const held = (d: HandlerDeps, workshopId: string, withRecords: boolean) => {
      const records = (d.db.prepare('SELECT record FROM decision_records WHERE workshop_id = ?').pluck().all(workshopId) as string[])
        .map((text) => JSON.parse(text) as { decision: string })
        .filter((r) => canonicalJson(r) !== canonicalJson(proposedRecord(workshopId, r.decision)));
      const state = d.db.prepare('SELECT state FROM workshop_state WHERE workshop_id = ?').pluck().get(workshopId) as string | undefined;
      return canonicalJson({
        workshop: d.db.prepare('SELECT id, title, organisation, facilitator, date, description FROM workshops WHERE id = ?').get(workshopId) ?? null,
        state: state === undefined ? null : (JSON.parse(state) as unknown),
        records: withRecords ? Object.fromEntries(records.map((r) => [r.decision, r])) : null,
      });
    };
    const heldHere = { true: held(deps, id, true), false: held(deps, id, false) };
    const paths = allPaths(original);
    const files = fc.oneof(
      fc.integer().map((seed) => ({ why: 'keys reordered', expect: 'existing' as Expected, content: JSON.stringify(shuffledKeys(original, createRandom(seed)), null, Math.abs(seed) % 3) })),
      fc.tuple(fc.nat(), wildValue).map(([pick, value]) => {
        const doc = structuredClone(original);
        const at = paths[pick % paths.length]!;
        setAt(doc, at, 'set', value);
        return { why: `${formatJsonPath(at)} set`, expect: undefined as Expected, content: JSON.stringify(doc) };
      }),
      fieldEdits.map(([at, value]) => {
        const doc = structuredClone(original);
        const changed = JSON.stringify(at.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], doc)) !== JSON.stringify(value);
        setAt(doc, at, 'set', value);
        return { why: `${formatJsonPath(at)} = ${JSON.stringify(value)}`, expect: (changed ? 'copy' : 'existing') as Expected, content: JSON.stringify(doc) };
      }),
      knownEdits.map(({ name, outcome, edit }) => {
        const doc = structuredClone(original) as Parameters<typeof edit>[0];
        edit(doc);
        return { why: name, expect: outcome, content: JSON.stringify(doc) };
      }),
    );
    const seen = { existing: 0, copy: 0 };
    fc.assert(
      fc.property(files, ({ why, expect: expected, content }) => {
        // Each run starts from the same databases: what an import writes is rolled back (it nests as a savepoint).
        deps.db.exec('BEGIN');
        empty.db.exec('BEGIN');
        try {
          const result = invokeChannel(deps, 'workshops.import', { fileName: 'bank.stratum.json', content }, quiet);
          const alone = invokeChannel(empty, 'workshops.import', { fileName: 'bank.stratum.json', content }, quiet);
          expect(alone.ok, `${why}: refused in one database only`).toBe(result.ok);
          if (result.ok && alone.ok) {
            const { id: got, opened } = result.value as { id: string; opened: string };
            const fresh = alone.value as { id: string; opened: string };
            expect(fresh.opened).toBe('new');
            expect(opened === 'existing', `${why}: opened ${opened} as ${got}`).toBe(got === id);
            if (opened === 'existing') expect(dumpDatabase(deps.db)).toBe(before);
            // 'existing' exactly when opening the file alone gives what is saved here: nothing in it is lost, and no needless copy.
            const withRecords = (JSON.parse(content) as { records?: unknown }).records !== undefined;
            const same = held(empty, fresh.id, withRecords) === heldHere[`${withRecords}`];
            expect(opened, `${why}: the file ${same ? 'holds' : 'does not hold'} what is saved`).toBe(same ? 'existing' : fresh.id === id ? 'copy' : 'new');
            if (expected) expect(opened, why).toBe(expected);
            if (opened === 'existing' || opened === 'copy') seen[opened]++;
          }
          expect(savedRows()).toBe(saved);
        } finally {
          if (deps.db.inTransaction) deps.db.exec('ROLLBACK');
          if (empty.db.inTransaction) empty.db.exec('ROLLBACK');
        }
      }),
      { numRuns: 300 },
    );
    expect(dumpDatabase(deps.db)).toBe(before);
    expect(seen.existing).toBeGreaterThan(50);
    expect(seen.copy).toBeGreaterThan(50);
  });
});
