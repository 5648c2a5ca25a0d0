import { describe, expect, it } from 'vitest';
import { createHandlerDeps, invokeChannel } from '../../../../electron/handlers';
import type { ImportedPack, PackComparison, PackSummary } from '../../../../shared/contract';
import { defaultPack, packFingerprint, type Pack } from '../../../../shared/engine';
import { dumpDatabase } from '../../hardening/hardening-support';
import { northwindRiskPack } from '../../../fixtures/packs/northwind-risk';
import { quiet, value } from '../../support/invoke';
import { openTempDatabase, tempDeps } from '../../support/temp-db';

const builtIn = defaultPack().pack;

/** A team's pack file's text; `change` edits the pack first. */
const teamPack = (version = '1.0.0', change?: (p: Pack) => void): string => JSON.stringify(northwindRiskPack(version, change));

describe('the rule pack library', () => {
  it('lists the built-in pack alone at first, read-only', () => {
    const deps = tempDeps();
    expect(value<PackSummary[]>(invokeChannel(deps, 'packs.list', {}, quiet))).toEqual([
      {
        id: builtIn.id,
        version: builtIn.packVersion,
        sha256: packFingerprint(builtIn),
        title: builtIn.title,
        description: builtIn.description,
        builtIn: true,
        author: 'Stratum',
        fileName: null,
        importedAt: null,
        rules: builtIn.rules.length,
        decisions: builtIn.decisions.length,
        usedBy: 0,
      },
    ]);
  });

  it('imports a team pack, lists it after the built-in one, says what it changes, and keeps it across a reopened database', () => {
    const deps = tempDeps();
    const imported = value<ImportedPack>(invokeChannel(deps, 'packs.import', { fileName: 'northwind-risk.json', content: teamPack() }, quiet));
    expect(imported).toMatchObject({ outcome: 'new', pack: { id: 'northwind-risk', version: '1.0.0', builtIn: false, fileName: 'northwind-risk.json', importedAt: expect.stringMatching(/^2026-\d\d-\d\dT/), rules: builtIn.rules.length + 1 } });
    const listed = value<PackSummary[]>(invokeChannel(deps, 'packs.list', {}, quiet));
    expect(listed.map((p) => `${p.id} ${p.version}`)).toEqual([`${builtIn.id} ${builtIn.packVersion}`, 'northwind-risk 1.0.0']);
    expect(listed[1]).toEqual(imported.pack);
    const changes = value<PackComparison>(invokeChannel(deps, 'packs.compare', { id: 'northwind-risk', version: '1.0.0' }, quiet));
    expect(changes.rules.added.map((r) => r.id)).toEqual(['regulator.no-public-region']);
    expect(changes.exclusions.added).toHaveLength(1);
    expect(changes.same).toBe(false);
    // The built-in pack compared with itself: nothing.
    expect(value<PackComparison>(invokeChannel(deps, 'packs.compare', { id: builtIn.id, version: builtIn.packVersion }, quiet)).same).toBe(true);
    // The app closed and opened again: the pack is still there, and reads the same.
    deps.db.close();
    const reopened = createHandlerDeps(openTempDatabase(deps.dataFile), deps.app);
    expect(value<PackSummary[]>(invokeChannel(reopened, 'packs.list', {}, quiet))).toEqual(listed);
    expect(value<PackComparison>(invokeChannel(reopened, 'packs.compare', { id: 'northwind-risk', version: '1.0.0' }, quiet))).toEqual(changes);
  });

  it('takes the same file twice as the same pack, and a newer version beside the older one', () => {
    const deps = tempDeps();
    value(invokeChannel(deps, 'packs.import', { fileName: 'a.json', content: teamPack() }, quiet));
    const before = dumpDatabase(deps.db);
    expect(value<ImportedPack>(invokeChannel(deps, 'packs.import', { fileName: 'copy of a.json', content: teamPack() }, quiet))).toMatchObject({ outcome: 'existing', pack: { fileName: 'a.json' } });
    expect(dumpDatabase(deps.db)).toBe(before);
    expect(value<ImportedPack>(invokeChannel(deps, 'packs.import', { fileName: 'b.json', content: teamPack('1.1.0') }, quiet)).outcome).toBe('new');
    expect(value<PackSummary[]>(invokeChannel(deps, 'packs.list', {}, quiet)).map((p) => p.version)).toEqual([builtIn.packVersion, '1.1.0', '1.0.0']);
  });

  it('refuses, writing nothing, a file that is not a pack, a pack with errors (as pack validate words them), one for a later Stratum, another pack under a version already there, and the built-in id', () => {
    const deps = tempDeps();
    value(invokeChannel(deps, 'packs.import', { fileName: 'team.json', content: teamPack() }, quiet));
    const before = dumpDatabase(deps.db);
    const refusal = (fileName: string, content: string) => {
      const r = invokeChannel(deps, 'packs.import', { fileName, content }, quiet);
      expect(r.ok, fileName).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(refusal('notes.md', '# Our thresholds')).toEqual({ code: 'invalid-input', message: 'notes.md is a Markdown document, not a Stratum rule pack.' });
    expect(refusal('cut.json', teamPack().slice(0, 200))?.message).toMatch(/^cut\.json is not a Stratum rule pack: it is not valid JSON/);
    expect(refusal('answers.json', JSON.stringify({ format: 'stratum.answers', version: 2 }))?.message).toBe(
      'answers.json is not a valid rule pack; nothing was imported.\nanswers.json: $.format: this is not a Stratum rule pack; found: "stratum.answers"; allowed: "stratum.pack"',
    );
    const typo = refusal('typo.json', teamPack('1.0.1', (p) => ((p.rules.at(-1)!.effects[0] as { option: string }).option = 'the-cloud')));
    expect(typo).toMatchObject({ code: 'invalid-input' });
    expect(typo!.message).toMatch(/^typo\.json is not a valid rule pack; nothing was imported\.\ntypo\.json: \$\.rules\[\d+\]\.effects\[0\]\.option: unknown option of decision "serving-placement"; found: "the-cloud"; allowed: one of cloud, on-premises, edge/);
    expect(refusal('other.json', teamPack('1.0.0', (p) => (p.title = 'Another pack')))).toEqual({
      code: 'conflict',
      message: 'The library already has another pack northwind-risk 1.0.0, “Northwind risk function” (imported from team.json); give this one a new "packVersion" (such as a higher version) to keep both.',
    });
    // A pack written for a later Stratum says what to do.
    expect(refusal('future.json', teamPack('2.0.0', (p) => ((p as { version: number }).version = 7)))?.message).toBe(
      'future.json is not a valid rule pack; nothing was imported.\nfuture.json: $.version: this pack is written in pack format version 7, newer than this build of Stratum reads; update Stratum; found: 7; allowed: 1, 2 or 3',
    );
    expect(refusal('default.json', JSON.stringify({ ...builtIn, title: 'Ours' }))?.message).toBe(
      `default.json uses the id of the built-in pack (${builtIn.id}), which cannot be replaced; give your pack its own "id" (for example "${builtIn.id}-our-team").`,
    );
    expect(dumpDatabase(deps.db)).toBe(before);
  });

  it('shows who wrote a pack (pack format 3), and refuses an author in an earlier format, saying which to write', () => {
    const deps = tempDeps();
    const authored = teamPack('1.0.0', (p) => Object.assign(p, { version: 3, author: 'Northwind risk function' }));
    expect(value<ImportedPack>(invokeChannel(deps, 'packs.import', { fileName: 'risk.json', content: authored }, quiet)).pack.author).toBe('Northwind risk function');
    expect(value<PackSummary[]>(invokeChannel(deps, 'packs.list', {}, quiet)).map((p) => p.author)).toEqual(['Stratum', 'Northwind risk function']);
    const early = teamPack('1.1.0', (p) => Object.assign(p, { author: 'Northwind risk function' }));
    expect(invokeChannel(deps, 'packs.import', { fileName: 'early.json', content: early }, quiet)).toMatchObject({
      ok: false,
      error: { message: 'early.json is not a valid rule pack; nothing was imported.\nearly.json: $.version: a pack that names its "author" is written in pack format version 3 (or leave the author out); found: 2; allowed: 3' },
    });
  });

  it('refuses a pack with no decision for the whole organisation: a workshop needs one to record', () => {
    const deps = tempDeps();
    const useCasesOnly = teamPack('1.0.0', (p) => {
      const organisation = new Set(p.decisions.filter((d) => d.scope !== 'use-case').map((d) => d.id));
      p.decisions = p.decisions.filter((d) => !organisation.has(d.id));
      p.rules = p.rules.filter((r) => !JSON.stringify(r).match(new RegExp(`"(${[...organisation].join('|')})"`)));
      delete p.expectations;
      delete p.checks;
    });
    const before = dumpDatabase(deps.db);
    const r = invokeChannel(deps, 'packs.import', { fileName: 'use-cases.json', content: useCasesOnly }, quiet);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^use-cases\.json has no decision for the whole organisation .*Nothing was imported\.$/) } });
    expect(dumpDatabase(deps.db)).toBe(before);
  });

  it('removes a team pack and never the built-in one', () => {
    const deps = tempDeps();
    value(invokeChannel(deps, 'packs.import', { fileName: 'team.json', content: teamPack() }, quiet));
    const builtInRemoval = invokeChannel(deps, 'packs.remove', { id: builtIn.id, version: builtIn.packVersion }, quiet);
    expect(builtInRemoval).toEqual({ ok: false, error: { code: 'invalid-input', message: `${builtIn.title} is built in and cannot be removed.` } });
    expect(value<PackSummary[]>(invokeChannel(deps, 'packs.remove', { id: 'northwind-risk', version: '1.0.0' }, quiet)).map((p) => p.id)).toEqual([builtIn.id]);
    expect(invokeChannel(deps, 'packs.remove', { id: 'northwind-risk', version: '1.0.0' }, quiet)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(invokeChannel(deps, 'packs.compare', { id: 'northwind-risk', version: '1.0.0' }, quiet)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'There is no rule pack northwind-risk 1.0.0 in this app.' } });
  });

  it('names the field of a malformed request', () => {
    const deps = tempDeps();
    expect(invokeChannel(deps, 'packs.compare', { id: 'Not an id!', version: '1.0.0' }, quiet)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'id' }] } });
    expect(invokeChannel(deps, 'packs.import', { fileName: 'x.json' }, quiet)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'content' }] } });
    expect(invokeChannel(deps, 'packs.import', { fileName: '  ', content: teamPack() }, quiet)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'fileName' }] } });
  });
});
