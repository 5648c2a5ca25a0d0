import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { invokeChannelAsync, isChannel, type HandlerDeps, type Logger } from '../handlers';
import { SECURITY_HEADERS } from '../main/csp';
import { mimeTypeFor, resolveStaticPath } from '../main/static-files';

export const API_PREFIX = '/api/';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HostOptions {
  deps: HandlerDeps;
  /** The per-launch secret every /api/ request must carry as `Authorization: Bearer <token>`. */
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

type Refusal = { status: number; message: string };

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

/** Token check for /api/: 401 when missing, 403 when wrong (compared in constant time). */
export function checkToken(headers: http.IncomingHttpHeaders, token: string): Refusal | null {
  const auth = headers.authorization;
  const match = typeof auth === 'string' ? /^Bearer (\S+)$/.exec(auth) : null;
  if (!match?.[1]) return { status: 401, message: 'Missing API token: open the address Stratum printed when it started.' };
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 403, message: 'Wrong API token: open the address Stratum printed when it last started.' };
  }
  return null;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, r: Refusal): void {
  sendJson(res, r.status, { ok: false, error: { code: 'forbidden', message: r.message } });
}

function readBody(req: http.IncomingMessage): Promise<{ ok: true; text: string } | { ok: false; refusal: Refusal }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_BODY_BYTES) {
      resolve({ ok: false, refusal: { status: 413, message: `Request body over ${MAX_BODY_BYTES} bytes.` } });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve({ ok: false, refusal: { status: 413, message: `Request body over ${MAX_BODY_BYTES} bytes.` } });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => {
      if (!done) resolve({ ok: false, refusal: { status: 400, message: 'The request was cut off.' } });
    });
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, opts: HostOptions): Promise<void> {
  const tokenRefusal = checkToken(req.headers, opts.token);
  if (tokenRefusal) return refuse(res, tokenRefusal);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return refuse(res, { status: 405, message: 'API calls are POST requests.' });
  }
  // The media type itself, parameters such as "; charset=utf-8" aside: "application/jsonfoo" is not JSON.
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return refuse(res, { status: 415, message: 'API calls send JSON (Content-Type: application/json).' });
  }
  const body = await readBody(req);
  if (!body.ok) return refuse(res, body.refusal);
  let payload: unknown;
  try {
    payload = body.text.length === 0 ? {} : JSON.parse(body.text);
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
  }
  const channel = pathname.slice(API_PREFIX.length);
  if (!isChannel(channel)) {
    return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `Unknown API channel "${channel}".` } });
  }
  sendJson(res, 200, await invokeChannelAsync(opts.deps, channel, payload, opts.log));
}

function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, rendererDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return refuse(res, { status: 405, message: 'Only GET and HEAD are served here.' });
  }
  const file = resolveStaticPath(rendererDir, pathname);
  const stat = file ? (fs.statSync(file, { throwIfNoEntry: false }) ?? null) : null;
  if (!file || !stat?.isFile()) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeFor(file),
    'Content-Length': stat.size,
    'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file).pipe(res);
}

/** Serves the built renderer and the API on 127.0.0.1 only; port 0 picks a free one. */
export function startHost(opts: HostOptions, port = 0): Promise<RunningHost> {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[stratum] ${m}`, e ?? ''));
  let boundPort = port;
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
      ? handleApi(req, res, pathname, opts)
      : Promise.resolve(handleStatic(req, res, pathname, opts.rendererDir));
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
