// API fuzzing: every channel of the contract gets a thousand malformed payloads through the real wrapper
// (invokeChannelAsync, the one every transport uses). Each must come back as a typed result, nothing may
// throw, and a refused payload must leave every table of the database exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokeChannelAsync, type HandlerDeps } from '../../../electron/handlers';
import { CHANNEL_NAMES, channels, type ApiResult, type ChannelName } from '../../../shared/contract';
import { defaultPack, defaultPackJson } from '../../../shared/engine';
import { tempDeps, tempDir } from '../support/temp-db';
import { API_ERROR_CODES, dumpDatabase, sampleState, seedWorkshops, type Seeded } from './hardening-support';

const RUNS = 1000;
const WORKSHOP_FILE = fs.readFileSync(path.join(__dirname, '../../fixtures/records/workshop-bank.json'), 'utf8');
const MISSING_ID = '9b2e4f7a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const HUGE = 'x'.repeat(2_000_000);
/** A team's pack: the built-in one under its own id. */
const TEAM_PACK = JSON.stringify({ ...(defaultPackJson() as Record<string, unknown>), id: 'northwind-risk', title: 'Northwind risk', packVersion: '1.0.0' });

function deeplyNested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}
const DEEP = deeplyNested(5000);

// Own __proto__ / constructor keys, the way JSON.parse makes them (an object literal would set the prototype).
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"id":"__proto__","__proto__":{"title":"x"}}'),
];

/** Values that have broken validators before: wrong types, non-finite numbers, sizes, paths, ids. */
function wildValue(seeded: Seeded, tmp: string): fc.Arbitrary<unknown> {
  const ids = [...seeded.workshops.map((w) => w.id), seeded.milestone.id];
  return fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
    fc.constantFrom<unknown>(
      NaN, Infinity, -Infinity, -0, 1e308, -1, 1.5, Number.MAX_SAFE_INTEGER + 2,
      '', ' ', '\u0000', '\u202e', HUGE, DEEP, [], {}, null, undefined, true,
      MISSING_ID, 'current', '__proto__', 'constructor', 'toString', '../../etc/passwd', 'relative/folder', `${tmp}/records`,
      'png', 'svg', 'madr', 'accepted', 'superseded', '2026-02-30', '2026-03-01',
      ...ids, ...ids.map((i) => i.toUpperCase()), ...POLLUTERS,
    ),
    fc.string({ maxLength: 300 }),
    fc.uuid(),
    fc.double(),
    fc.integer(),
  );
}

/** Valid payloads per channel, which the mutations start from. */
function basePayloads(name: ChannelName, s: Seeded, tmp: string): Record<string, unknown>[] {
  const [a, b] = s.workshops as [Seeded['workshops'][0], Seeded['workshops'][0]];
  const ref = [{ id: a.id }, { id: b.id }];
  switch (name) {
    case 'app.info':
      return [{}];
    case 'workshops.list':
      return [{}, { includeArchived: true }];
    case 'workshops.create':
      return [{ title: 'Fuzzed', organisation: 'Org', facilitator: 'Fac', date: '2026-05-05', description: 'd' }];
    case 'workshops.get':
    case 'workshopState.get':
    case 'milestones.list':
    case 'records.list':
    case 'records.candidates':
    case 'records.pdf':
      return ref;
    case 'workshops.update':
      return [{ id: a.id, patch: { title: 'Renamed', date: '2026-06-06' } }];
    case 'workshops.archive':
      return [{ id: b.id, archived: true }];
    case 'workshops.import':
      return [{ fileName: 'w.stratum.json', content: '{"format":"stratum.workshop","version":1}' }, { fileName: 'bank.stratum.json', content: WORKSHOP_FILE }];
    case 'workshopState.save':
      return [{ id: a.id, state: sampleState('Fuzz'), baseRevision: 1 }];
    case 'diagram.export':
      return [{ id: a.id, format: 'svg', scale: 2, background: 'white' }, { id: b.id, format: 'mermaid' }];
    case 'milestones.create':
      return [{ id: a.id, name: 'M', author: 'A' }];
    case 'milestones.compare':
      return [{ id: a.id, from: s.milestone.id, to: 'current' }];
    case 'records.update':
      return [{ id: b.id, decision: 'deployment', status: 'deprecated' }, { id: a.id, decision: 'deployment', status: 'superseded', supersededBy: { workshop: b.id, decision: 'deployment' } }];
    case 'records.export':
      return [{ id: a.id, format: 'csv' }, { id: a.id, format: 'madr', folder: path.join(tmp, 'records') }];
    case 'packs.list':
      return [{}];
    case 'packs.import':
      return [{ fileName: 'team.json', content: TEAM_PACK }, { fileName: 'default.json', content: JSON.stringify(defaultPackJson()) }];
    case 'packs.compare':
    case 'packs.remove':
      return [{ id: 'northwind-risk', version: '1.0.0' }, { id: defaultPack().pack.id, version: defaultPack().pack.packVersion }];
    case 'packs.ofWorkshop':
      return ref;
    case 'packs.previewMove':
      return [{ id: s.team.id, pack: { id: 'northwind-risk', version: '1.1.0' } }, { id: b.id, pack: { id: defaultPack().pack.id, version: '9.9.9' } }];
    case 'packs.moveWorkshop':
      return [{ id: s.team.id, pack: { id: 'northwind-risk', version: '1.1.0' }, milestone: 'Before 1.1.0', author: 'A' }, { id: a.id, pack: { id: 'northwind-risk', version: '1.1.0' }, milestone: 'M', author: '' }];
    // These deps serve no network: every room channel must still refuse a bad payload in words, and a good one with "unavailable".
    case 'room.interfaces':
    case 'room.status':
    case 'room.close':
      return [{}];
    case 'room.open':
      return [{ workshopId: a.id, address: '127.0.0.1' }, { workshopId: b.id, address: '::1', idleMinutes: 5 }];
    case 'room.admit':
    case 'room.revoke':
    case 'room.reissue':
      return [{ workshopId: a.id, participantId: MISSING_ID }];
    case 'room.reveal':
      return [{ workshopId: a.id }];
  }
}

type Json = Record<string, unknown>;

/** Values of the right shape that may still be wrong here: another kind's id, an id that does not exist, a neighbouring enum value. */
function plausibleValue(seeded: Seeded): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(
    ...seeded.workshops.map((w) => w.id), seeded.milestone.id, MISSING_ID, 'current', 'deployment', 'ai-sourcing', 'no-such-decision',
    'proposed', 'accepted', 'rejected', 'superseded', 'png', 'drawio', 'json', 'html', 'nygard', 0, 1, 2, 7, true, false, 'Title',
    { workshop: seeded.workshops[0]!.id, decision: 'deployment' }, { workshop: MISSING_ID, decision: 'deployment' },
  );
}

/** One mutation of a valid payload: a key removed, replaced, added, a nested field broken, or a plausible swap. */
function mutated(bases: Json[], wild: fc.Arbitrary<unknown>, plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.nat(), fc.constantFrom('drop', 'replace', 'extra', 'nested', 'pollute', 'swap', 'swap', 'as-is'), wild, fc.string({ maxLength: 20 }), plausible)
    .map(([base, pick, op, value, key, swap]) => {
      const copy: Json = JSON.parse(JSON.stringify(base)) as Json;
      const keys = Object.keys(copy);
      const target = keys.length > 0 ? keys[pick % keys.length]! : 'id';
      switch (op) {
        case 'drop':
          delete copy[target];
          return copy;
        case 'replace':
          copy[target] = value;
          return copy;
        case 'extra':
          Object.defineProperty(copy, key === '' ? 'extra' : key, { value, enumerable: true, configurable: true, writable: true });
          return copy;
        case 'nested': {
          const inner = copy[target];
          if (inner !== null && typeof inner === 'object') {
            const innerKeys = Object.keys(inner);
            const k = innerKeys.length > 0 ? innerKeys[pick % innerKeys.length]! : key;
            (inner as Json)[k] = value;
          } else copy[target] = [value];
          return copy;
        }
        case 'swap':
          copy[target] = swap;
          return copy;
        case 'as-is':
          return copy;
        case 'pollute':
          return Object.assign(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as Json, copy);
      }
    });
}

/** A folder given to records.export must stay in the test's temp folder: the fuzzer must not write elsewhere. */
function safeForDisk(payload: unknown, tmp: string): boolean {
  if (payload === null || typeof payload !== 'object') return true;
  const folder = (payload as { folder?: unknown }).folder;
  if (typeof folder !== 'string') return true;
  const trimmed = folder.trim();
  return !path.isAbsolute(trimmed) || path.resolve(trimmed).startsWith(tmp + path.sep);
}

function payloads(name: ChannelName, seeded: Seeded, tmp: string): fc.Arbitrary<unknown> {
  const wild = wildValue(seeded, tmp);
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      { weight: 1, arbitrary: wild },
      { weight: 6, arbitrary: mutated(basePayloads(name, seeded, tmp), wild, plausibleValue(seeded)) },
    )
    .filter((p) => safeForDisk(p, tmp));
}

function isTypedResult(r: unknown): r is ApiResult<unknown> {
  if (r === null || typeof r !== 'object') return false;
  const res = r as { ok?: unknown; error?: { code?: unknown; message?: unknown }; value?: unknown };
  if (res.ok === true) return 'value' in res;
  return (
    res.ok === false &&
    typeof res.error?.message === 'string' &&
    res.error.message.length > 0 &&
    (API_ERROR_CODES as readonly unknown[]).includes(res.error.code)
  );
}

function fuzzDeps(): { deps: HandlerDeps; seeded: Seeded; tmp: string } {
  const base = tempDeps();
  // records.pdf would start Chromium; the wrapper and the handler around the printer are what is under test.
  const deps: HandlerDeps = { ...base, printPdf: () => Promise.resolve({ ok: true, pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }) };
  return { deps, seeded: seedWorkshops(deps), tmp: tempDir() };
}

describe('API fuzzing through invokeChannelAsync', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(channels).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES.map((n) => [n]))('%s: a thousand malformed payloads get typed answers and refusals change nothing', async (name) => {
    const { deps, seeded, tmp } = fuzzDeps();
    const logged: string[] = [];
    const log = (m: string) => void logged.push(m);
    const mutates = channels[name].mutates;
    let refused = 0;
    const baseline = dumpDatabase(deps.db);
    const quickBaseline = dumpDatabase(deps.db, { quick: true });
    await fc.assert(
      fc.asyncProperty(payloads(name, seeded, tmp), async (payload) => {
        // Each run starts from the seeded database: what a run writes is rolled back after it (the
        // handlers' own transactions nest as savepoints), so the dump to compare against stays small.
        deps.db.exec('BEGIN');
        try {
          let result: unknown;
          try {
            result = await invokeChannelAsync(deps, name, payload, log);
          } catch (err) {
            throw new Error(`${name} threw instead of answering: ${String(err)}`, { cause: err });
          }
          if (!isTypedResult(result)) throw new Error(`${name} answered something untyped: ${JSON.stringify(result)?.slice(0, 200)}`);
          if (!result.ok) {
            refused++;
            // A refusal that is a bug (internal) is a finding, not an answer.
            if (result.error.code === 'internal') throw new Error(`${name} failed internally: ${result.error.message} (${logged.join(' | ')})`);
          }
          // A refused payload changes nothing; a channel that does not mutate never changes anything.
          if ((!result.ok || !mutates) && dumpDatabase(deps.db, { quick: true }) !== quickBaseline) {
            throw new Error(`${name} ${result.ok ? 'is read-only' : `refused a payload (${result.error.code})`} but changed the database`);
          }
        } finally {
          if (deps.db.inTransaction) deps.db.exec('ROLLBACK');
        }
      }),
      { numRuns: RUNS },
    );
    expect(dumpDatabase(deps.db)).toBe(baseline);
    // The fuzzer has to reach refusals for the property to mean anything.
    expect(refused).toBeGreaterThan(RUNS / 2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 60_000);
});
