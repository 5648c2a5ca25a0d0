import fs from 'node:fs/promises';
import { SECURITY_HEADERS } from '../serve/csp';
import { APP_HOST } from './security';
import { mimeTypeFor, resolveStaticPath } from '../serve/static-files';

/** Answers one app:// request from the built renderer folder, with the CSP on every response. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  try {
    const body = await fs.readFile(file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  }
}
