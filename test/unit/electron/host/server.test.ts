import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHost, type RunningHost } from '../../../../electron/host/server';
import type { HandlerDeps } from '../../../../electron/handlers';
import { tempDeps, tempDir } from '../../support/temp-db';
import { request } from './raw-request';

const TOKEN = 'test-token-0123456789abcdef';

function api(port: number, channel: string, payload: unknown, headers: Record<string, string> = {}) {
  return request(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(payload),
  });
}

describe('browser-mode host', () => {
  let host: RunningHost;
  let deps: HandlerDeps;

  beforeEach(async () => {
    deps = tempDeps();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stratum</title>');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
    host = await startHost({ deps, token: TOKEN, rendererDir, log: () => undefined });
  });

  afterEach(async () => {
    await host.close();
  });

  it('listens on 127.0.0.1 only, on a free port', () => {
    const address = host.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves the app with the CSP and answers API calls with the token', async () => {
    const page = await request(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const created = await api(host.port, 'workshops.create', { title: 'Over HTTP' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Over HTTP' } });
  });

  it('refuses an API call without a token (401) or with a wrong one (403), before any handler runs', async () => {
    const before = deps.workshops.count();
    const none = await request(host.port, { method: 'POST', path: '/api/workshops.create', headers: { 'Content-Type': 'application/json' }, body: '{"title":"x"}' });
    expect(none.status).toBe(401);
    const wrong = await api(host.port, 'workshops.create', { title: 'x' }, { Authorization: 'Bearer wrong-token' });
    expect(wrong.status).toBe(403);
    const scheme = await api(host.port, 'workshops.create', { title: 'x' }, { Authorization: `Basic ${TOKEN}` });
    expect(scheme.status).toBe(401);
    expect(deps.workshops.count()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding), for pages and for the API', async () => {
    const page = await request(host.port, { path: '/', headers: { Host: `attacker.example:${host.port}` } });
    expect(page.status).toBe(403);
    const call = await api(host.port, 'workshops.list', {}, { Host: `attacker.example:${host.port}` });
    expect(call.status).toBe(403);
    const otherPort = await api(host.port, 'workshops.list', {}, { Host: `127.0.0.1:${host.port + 1}` });
    expect(otherPort.status).toBe(403);
    const localhost = await api(host.port, 'workshops.list', {}, { Host: `localhost:${host.port}` });
    expect(localhost.status).toBe(200);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const before = deps.workshops.count();
    const foreign = await api(host.port, 'workshops.create', { title: 'x' }, { Origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    const nullOrigin = await api(host.port, 'workshops.create', { title: 'x' }, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    expect(deps.workshops.count()).toBe(before);
    const same = await api(host.port, 'workshops.list', {}, { Origin: `http://127.0.0.1:${host.port}` });
    expect(same.status).toBe(200);
  });

  it('answers bad requests with clear statuses and stays up', async () => {
    expect((await api(host.port, 'workshops.drop', {})).status).toBe(404);
    expect((await request(host.port, { path: '/api/workshops.list', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    const notJson = await request(host.port, {
      method: 'POST',
      path: '/api/workshops.list',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toBe('The request body is not valid JSON.');
    const big = await request(host.port, {
      method: 'POST',
      path: '/api/workshops.create',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES + 10) }),
    });
    expect(big.status).toBe(413);
    const invalid = await api(host.port, 'workshops.create', { title: '' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'title' }] } });
    expect((await api(host.port, 'workshops.list', {})).status).toBe(200);
  });

  it('takes API calls only when the media type is exactly application/json, parameters and case aside', async () => {
    const before = deps.workshops.count();
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain', 'application/x-json; charset=utf-8']) {
      const refused = await api(host.port, 'workshops.create', { title: 'x' }, { 'Content-Type': type });
      expect(refused.status, type).toBe(415);
      expect(JSON.parse(refused.body).error.message).toBe('API calls send JSON (Content-Type: application/json).');
    }
    expect(deps.workshops.count()).toBe(before);
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', ' application/json ;charset=UTF-8']) {
      const accepted = await api(host.port, 'workshops.create', { title: `Sent as ${type}` }, { 'Content-Type': type });
      expect(accepted.status, type).toBe(200);
      expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, value: { title: `Sent as ${type}` } });
    }
    expect(deps.workshops.count()).toBe(before + 3);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await request(host.port, { path: p });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside');
    }
    expect((await request(host.port, { path: '/assets/app.js' })).status).toBe(200);
  });
});
