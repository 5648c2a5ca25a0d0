import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, htmlToPdfWithChromium } from '../../../../electron/export';
import { tempDir } from '../../support/temp-db';

const chromium = findChromium();
const pdftoppm = ['/usr/bin/pdftoppm'].find((p) => fs.existsSync(p));

describe('PDF through headless Chromium', () => {
  // Starting Chromium takes seconds on a busy machine; the export itself waits up to 60 s, and so does this test.
  it.skipIf(!chromium || !pdftoppm)('prints a self-contained page that poppler renders to pages', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Report</title><style>h1{color:#24329a} .page{break-after:page}</style></head>
      <body><div class="page"><h1>Deployment: On-premises</h1><p>Stays the top choice in 96% of plausible weightings.</p></div><div><h1>Risks</h1></div></body></html>`;
    const result = await htmlToPdfWithChromium(html);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, result.pdf);
    execFileSync(pdftoppm!, ['-png', '-r', '40', file, path.join(dir, 'page')]);
    const pages = fs.readdirSync(dir).filter((n) => n.startsWith('page') && n.endsWith('.png'));
    // The page break in the report's print CSS gives two pages.
    expect(pages.length).toBe(2);
  }, 60_000);

  it('says what to install when there is no Chromium, instead of failing obscurely', async () => {
    const result = await htmlToPdfWithChromium('<p>x</p>', { chromium: null });
    expect(result).toEqual({
      ok: false,
      message: 'PDF needs Chromium or Chrome on this computer (set CHROMIUM_PATH to its program). Export HTML and print it to PDF from a browser instead.',
    });
  });
});
