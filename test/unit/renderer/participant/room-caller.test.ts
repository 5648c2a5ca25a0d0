import { afterEach, describe, expect, it, vi } from 'vitest';
import { roomCaller } from '../../../../renderer/participant/ParticipantApp';

const VIEW = { state: 'pending', workshopTitle: 'W', participantName: 'Ada', criteria: [], weights: {}, weightsSubmitted: false, decisions: [], votes: [], revealed: false };

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

afterEach(() => vi.unstubAllGlobals());

describe('the phone page’s calls to the room', () => {
  it('send one join at a time, keep the device key it brings back, and send it with every later call', async () => {
    const sent: { url: string; headers: Record<string, string> }[] = [];
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      sent.push({ url, headers: init.headers as Record<string, string> });
      if (url.endsWith('participant.join')) return new Promise<Response>((r) => (answer = r));
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: VIEW })));
    });
    const call = roomCaller('tok', memoryStorage());
    // A retry while the first join is still on its way waits for it instead of going without the key.
    const first = call('participant.join', { device: 'Phone' });
    const retry = call('participant.join', { device: 'Phone' });
    answer(new Response(JSON.stringify({ ok: true, value: { ...VIEW, deviceKey: 'device-secret' } })));
    expect(await first).toEqual({ ok: true, view: VIEW });
    expect(await retry).toEqual({ ok: true, view: VIEW });
    expect(sent.filter((s) => s.url.endsWith('participant.join'))).toHaveLength(1);
    await call('participant.view', {});
    expect(sent.at(-1)!.headers).toMatchObject({ Authorization: 'Bearer tok', 'X-Stratum-Device': 'device-secret' });
  });

  it('say a refused link is final, and a room out of reach is not', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'This join link no longer works' } }), { status: 403 })));
    expect(await roomCaller('tok', memoryStorage())('participant.view', {})).toMatchObject({ ok: false, code: 'link-refused' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network')));
    expect(await roomCaller('tok', memoryStorage())('participant.view', {})).toMatchObject({ ok: false, code: 'offline' });
  });
});
