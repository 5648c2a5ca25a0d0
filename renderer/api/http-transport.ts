import type { ApiResult, StratumApi } from '../../shared/contract';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What a tab opened without the token shows when the host refuses it too (no session cookie, or one from an earlier start). */
export const NO_TOKEN_MESSAGE =
  'This page needs the address Stratum printed in its terminal (it ends with #token=…). Open that address, or restart with npm start.';

/**
 * The browser-mode transport: POST /api/<channel>, with the per-launch token when this tab has it. Without
 * it (an address pasted into another tab) the call goes anyway: the host accepts the session cookie it set
 * for a call that carried the token, and refuses otherwise, which is shown as NO_TOKEN_MESSAGE.
 */
export function createHttpApi(token: string | null, fetchImpl: FetchLike = (u, i) => fetch(u, i)): StratumApi {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const api: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input: unknown) => {
      let response: Response;
      try {
        response = await fetchImpl(`./api/${channel}`, {
          method: 'POST',
          headers,
          // Same origin only: the cookie goes to this host and nowhere else.
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Stratum is not answering. Is the terminal that started it still running?' },
        };
      }
      let result: ApiResult<unknown>;
      try {
        result = (await response.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `Unexpected answer from Stratum (HTTP ${response.status}).` } };
      }
      if (!token && !result.ok && result.error.code === 'forbidden' && (response.status === 401 || response.status === 403)) {
        return { ok: false, error: { code: 'forbidden', message: NO_TOKEN_MESSAGE } };
      }
      return result;
    };
  }
  return api as unknown as StratumApi;
}
