import type { StartedHost } from './host';

/** Calls the host's API directly (to set up a workshop quickly); throws on a refused call. */
export async function callApi<T>(host: StartedHost, channel: string, payload: unknown): Promise<T> {
  const res = await fetch(`${host.origin}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(payload),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
  return body.value;
}
