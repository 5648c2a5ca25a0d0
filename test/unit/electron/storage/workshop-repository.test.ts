import { describe, expect, it } from 'vitest';
import type { Workshop } from '../../../../shared/domain';
import { createWorkshopRepository } from '../../../../electron/storage';
import { openTempDatabase } from '../../support/temp-db';

function workshop(n: number, updatedAt: string, overrides: Partial<Workshop> = {}): Workshop {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Workshop ${n}`,
    organisation: 'Northwind',
    facilitator: 'J. Doe',
    date: '2026-05-01',
    description: '',
    createdAt: updatedAt,
    updatedAt,
    archived: false,
    pack: null,
    ...overrides,
  };
}

describe('workshop repository', () => {
  it('inserts and reads back every field', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    const w = workshop(1, '2026-05-01T10:00:00.000Z', { description: 'Line one\nLine two — “quoted”' });
    repo.insert(w);
    expect(repo.get(w.id)).toEqual(w);
    expect(repo.get('00000000-0000-4000-8000-999999999999')).toBeNull();
  });

  it('keeps the team pack a workshop evaluates with, moves it to another, and finds the workshops that use a pack', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    const team = repo.insert(workshop(1, '2026-05-01T10:00:00.000Z', { pack: { id: 'northwind-risk', version: '1.0.0' } }));
    repo.insert(workshop(2, '2026-05-01T11:00:00.000Z', { archived: true, pack: { id: 'northwind-risk', version: '1.0.0' } }));
    const builtIn = repo.insert(workshop(3, '2026-05-01T12:00:00.000Z'));
    expect(repo.get(team.id)?.pack).toEqual({ id: 'northwind-risk', version: '1.0.0' });
    expect(repo.get(builtIn.id)?.pack).toBeNull();
    // Archived workshops still use their pack.
    expect(repo.usingPack('northwind-risk', '1.0.0').map((w) => w.title)).toEqual(['Workshop 1', 'Workshop 2']);
    expect(repo.setPack(team.id, { id: 'northwind-risk', version: '1.1.0' }, '2026-05-02T09:00:00.000Z')).toEqual({ ...team, pack: { id: 'northwind-risk', version: '1.1.0' }, updatedAt: '2026-05-02T09:00:00.000Z' });
    expect(repo.usingPack('northwind-risk', '1.0.0').map((w) => w.title)).toEqual(['Workshop 2']);
    expect(repo.setPack(team.id, null, '2026-05-03T09:00:00.000Z')?.pack).toBeNull();
    expect(repo.setPack('00000000-0000-4000-8000-999999999999', null, '2026-05-03T09:00:00.000Z')).toBeNull();
  });

  it('lists most recently updated first and hides archived workshops unless asked', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    repo.insert(workshop(1, '2026-05-01T10:00:00.000Z'));
    repo.insert(workshop(2, '2026-05-03T10:00:00.000Z'));
    repo.insert(workshop(3, '2026-05-02T10:00:00.000Z', { archived: true }));
    expect(repo.list({ includeArchived: false }).map((w) => w.title)).toEqual(['Workshop 2', 'Workshop 1']);
    expect(repo.list({ includeArchived: true }).map((w) => w.title)).toEqual(['Workshop 2', 'Workshop 3', 'Workshop 1']);
  });

  it('updates only the patched fields and the update time', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    const w = repo.insert(workshop(1, '2026-05-01T10:00:00.000Z'));
    const updated = repo.update(w.id, { title: 'Renamed', facilitator: 'K. Lee' }, '2026-05-09T08:00:00.000Z');
    expect(updated).toEqual({ kind: 'updated', workshop: { ...w, title: 'Renamed', facilitator: 'K. Lee', updatedAt: '2026-05-09T08:00:00.000Z' } });
    expect(repo.update('00000000-0000-4000-8000-999999999999', { title: 'x' }, '2026-05-09T08:00:00.000Z')).toEqual({ kind: 'missing' });
  });

  it('refuses a change made from a stale read of the same field, writing nothing, and names the field', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    const w = repo.insert(workshop(1, '2026-05-01T10:00:00.000Z'));
    // Another tab changed the organisation after this one read "Northwind".
    const other = repo.update(w.id, { organisation: 'Fabrikam' }, '2026-05-02T00:00:00.000Z', { organisation: 'Northwind' });
    expect(other.kind).toBe('updated');
    const stale = repo.update(w.id, { organisation: 'Contoso', title: 'Renamed' }, '2026-05-03T00:00:00.000Z', { organisation: 'Northwind', title: 'Workshop 1' });
    expect(stale).toMatchObject({ kind: 'conflict', fields: ['organisation'], current: { organisation: 'Fabrikam' } });
    // Not even the title, which nobody else touched: a refused change is refused whole.
    expect(repo.get(w.id)).toEqual({ ...w, organisation: 'Fabrikam', updatedAt: '2026-05-02T00:00:00.000Z' });
  });

  it('merges changes to different fields made from the same read, and accepts one that already holds the new value', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    const w = repo.insert(workshop(1, '2026-05-01T10:00:00.000Z'));
    expect(repo.update(w.id, { organisation: 'Fabrikam' }, '2026-05-02T00:00:00.000Z', { organisation: 'Northwind' }).kind).toBe('updated');
    expect(repo.update(w.id, { facilitator: 'K. Lee' }, '2026-05-03T00:00:00.000Z', { facilitator: 'J. Doe' }).kind).toBe('updated');
    // Both tabs typed the same organisation: nothing is lost, so nothing is refused.
    expect(repo.update(w.id, { organisation: 'Fabrikam' }, '2026-05-04T00:00:00.000Z', { organisation: 'Northwind' }).kind).toBe('updated');
    expect(repo.get(w.id)).toMatchObject({ organisation: 'Fabrikam', facilitator: 'K. Lee' });
  });

  it('archives softly and restores', () => {
    const repo = createWorkshopRepository(openTempDatabase().db);
    const w = repo.insert(workshop(1, '2026-05-01T10:00:00.000Z'));
    expect(repo.setArchived(w.id, true, '2026-05-02T00:00:00.000Z')?.archived).toBe(true);
    expect(repo.get(w.id)?.title).toBe('Workshop 1');
    expect(repo.count()).toBe(1);
    expect(repo.setArchived(w.id, false, '2026-05-03T00:00:00.000Z')?.archived).toBe(false);
  });
});
