import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where a Chromium-family browser usually lives; CHROMIUM_PATH wins. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The headless browser used for PDF outside Electron, or null when there is none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export type PdfResult = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

/**
 * Prints a self-contained HTML page to PDF with headless Chromium (browser mode and the CLI; the desktop
 * window uses Electron's own printToPDF). Nothing is fetched: the page carries everything it shows.
 */
export function htmlToPdfWithChromium(html: string, options: { chromium?: string | null; timeoutMs?: number } = {}): Promise<PdfResult> {
  const chromium = options.chromium === undefined ? findChromium() : options.chromium;
  if (!chromium) {
    return Promise.resolve({
      ok: false,
      message: 'PDF needs Chromium or Chrome on this computer (set CHROMIUM_PATH to its program). Export HTML and print it to PDF from a browser instead.',
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-pdf-'));
  const input = path.join(dir, 'report.html');
  const output = path.join(dir, 'report.pdf');
  fs.writeFileSync(input, html);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${path.join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${output}`,
    `file://${input}`,
  ];
  return new Promise((resolve) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    const finish = (result: PdfResult) => {
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
      resolve(result);
    };
    child.on('error', (err) => finish({ ok: false, message: `Could not start ${chromium}: ${err.message}` }));
    child.on('exit', () => {
      const pdf = fs.existsSync(output) ? fs.readFileSync(output) : null;
      if (pdf && pdf.subarray(0, 5).toString('latin1') === '%PDF-') finish({ ok: true, pdf: new Uint8Array(pdf) });
      else finish({ ok: false, message: `Chromium did not produce a PDF.${stderr ? ` It said: ${stderr.trim().split('\n').slice(-2).join(' ')}` : ''}` });
    });
  });
}
