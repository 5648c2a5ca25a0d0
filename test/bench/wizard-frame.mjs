// Slider-drag cost in the real renderer: the time from a what-if weight change on the decision page to the
// page re-rendered and laid out (the evaluation plus React's re-render), in Debian's Chromium against browser mode.
import { spawn } from 'node:child_process';
/* global window, document, HTMLInputElement -- page.evaluate callbacks run in the browser */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

const FRAME_MS = 1000 / 60;

function startHost(root, dataDir) {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'out/host/index.cjs'), '--data-dir', dataDir, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 15000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1], token: m[2] });
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
}

async function call(host, channel, payload) {
  const res = await fetch(`${host.origin}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(payload),
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
  return body.value;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Times the cold start to an interactive workshop list, then drags the decision page's what-if slider `steps` times (median, p95, max ms per step). */
export async function measureSliderFrame(root, { steps = 120 } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-ui-'));
  const host = await startHost(root, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const bank = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/workshops/regulated-bank.json'), 'utf8'));
    const answers = bank.answers;
    const useCases = bank.useCases.map((u) => ({ id: randomUUID(), name: u.name, description: u.description ?? '', answers: u.answers, dontKnow: [], notes: {}, roomChoices: {} }));
    const workshop = await call(host, 'workshops.create', { title: 'Bench: slider drag' });
    const participants = ['CISO', 'CFO', 'Head of data science'].map((role, i) => ({ id: randomUUID(), name: `Person ${i + 1}`, role, involvement: 'decision-maker' }));
    const weights = Object.fromEntries(participants.map((p, i) => [p.id, { cost: 1 + i * 2, control: 5 - i, agility: 2 + i }]));
    await call(host, 'workshopState.save', {
      id: workshop.id,
      baseRevision: 0,
      state: { participants, answers, useCases, dontKnow: [], notes: {}, weights, roomChoices: {} },
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Navigation to a workshop list that answers clicks: the app's cold start in a browser tab.
    const navigated = performance.now();
    await page.goto(`${host.origin}#token=${host.token}`);
    await page.waitForSelector('.workshop-list a.workshop-title');
    const homeInteractiveMs = Math.round(performance.now() - navigated);
    await page.evaluate((id) => {
      window.location.hash = `#/workshops/${id}/decisions/deployment`;
    }, workshop.id);
    await page.waitForSelector('#what-if-deployment');
    const times = await page.evaluate(async (n) => {
      const input = document.querySelector('#what-if-deployment');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const channel = new MessageChannel();
      const nextTask = () => new Promise((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
      const out = [];
      for (let i = 0; i < n; i++) {
        const value = ((i * 7) % 51) / 10;
        const t0 = performance.now();
        setValue.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await nextTask();
        document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
      }
      return out;
    }, steps);
    const sorted = [...times].sort((a, b) => a - b);
    const round = (x) => Math.round(x * 100) / 100;
    return {
      homeInteractiveMs,
      drag: { steps, medianMs: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)), maxMs: round(sorted[sorted.length - 1]), frameBudgetMs: round(FRAME_MS) },
    };
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
