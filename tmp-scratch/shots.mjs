// Screenshots of every step of the example workshop, at two sizes (a local look, not a test).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
const root = '/work/main';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-shots-'));
const child = spawn(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'out/host/index.cjs'), '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
const url = await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(out)), 15000);
  const on = (c) => { out += c; const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out); if (m) { clearTimeout(t); resolve(m[1]); } };
  child.stdout.on('data', on); child.stderr.on('data', on);
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const sizes = (process.env.SIZES ?? '1440x900').split(',');
const steps = (process.env.STEPS ?? 'setup,use-cases,context,priorities,decisions,consensus,summary,stack,cost,records').split(',');
const dir = process.env.OUT ?? '/tmp/shots';
fs.mkdirSync(dir, { recursive: true });
for (const size of sizes) {
  const [w, h] = size.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.getByRole('link', { name: /Northwind/ }).first().click().catch(async () => { await page.getByText(/Northwind/).first().click(); });
  await page.waitForTimeout(800);
  const base = page.url().replace(/\/setup$/, '');
  for (const step of steps) {
    const [name, extra] = step.split(':');
    await page.goto(`${base}/${name}${extra ? `/${extra}` : ''}`);
    await page.waitForTimeout(700);
    const stem = `${dir}/${name}${extra ? `-${extra}` : ''}-${size}`;
    await page.screenshot({ path: `${stem}.png` });
    const pages = Number(process.env.PAGES ?? '1');
    for (let i = 1; i < pages; i++) {
      const more = await page.evaluate(() => {
        const el = document.getElementById('step-content');
        if (!el) return false;
        const before = el.scrollTop;
        el.scrollBy(0, el.clientHeight - 80);
        return el.scrollTop !== before;
      });
      if (!more) break;
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${stem}-p${i + 1}.png` });
    }
  }
  if (errors.length) console.log('errors', size, errors.slice(0, 5));
  await page.close();
}
await browser.close();
child.kill();
console.log('done', dir);
