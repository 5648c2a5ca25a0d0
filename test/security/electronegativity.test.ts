import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, applySuppressions, describeFinding, scan, type Finding } from './scan';
import { SUPPRESSIONS } from './suppressions';

// Electronegativity (Doyensec's Electron security scanner) over the built app (out/: main, preload and
// host bundles, the renderer bundle and its page) and over the main-process and preload sources
// (electron/), where it can see each `new BrowserWindow` by name; the bundle calls it through a
// namespace the BrowserWindow checks do not follow. Any finding that is not in suppressions.ts fails.

describe('Electronegativity', () => {
  it('finds nothing in Stratum beyond the reviewed, justified suppressions', async () => {
    expect(fs.existsSync(path.join(ROOT, 'out/main/index.cjs')), 'out/ is built by `npm run test:security`').toBe(true);
    const result = await scan(['out', 'electron']);
    // The scan really covered the code that matters (a tool skipping a file would otherwise pass).
    expect(result.scanned).toEqual(
      expect.arrayContaining(['out/main/index.cjs', 'out/preload/index.cjs', 'out/renderer/index.html', 'electron/main/windows.ts', 'electron/main/index.ts']),
    );
    expect(result.scanned.some((f) => /^out\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(result.checks).toBeGreaterThan(30);
    expect(result.unparsed, 'files Electronegativity could not parse').toEqual([]);

    const { unjustified, stale } = applySuppressions(result.findings, SUPPRESSIONS);
    const report = [
      ...unjustified.map((f) => `unjustified finding: ${describeFinding(f)}`),
      ...stale.map((s) => `stale suppression (nothing matches it any more; remove it): ${s.check} ${s.file} "${s.sample}"`),
    ].join('\n');
    expect(report, 'Fix each finding, or add it to test/security/suppressions.ts with a justification').toBe('');
  });

  it('reports an insecure app, .cjs files included, so a clean scan means something', async () => {
    const result = await scan(['insecure-app'], path.join(ROOT, 'test/fixtures/security'));
    const found = (check: string, file: string) => result.findings.some((f: Finding) => f.check === check && f.file === file);
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'AUXCLICK_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']) {
      expect(found(check, 'insecure-app/main.js'), check).toBe(true);
    }
    expect(found('CONTEXT_ISOLATION_JS_CHECK', 'insecure-app/preload.cjs')).toBe(true);
    for (const check of ['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(result.findings.some((f) => f.check === check), check).toBe(true);
    }
    expect(applySuppressions(result.findings, SUPPRESSIONS).unjustified.length).toBe(result.findings.length);
  });
});

describe('suppressions', () => {
  const finding: Finding = { check: 'X_CHECK', file: 'electron/a.ts', line: 3, severity: 'LOW', confidence: 'FIRM', description: '', sample: 'foo(bar);', url: '' };

  it('each carries a written justification', () => {
    for (const s of SUPPRESSIONS) expect(s.justification.length, `${s.check} ${s.file}`).toBeGreaterThan(40);
  });

  it('cover only the same check, in the same file, on a line holding the same code', () => {
    const s = { check: 'X_CHECK', file: 'electron/a.ts', sample: 'foo(bar)', justification: '' };
    expect(applySuppressions([finding], [s])).toEqual({ unjustified: [], stale: [] });
    expect(applySuppressions([{ ...finding, file: 'electron/b.ts' }], [s]).unjustified).toHaveLength(1);
    expect(applySuppressions([{ ...finding, check: 'Y_CHECK' }], [s]).unjustified).toHaveLength(1);
    expect(applySuppressions([{ ...finding, sample: 'foo(baz);' }], [s]).unjustified).toHaveLength(1);
    expect(applySuppressions([], [s]).stale).toEqual([s]);
  });
});
