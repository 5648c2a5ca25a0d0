import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../../electron/handlers';
import type { Workshop } from '../../../../shared/domain';
import { quiet, value } from '../../support/invoke';
import { tempDeps } from '../../support/temp-db';

function created(deps: ReturnType<typeof tempDeps>): Workshop {
  return value<Workshop>(invokeChannel(deps, 'workshops.create', { title: 'Details', organisation: 'Northwind', facilitator: 'J. Doe' }, quiet));
}

describe('workshops.update from two tabs', () => {
  it('refuses a change over another tab’s edit to the same fields with a conflict naming them, and keeps the other edit', () => {
    const deps = tempDeps();
    const w = created(deps);
    const first = invokeChannel(deps, 'workshops.update', { id: w.id, patch: { organisation: 'Fabrikam', facilitator: 'K. Lee' }, base: { organisation: 'Northwind', facilitator: 'J. Doe' } }, quiet);
    expect(first).toMatchObject({ ok: true, value: { organisation: 'Fabrikam', facilitator: 'K. Lee' } });
    const second = invokeChannel(deps, 'workshops.update', { id: w.id, patch: { organisation: 'Contoso', facilitator: 'M. Okafor' }, base: { organisation: 'Northwind', facilitator: 'J. Doe' } }, quiet);
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: "The workshop's organisation and facilitator were changed elsewhere since this page read them, so nothing was saved. Reload to see the latest details.",
      },
    });
    expect(deps.workshops.get(w.id)).toMatchObject({ organisation: 'Fabrikam', facilitator: 'K. Lee' });
  });

  it('keeps both tabs’ edits when they changed different fields', () => {
    const deps = tempDeps();
    const w = created(deps);
    expect(invokeChannel(deps, 'workshops.update', { id: w.id, patch: { organisation: 'Fabrikam' }, base: { organisation: 'Northwind' } }, quiet).ok).toBe(true);
    const other = invokeChannel(deps, 'workshops.update', { id: w.id, patch: { facilitator: 'K. Lee' }, base: { facilitator: 'J. Doe' } }, quiet);
    expect(other).toMatchObject({ ok: true, value: { organisation: 'Fabrikam', facilitator: 'K. Lee' } });
  });

  it('saves over anything for a caller that sends no base, as callers did before revisions', () => {
    const deps = tempDeps();
    const w = created(deps);
    invokeChannel(deps, 'workshops.update', { id: w.id, patch: { title: 'Renamed in one tab' }, base: { title: 'Details' } }, quiet);
    expect(invokeChannel(deps, 'workshops.update', { id: w.id, patch: { title: 'Renamed from the list' } }, quiet)).toMatchObject({ ok: true, value: { title: 'Renamed from the list' } });
  });

  it('refuses a base naming a field that is not a detail, naming the path', () => {
    const deps = tempDeps();
    const w = created(deps);
    const r = invokeChannel(deps, 'workshops.update', { id: w.id, patch: { title: 'x' }, base: { owner: 'me' } }, quiet);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'base' }] } });
    expect(deps.workshops.get(w.id)?.title).toBe('Details');
  });
});
