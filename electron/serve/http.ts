import fs from 'node:fs';
import type http from 'node:http';
import { SECURITY_HEADERS } from './csp';
import { mimeTypeFor, resolveStaticPath } from './static-files';

/** Why a request is turned away: its HTTP status and a sentence for the person or program that sent it. */
export type Refusal = { status: number; message: string };

/** A JSON answer with the security headers, never cached. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** A refusal as the API's error shape. */
export function refuse(res: http.ServerResponse, r: Refusal): void {
  sendJson(res, r.status, { ok: false, error: { code: 'forbidden', message: r.message } });
}

/** The request's body as text, refused (413) past `maxBytes` or when cut off (400). */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; refusal: Refusal }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBytes) {
      resolve({ ok: false, refusal: { status: 413, message: `Request body over ${maxBytes} bytes.` } });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        resolve({ ok: false, refusal: { status: 413, message: `Request body over ${maxBytes} bytes.` } });
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

/** Serves a file of the built renderer (GET and HEAD only), with the security headers. */
export function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, rendererDir: string): void {
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


/**
 * A JSON POST's payload (an empty body reads as `{}`), or null once the request has been answered with why it was
 * refused: 405 for another method, 415 for another media type ("application/jsonfoo" is not JSON; parameters such
 * as "; charset=utf-8" are fine), 413 past `maxBytes`, 400 for a body that is not JSON. `calls` names the calls in
 * the messages ("API calls").
 */
export async function readJsonPost(req: http.IncomingMessage, res: http.ServerResponse, maxBytes: number, calls: string): Promise<{ payload: unknown } | null> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    refuse(res, { status: 405, message: `${calls} are POST requests.` });
    return null;
  }
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    refuse(res, { status: 415, message: `${calls} send JSON (Content-Type: application/json).` });
    return null;
  }
  const body = await readBody(req, maxBytes);
  if (!body.ok) {
    refuse(res, body.refusal);
    return null;
  }
  try {
    return { payload: body.text.length === 0 ? {} : JSON.parse(body.text) };
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
    return null;
  }
}
