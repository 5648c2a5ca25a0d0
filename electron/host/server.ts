import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { invokeChannelAsync, isChannel, type HandlerDeps, type Logger } from '../handlers';
import { readJsonPost, refuse, sendJson, serveStatic, type Refusal } from '../serve/http';

export const API_PREFIX = '/api/';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HostOptions {
  deps: HandlerDeps;
  /**
   * The per-launch secret an /api/ request carries as `Authorization: Bearer <token>`. A request that proves it
   * also gets this launch's session cookie, which stands in for the header on requests from the app's own pages
   * (see checkApiAccess).
   */
  token: string;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  log?: Logger;
  /** How long slow or stalled clients may hold a connection; each field left out keeps its default. */
  timeouts?: HostTimeouts;
}

/**
 * Limits that cut slow or stalled clients off (slowloris and the like) so they cannot hold the host.
 * A client that has not sent its complete request line and headers within `headersMs`, or its complete
 * request (headers and body) within `requestMs`, is answered 408 and disconnected; an idle keep-alive
 * connection is closed after `keepAliveMs` (plus the 1 s `keepAliveTimeoutBuffer` of Node 22.19+).
 * Node enforces the first two only when it sweeps its connections, every `checkIntervalMs`, so a client
 * stalled in its headers is dropped within about `headersMs + checkIntervalMs`, and one stalled in its body
 * within about `requestMs + checkIntervalMs`. `headersMs` must not exceed `requestMs`
 * (Node refuses to create the server).
 */
export interface HostTimeouts {
  /** Default 10 s. */
  headersMs?: number;
  /** Default 15 s. */
  requestMs?: number;
  /** Default 5 s. */
  keepAliveMs?: number;
  /** Default 1 s (Node's own default is 30 s). */
  checkIntervalMs?: number;
}

const DEFAULT_TIMEOUTS: Required<HostTimeouts> = { headersMs: 10_000, requestMs: 15_000, keepAliveMs: 5_000, checkIntervalMs: 1_000 };

export interface RunningHost {
  server: http.Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}


/** Host and Origin checks against DNS rebinding and cross-site requests: only this loopback origin. */
export function checkRequestOrigin(headers: http.IncomingHttpHeaders, port: number): Refusal | null {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = headers.host;
  if (!host || !allowedHosts.has(host.toLowerCase())) {
    return { status: 403, message: 'Refused: this server answers only requests addressed to its loopback address.' };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return { status: 403, message: 'Refused: requests from other origins are not accepted.' };
  }
  return null;
}

const MISSING_TOKEN = 'Missing API token: open the address Stratum printed when it started.';

/** Token check for /api/: 401 when missing, 403 when wrong (compared in constant time). */
export function checkToken(headers: http.IncomingHttpHeaders, token: string): Refusal | null {
  const auth = headers.authorization;
  const match = typeof auth === 'string' ? /^Bearer (\S+)$/.exec(auth) : null;
  if (!match?.[1]) return { status: 401, message: MISSING_TOKEN };
  if (!sameSecret(match[1], token)) {
    return { status: 403, message: 'Wrong API token: open the address Stratum printed when it last started.' };
  }
  return null;
}

/** Compared in constant time (for equal lengths). */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * This launch's browser session: a cookie the host sets once a request has proved the token, so that an
 * address copied from one tab (a workshop step, say) opens in another tab of the same browser without the
 * token. Its value is random and made afresh by every startHost, never the token or derived from it: a host
 * started again (even on the same port, even with the same token) refuses an older cookie, and a cookie that
 * leaks reveals nothing about the token. Named after the port because browsers send a 127.0.0.1 cookie to
 * every port of 127.0.0.1.
 */
export interface SessionCookie {
  name: string;
  value: string;
}

export const SESSION_COOKIE_PREFIX = 'stratum-session-';

/** The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict, and no Max-Age or Expires, so it ends with the browser session. */
export function sessionCookieHeader(session: SessionCookie): string {
  return `${session.name}=${session.value}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Every value the Cookie header gives `name` (a page on another port of 127.0.0.1 can add one of the same name). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * Whether the browser says this request comes from one of this host's own pages: an `Origin` of this host
 * (browsers send it with every POST) or `Sec-Fetch-Site: same-origin`, and no `Sec-Fetch-Site` saying
 * otherwise. Pages cannot set either header. A page on another port of 127.0.0.1 is "same-site" for the
 * cookie's SameSite rule, which is why its Origin (another port) must still be refused.
 */
function fromOwnPage(headers: http.IncomingHttpHeaders, port: number): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = headers.origin;
  if (origin !== undefined) return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  return site === 'same-origin';
}

export type ApiAccess = { ok: true; via: 'token' | 'cookie' } | { ok: false; refusal: Refusal };

/**
 * Who may call /api/ (after checkRequestOrigin). A request with an `Authorization` header is judged by it
 * alone: a wrong token is refused even beside a valid cookie. Without one, this launch's session cookie is
 * accepted, but only from the app's own pages (fromOwnPage). Missing both → 401; a cookie from an earlier
 * launch → 403; the cookie from anywhere else → 403.
 */
export function checkApiAccess(headers: http.IncomingHttpHeaders, token: string, session: SessionCookie, port: number): ApiAccess {
  if (headers.authorization !== undefined) {
    const refusal = checkToken(headers, token);
    return refusal ? { ok: false, refusal } : { ok: true, via: 'token' };
  }
  const values = cookieValues(headers.cookie, session.name);
  if (values.length === 0) return { ok: false, refusal: { status: 401, message: MISSING_TOKEN } };
  if (!fromOwnPage(headers, port)) {
    return {
      ok: false,
      refusal: { status: 403, message: 'Refused: Stratum’s session cookie counts only on requests from its own pages; other callers send the API token (Authorization: Bearer …).' },
    };
  }
  // Compared with every value given, so a junk cookie of the same name cannot shut a valid one out.
  if (!values.map((v) => sameSecret(v, session.value)).includes(true)) {
    return { ok: false, refusal: { status: 403, message: 'This browser’s Stratum session is from an earlier start: open the address Stratum printed when it last started.' } };
  }
  return { ok: true, via: 'cookie' };
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  opts: HostOptions,
  session: SessionCookie,
  port: number,
): Promise<void> {
  const access = checkApiAccess(req.headers, opts.token, session, port);
  if (!access.ok) return refuse(res, access.refusal);
  // The token proved: this browser gets (or keeps) the session cookie, unless it already holds this launch's.
  if (access.via === 'token' && !cookieValues(req.headers.cookie, session.name).includes(session.value)) {
    res.setHeader('Set-Cookie', sessionCookieHeader(session));
  }
  const call = await readJsonPost(req, res, MAX_BODY_BYTES, 'API calls');
  if (!call) return;
  const channel = pathname.slice(API_PREFIX.length);
  if (!isChannel(channel)) {
    return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `Unknown API channel "${channel}".` } });
  }
  sendJson(res, 200, await invokeChannelAsync(opts.deps, channel, call.payload, opts.log));
}

/** Serves the built renderer and the API on 127.0.0.1 only; port 0 picks a free one. */
export function startHost(opts: HostOptions, port = 0): Promise<RunningHost> {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[stratum] ${m}`, e ?? ''));
  let boundPort = port;
  // A fresh random value per start: a cookie from an earlier start is refused. The name waits for the port.
  const sessionValue = randomBytes(32).toString('base64url');
  const t = opts.timeouts ?? {};
  // Slow or stalled clients are cut off instead of holding the host (see HostTimeouts).
  const serverOptions: http.ServerOptions = {
    headersTimeout: t.headersMs ?? DEFAULT_TIMEOUTS.headersMs,
    requestTimeout: t.requestMs ?? DEFAULT_TIMEOUTS.requestMs,
    keepAliveTimeout: t.keepAliveMs ?? DEFAULT_TIMEOUTS.keepAliveMs,
    connectionsCheckingInterval: t.checkIntervalMs ?? DEFAULT_TIMEOUTS.checkIntervalMs,
  };
  const server = http.createServer(serverOptions, (req, res) => {
    const originRefusal = checkRequestOrigin(req.headers, boundPort);
    if (originRefusal) return refuse(res, originRefusal);
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return refuse(res, { status: 400, message: 'Malformed request address.' });
    }
    const work = pathname.startsWith(API_PREFIX)
      ? handleApi(req, res, pathname, opts, { name: `${SESSION_COOKIE_PREFIX}${boundPort}`, value: sessionValue }, boundPort)
      : Promise.resolve(serveStatic(req, res, pathname, opts.rendererDir));
    work.catch((err: unknown) => {
      log('request failed', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } });
      else res.destroy();
    });
  });
  server.maxHeadersCount = 100;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      boundPort = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: boundPort,
        url: `http://127.0.0.1:${boundPort}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
