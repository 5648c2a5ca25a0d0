import { describe, expect, it, vi } from 'vitest';
import { asyncHandlers, handlers } from '../../../../electron/handlers';
import { registerIpcHandlers } from '../../../../electron/main/ipc';
import { buildBridge } from '../../../../electron/preload/bridge';
import { createHttpApi } from '../../../../renderer/api/http-transport';
import { CHANNEL_NAMES, channels } from '../../../../shared/contract';
import { tempDeps } from '../../support/temp-db';

describe('the contract', () => {
  const names = [...CHANNEL_NAMES].sort();

  it('has an input and output schema for every channel', () => {
    expect(Object.keys(channels).sort()).toEqual(names);
    for (const name of CHANNEL_NAMES) {
      expect(typeof channels[name].input.safeParse).toBe('function');
      expect(typeof channels[name].output.safeParse).toBe('function');
    }
  });

  it('has a handler for every channel', () => {
    expect([...Object.keys(handlers), ...Object.keys(asyncHandlers)].sort()).toEqual(names);
  });

  it('is bound to ipcMain for every channel', () => {
    const handle = vi.fn();
    registerIpcHandlers({ handle }, tempDeps());
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual(names);
  });

  it('is exposed by the preload as one function per channel and nothing else', async () => {
    const invoke = vi.fn(async (channel: string, payload: unknown) => ({ channel, payload }));
    const bridge = buildBridge({ invoke, on: vi.fn() }, 'menu.command');
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenuCommand']);
    expect(Object.keys(bridge.api).sort()).toEqual(names);
    await bridge.api['workshops.get']({ id: 'x' });
    expect(invoke).toHaveBeenCalledWith('workshops.get', { id: 'x' });
  });

  it('is reachable over HTTP for every channel', async () => {
    const calls: string[] = [];
    const api = createHttpApi('t0k3n', async (url, init) => {
      calls.push(url);
      expect((init.headers as Record<string, string>)['Authorization']).toBe('Bearer t0k3n');
      return new Response(JSON.stringify({ ok: true, value: null }));
    });
    for (const name of CHANNEL_NAMES) await (api[name] as (i: unknown) => Promise<unknown>)({});
    expect(calls.sort()).toEqual(names.map((n) => `./api/${n}`));
  });
});
