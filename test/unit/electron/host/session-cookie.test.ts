// Browser mode's session cookie: a call that proves the token gets it, and it then stands in for the token on
// calls from the app's own pages only (an address pasted into another tab of the same browser). A wrong token
// is refused even beside the cookie, the cookie from anywhere else is refused, and a host started again
// refuses the cookie of its earlier start.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../../electron/host/server';
import type { HandlerDeps } from '../../../../electron/handlers';
import { tempDeps, tempDir } from '../../support/temp-db';
import { request, type Reply } from './raw-request';

const TOKEN = 'test-token-0123456789abcdef';

/** An API call with exactly the headers given (plus Host and the JSON content type). */
function call(port: number, channel: string, payload: unknown, headers: Record<string, string>): Promise<Reply> {
  return request(port, { method: 'POST', path: `/api/${channel}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(payload) });
}

/** What the app's own page sends with a call from another tab: its Origin, Sec-Fetch-Site and the cookie, no token. */
function fromPage(port: number, cookie: string): Record<string, string> {
  return { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie };
}

/** The one Set-Cookie a reply carries, or undefined. */
function setCookieOf(reply: Reply): string | undefined {
  const all = reply.headers['set-cookie'];
  expect(all?.length ?? 0).toBeLessThanOrEqual(1);
  return all?.[0];
}

/** `name=value` of a Set-Cookie, as a browser sends it back. */
function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!.trim();
}

describe('browser-mode session cookie', () => {
  let host: RunningHost;
  let deps: HandlerDeps;
  let rendererDir: string;

  beforeEach(async () => {
    deps = tempDeps();
    rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stratum</title>');
    host = await startHost({ deps, token: TOKEN, rendererDir, log: () => undefined });
  });

  afterEach(async () => {
    await host.close();
  });

  /** Makes a call with the token, as the tab opened from the printed address does, and returns the cookie it got. */
  async function signIn(): Promise<string> {
    const reply = await call(host.port, 'workshops.list', {}, { Authorization: `Bearer ${TOKEN}`, Origin: `http://127.0.0.1:${host.port}` });
    expect(reply.status).toBe(200);
    const set = setCookieOf(reply);
    expect(set).toBeDefined();
    return cookiePair(set!);
  }

  it('gives a call that proves the token an HttpOnly, SameSite=Strict session cookie that ends with the browser session', async () => {
    const reply = await call(host.port, 'workshops.list', {}, { Authorization: `Bearer ${TOKEN}` });
    expect(reply.status).toBe(200);
    const set = setCookieOf(reply)!;
    const [pair, ...attributes] = set.split(';').map((s) => s.trim());
    const [name, value] = pair!.split('=');
    expect(name).toBe(`stratum-session-${host.port}`);
    // Random, long, and not the token.
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(value).not.toContain(TOKEN);
    expect(attributes.map((a) => a.toLowerCase()).sort()).toEqual(['httponly', 'path=/', 'samesite=strict']);
    // A browser that already holds it is not sent it again.
    const again = await call(host.port, 'workshops.list', {}, { Authorization: `Bearer ${TOKEN}`, Cookie: pair! });
    expect(again.status).toBe(200);
    expect(setCookieOf(again)).toBeUndefined();
  });

  it('never sets the cookie on a page, or on a call without the token or with a wrong one', async () => {
    expect(setCookieOf(await request(host.port, { path: '/' }))).toBeUndefined();
    const none = await call(host.port, 'workshops.list', {}, {});
    expect(none.status).toBe(401);
    expect(setCookieOf(none)).toBeUndefined();
    const wrong = await call(host.port, 'workshops.list', {}, { Authorization: 'Bearer wrong-token' });
    expect(wrong.status).toBe(403);
    expect(setCookieOf(wrong)).toBeUndefined();
    const foreign = await call(host.port, 'workshops.list', {}, { Authorization: `Bearer ${TOKEN}`, Origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(setCookieOf(foreign)).toBeUndefined();
  });

  it('takes the cookie in place of the token on a call from the app’s own page, at either loopback name', async () => {
    const cookie = await signIn();
    const created = await call(host.port, 'workshops.create', { title: 'From another tab' }, fromPage(host.port, cookie));
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'From another tab' } });
    expect(setCookieOf(created)).toBeUndefined();
    // A browser that sends only one of the two signs of a same-origin call is served too.
    const originOnly = await call(host.port, 'workshops.list', {}, { Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}`, Cookie: cookie });
    expect(originOnly.status).toBe(200);
    const siteOnly = await call(host.port, 'workshops.list', {}, { 'Sec-Fetch-Site': 'same-origin', Cookie: cookie });
    expect(siteOnly.status).toBe(200);
  });

  it('refuses the cookie from anything but the app’s own page, writing nothing', async () => {
    const cookie = await signIn();
    const before = deps.workshops.count();
    const p = host.port;
    const cases: Record<string, Record<string, string>> = {
      'no Origin and no Sec-Fetch-Site (a script outside the browser)': { Cookie: cookie },
      'a page on another port of 127.0.0.1 (same site for SameSite)': { Origin: `http://127.0.0.1:${p + 1}`, 'Sec-Fetch-Site': 'same-site', Cookie: cookie },
      'a page on another port, Origin only': { Origin: `http://127.0.0.1:${p + 1}`, Cookie: cookie },
      'another site': { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site', Cookie: cookie },
      'an opaque origin (sandboxed frame, data: page)': { Origin: 'null', Cookie: cookie },
      'a same-site request claiming our Origin': { Origin: `http://127.0.0.1:${p}`, 'Sec-Fetch-Site': 'same-site', Cookie: cookie },
      'a typed address or bookmark (Sec-Fetch-Site: none)': { 'Sec-Fetch-Site': 'none', Cookie: cookie },
      'a foreign Host (DNS rebinding)': { ...fromPage(p, cookie), Host: `attacker.example:${p}` },
    };
    for (const [name, headers] of Object.entries(cases)) {
      const reply = await call(p, 'workshops.create', { title: 'Hijacked' }, headers);
      expect(reply.status, name).toBe(403);
      expect(JSON.parse(reply.body), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Other content types stay refused with the cookie as with the token.
    const form = await request(p, { method: 'POST', path: '/api/workshops.create', headers: { ...fromPage(p, cookie), 'Content-Type': 'text/plain' }, body: '{"title":"x"}' });
    expect(form.status).toBe(415);
    expect(deps.workshops.count()).toBe(before);
  });

  it('refuses a wrong token even beside a valid cookie', async () => {
    const cookie = await signIn();
    const before = deps.workshops.count();
    const wrong = await call(host.port, 'workshops.create', { title: 'x' }, { ...fromPage(host.port, cookie), Authorization: 'Bearer not-the-printed-one' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body).error.message).toBe('Wrong API token: open the address Stratum printed when it last started.');
    const basic = await call(host.port, 'workshops.create', { title: 'x' }, { ...fromPage(host.port, cookie), Authorization: `Basic ${TOKEN}` });
    expect(basic.status).toBe(401);
    expect(deps.workshops.count()).toBe(before);
  });

  it('refuses the cookie of an earlier start, even on the same port with the same token', async () => {
    const old = await signIn();
    const port = host.port;
    await host.close();
    host = await startHost({ deps, token: TOKEN, rendererDir, log: () => undefined }, port);
    expect(host.port).toBe(port);
    const refused = await call(port, 'workshops.list', {}, fromPage(port, old));
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'This browser’s Stratum session is from an earlier start: open the address Stratum printed when it last started.' },
    });
    // The printed address again: a call with the token replaces the old cookie with one that works.
    const fresh = await signIn();
    expect(fresh).not.toBe(old);
    expect((await call(port, 'workshops.list', {}, fromPage(port, fresh))).status).toBe(200);
  });

  it('is not shut out by a junk cookie of the same name, and does not take another port’s cookie', async () => {
    const cookie = await signIn();
    const name = `stratum-session-${host.port}`;
    // A page on another port of 127.0.0.1 can plant a cookie of the same name (cookies do not keep to a port).
    const tossed = await call(host.port, 'workshops.list', {}, fromPage(host.port, `${name}=planted; ${cookie}`));
    expect(tossed.status).toBe(200);
    const value = cookie.split('=')[1]!;
    const otherPort = await call(host.port, 'workshops.list', {}, fromPage(host.port, `stratum-session-${host.port + 1}=${value}`));
    expect(otherPort.status).toBe(401);
    expect(JSON.parse(otherPort.body).error.message).toBe('Missing API token: open the address Stratum printed when it started.');
  });

  it('answers every mix of token, cookie, Origin, Sec-Fetch-Site and Host as the rules say, writing only when accepted', async () => {
    const valid = await signIn();
    const p = host.port;
    const name = `stratum-session-${p}`;
    const auths = { none: undefined, valid: `Bearer ${TOKEN}`, wrong: 'Bearer not-the-printed-one', basic: `Basic ${TOKEN}` };
    const cookies = {
      none: undefined,
      valid,
      stale: `${name}=${randomBytes(32).toString('base64url')}`,
      'junk then valid': `${name}=junk; ${valid}`,
      'other port': `stratum-session-${p + 1}=${valid.split('=')[1]!}`,
    };
    const origins = { absent: undefined, same: `http://127.0.0.1:${p}`, localhost: `http://localhost:${p}`, 'other port': `http://127.0.0.1:${p + 1}`, null: 'null' };
    const sites = { absent: undefined, 'same-origin': 'same-origin', 'same-site': 'same-site', 'cross-site': 'cross-site', none: 'none' };
    const hosts = { valid: `127.0.0.1:${p}`, foreign: `attacker.example:${p}` };

    let count = deps.workshops.count();
    for (const [auth, authValue] of Object.entries(auths)) {
      for (const [cookie, cookieValue] of Object.entries(cookies)) {
        for (const [origin, originValue] of Object.entries(origins)) {
          for (const [site, siteValue] of Object.entries(sites)) {
            for (const [hostKind, hostValue] of Object.entries(hosts)) {
              const headers: Record<string, string> = { Host: hostValue };
              if (authValue !== undefined) headers['Authorization'] = authValue;
              if (cookieValue !== undefined) headers['Cookie'] = cookieValue;
              if (originValue !== undefined) headers['Origin'] = originValue;
              if (siteValue !== undefined) headers['Sec-Fetch-Site'] = siteValue;

              const hostOk = hostKind === 'valid';
              const originOk = origin === 'absent' || origin === 'same' || origin === 'localhost';
              const ownPage = (site === 'absent' || site === 'same-origin') && (origin !== 'absent' || site === 'same-origin');
              let expected: number;
              if (!hostOk || !originOk) expected = 403;
              else if (auth === 'valid') expected = 200;
              else if (auth === 'wrong') expected = 403;
              else if (auth === 'basic') expected = 401;
              else if (cookie === 'none' || cookie === 'other port') expected = 401;
              else if (!ownPage) expected = 403;
              else expected = cookie === 'stale' ? 403 : 200;

              const label = `token ${auth} / cookie ${cookie} / origin ${origin} / site ${site} / host ${hostKind}`;
              const reply = await call(p, 'workshops.create', { title: 'Mix' }, headers);
              expect(reply.status, label).toBe(expected);
              if (expected === 200) count += 1;
              else expect(JSON.parse(reply.body), label).toMatchObject({ ok: false, error: { code: 'forbidden' } });
              expect(deps.workshops.count(), label).toBe(count);
            }
          }
        }
      }
    }
  });
});
