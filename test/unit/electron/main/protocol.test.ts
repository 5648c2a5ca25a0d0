import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../../electron/main/protocol';
import { tempDir } from '../../support/temp-db';

describe('app:// protocol handler', () => {
  it('serves the built renderer with its content type and the CSP', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Stratum</title>');
    const res = await serveAppRequest(dir, 'app://stratum/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Stratum</title>');
  });

  it('answers 404 for missing files, other hosts and paths that climb out', async () => {
    const root = tempDir();
    const dir = path.join(root, 'renderer');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(root, 'secret.txt'), 'outside');
    for (const url of ['app://stratum/missing.js', 'app://other/index.html', 'app://stratum/%2e%2e/secret.txt']) {
      const res = await serveAppRequest(dir, url);
      expect(res.status, url).toBe(404);
    }
  });
});
