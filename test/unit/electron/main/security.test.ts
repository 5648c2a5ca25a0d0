import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/serve/csp';
import { handleIpcCall } from '../../../../electron/main/ipc';
import {
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
  isTrustedSenderUrl,
  shouldPreventNavigation,
  windowOpenPolicy,
} from '../../../../electron/main/security';
import { resolveStaticPath } from '../../../../electron/serve/static-files';
import { tempDeps } from '../../support/temp-db';

describe('main-window security policy', () => {
  it('serves from app:// as a secure standard scheme', () => {
    expect(APP_START_URL).toBe('app://stratum/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('has a strict CSP: only self, no eval, no inline script, no plugins, no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:/);
  });

  it('repeats the same policy in the page itself (minus frame-ancestors, which only works as a header)', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  });

  it('prevents navigation anywhere but the app itself', () => {
    expect(shouldPreventNavigation('app://stratum/index.html#/workshops')).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:8080/', 'javascript:alert(1)', 'not a url']) {
      expect(shouldPreventNavigation(url), url).toBe(true);
    }
  });

  it('denies every new window, handing only allow-listed https links to the OS browser', () => {
    const openExternal = vi.fn();
    const policy = windowOpenPolicy(openExternal);
    const details = (url: string) => ({ url, frameName: '', features: '', disposition: 'new-window' as const, referrer: { url: '', policy: 'no-referrer' as const } });
    expect(policy(details('https://adr.github.io/madr/'))).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://adr.github.io/madr/');
    openExternal.mockClear();
    for (const url of [
      'https://evil.example/',
      'http://adr.github.io/madr/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://adr.github.io/madr/../../x',
      'https://user:secret@adr.github.io/madr/',
      'https://adr.github.io.evil.example/madr/',
      'https://adr.github.io/madr/?next=https://evil.example/',
    ]) {
      expect(policy(details(url))).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(isAllowedExternalUrl('smb://share/x')).toBe(false);
  });

  it('refuses every permission request and check', () => {
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      denyPermissionRequest({}, permission, callback);
    }
    expect(callback.mock.calls).toEqual(Array(5).fill([false]));
    expect(denyPermissionCheck()).toBe(false);
  });

  it('serves IPC only to frames showing the app’s own origin', async () => {
    expect(isTrustedSenderUrl('app://stratum/index.html')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///index.html', '', null, undefined, 'app://stratum.evil/']) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
    const deps = tempDeps();
    const before = deps.workshops.count();
    const refused = await handleIpcCall(deps, 'workshops.create', { senderFrame: { url: 'https://evil.example/' } as never }, { title: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(deps.workshops.count()).toBe(before);
    const served = await handleIpcCall(deps, 'workshops.create', { senderFrame: { url: 'app://stratum/index.html' } as never }, { title: 'x' });
    expect(served).toMatchObject({ ok: true });
  });

  it('maps app:// paths into the renderer folder and nowhere else', () => {
    expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveStaticPath('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
    expect(resolveStaticPath('/srv/r', '/../x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/a%00.js')).toBeNull();
  });
});
