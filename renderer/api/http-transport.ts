import { CHANNEL_NAMES, type ApiResult, type StratumApi } from '../../shared/contract';

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The browser-mode transport: POST /api/<channel> with the per-launch token. */
export function createHttpApi(token: string, fetchImpl: FetchLike = (u, i) => fetch(u, i)): StratumApi {
  const api: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input: unknown) => {
      let response: Response;
      try {
        response = await fetchImpl(`./api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Stratum is not answering. Is the terminal that started it still running?' },
        };
      }
      try {
        return (await response.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `Unexpected answer from Stratum (HTTP ${response.status}).` } };
      }
    };
  }
  return api as unknown as StratumApi;
}
