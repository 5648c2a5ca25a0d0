import { describe, expect, it, vi } from 'vitest';
import { buildBridge, type IpcLike } from '../../../../electron/preload/bridge';

/** An ipcRenderer stand-in whose `emit` plays the main process sending on a channel. */
function fakeIpc() {
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const ipc: IpcLike = {
    invoke: vi.fn(),
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
  };
  const emit = (channel: string, ...args: unknown[]) => (listeners.get(channel) ?? []).forEach((l) => l({}, ...args));
  return { ipc, emit };
}

describe('menu commands reaching the page', () => {
  const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('passes a known command, with the workshop an opened file became and how it came in', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    buildBridge(ipc, 'menu.command').onMenuCommand(listener);
    emit('menu.command', 'new-workshop');
    emit('menu.command', 'open-workshop', ID);
    emit('menu.command', 'open-workshop', ID, 'copy');
    // What came with the file's rule pack, as text beside the outcome.
    emit('menu.command', 'open-workshop', ID, 'new', 'Rule pack Northwind 1.0.0 came with the file.');
    expect(listener.mock.calls).toEqual([['new-workshop'], ['open-workshop', ID], ['open-workshop', ID, 'copy'], ['open-workshop', ID, 'new', 'Rule pack Northwind 1.0.0 came with the file.']]);
  });

  it('drops unknown commands and anything but a workshop id beside a command', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    buildBridge(ipc, 'menu.command').onMenuCommand(listener);
    emit('menu.command', 'format-disk');
    emit('menu.command', { command: 'about' });
    emit('menu.command', 'open-workshop', '../../etc/passwd');
    emit('menu.command', 'open-workshop', { id: ID });
    emit('menu.command', 'open-workshop', ID, '<img src=x onerror=alert(1)>');
    emit('menu.command', 'open-workshop', undefined, 'copy');
    // A note that is not text, or too long to be one, is dropped; so is one without a known outcome.
    emit('menu.command', 'open-workshop', ID, 'new', { toString: () => 'x' });
    emit('menu.command', 'open-workshop', ID, 'new', 'x'.repeat(601));
    emit('menu.command', 'open-workshop', ID, 'sideways', 'A note');
    expect(listener.mock.calls).toEqual([['open-workshop'], ['open-workshop'], ['open-workshop', ID], ['open-workshop'], ['open-workshop', ID, 'new'], ['open-workshop', ID, 'new'], ['open-workshop', ID]]);
  });

  it('keeps a command sent while the page was still starting for its first subscriber', async () => {
    const { ipc, emit } = fakeIpc();
    const bridge = buildBridge(ipc, 'menu.command');
    emit('menu.command', 'open-workshop', ID, 'existing');
    const listener = vi.fn();
    bridge.onMenuCommand(listener);
    await Promise.resolve();
    expect(listener.mock.calls).toEqual([['open-workshop', ID, 'existing']]);
    const later = vi.fn();
    bridge.onMenuCommand(later);
    await Promise.resolve();
    expect(later).not.toHaveBeenCalled();
  });

  it('hands a waiting command once to the page that stays subscribed (a component mounted twice)', async () => {
    const { ipc, emit } = fakeIpc();
    const bridge = buildBridge(ipc, 'menu.command');
    emit('menu.command', 'open-workshop', ID);
    const first = vi.fn();
    const second = vi.fn();
    bridge.onMenuCommand(first)();
    bridge.onMenuCommand(second);
    await Promise.resolve();
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([['open-workshop', ID]]);
  });

  it('keeps the newest commands when many arrive before the page listens', async () => {
    const { ipc, emit } = fakeIpc();
    const bridge = buildBridge(ipc, 'menu.command');
    for (let i = 0; i < 15; i++) emit('menu.command', 'about');
    emit('menu.command', 'open-workshop', ID);
    const listener = vi.fn();
    bridge.onMenuCommand(listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(10);
    expect(listener.mock.calls.at(-1)).toEqual(['open-workshop', ID]);
  });

  it('gives the unsubscribe function even when the listener throws on a waiting command', async () => {
    const { ipc, emit } = fakeIpc();
    const bridge = buildBridge(ipc, 'menu.command');
    emit('menu.command', 'about');
    const errors: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) => original(() => {
      try {
        task();
      } catch (err) {
        errors.push(err);
      }
    });
    try {
      const unsubscribe = bridge.onMenuCommand(() => {
        throw new Error('page bug');
      });
      expect(typeof unsubscribe).toBe('function');
      await Promise.resolve();
      expect(errors).toHaveLength(1);
    } finally {
      globalThis.queueMicrotask = original;
    }
  });

  it('stops calling the listener after unsubscribing', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = buildBridge(ipc, 'menu.command').onMenuCommand(listener);
    unsubscribe();
    emit('menu.command', 'about');
    expect(listener).not.toHaveBeenCalled();
  });
});
