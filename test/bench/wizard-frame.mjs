// The renderer as people meet it, in Debian's Chromium against browser mode: how soon the workshop list and a decision
// page answer, and what a what-if slider step costs. A step is timed twice: what the input itself blocks (the slider,
// its number and the what-if note rendered and laid out: what decides whether the next frame is on time), and until
// the rest of the page, which React renders between frames from a deferred copy of the weight, shows the new weight.
// Then a drag as a hand makes it, a step every frame: the frames dropped, and how often the page behind caught up.
import { spawn } from 'node:child_process';
import http from 'node:http';
/* global window, document, HTMLInputElement, MutationObserver, requestAnimationFrame -- page.evaluate callbacks run in the browser */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const FRAME_MS = 1000 / 60;

function startHost(root, dataDir, outDir) {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), [path.join(outDir, 'host/index.cjs'), '--data-dir', dataDir, '--no-open'], {
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

/**
 * React and ReactDOM alone, production builds, rendering one link: what the UI library itself costs a first screen,
 * bundled and minified as the app's own code is.
 */
async function reactOnlyScript(root) {
  const out = await esbuild.build({
    stdin: {
      contents: "import { createElement as h } from 'react'; import { createRoot } from 'react-dom/client'; " +
        "createRoot(document.getElementById('root')).render(h('ul', { className: 'workshop-list' }, h('li', null, h('a', { className: 'workshop-title', href: '#' }, 'React'))));",
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/**
 * The first screen, cold: from navigation to a workshop list that answers clicks, in a fresh browser context each
 * time (no cached file, no compiled code), `runs` times. Each run is paired with two floors under it on this machine,
 * served with the host's own response headers (its Content-Security-Policy and Cross-Origin-Opener-Policy among them)
 * and opened the same way: a page whose one script writes one link, and a page where React renders one link. The
 * three alternate, so a machine that slows down or speeds up weighs on all alike; the medians are what the bench quotes.
 */
async function firstScreenTimes(root, host, browser, runs = 5) {
  const scripts = {
    '/blank.js': "document.body.innerHTML = '<ul class=\"workshop-list\"><li><a class=\"workshop-title\" href=\"#\">Blank</a></li></ul>';",
    '/react.js': await reactOnlyScript(root),
  };
  const headers = Object.fromEntries((await fetch(host.origin)).headers);
  for (const h of ['content-length', 'content-type', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'etag', 'last-modified']) delete headers[h];
  const server = http.createServer((req, res) => {
    const script = scripts[req.url];
    const page = req.url === '/react' ? 'react.js' : 'blank.js';
    res.writeHead(200, { ...headers, 'Content-Type': script === undefined ? 'text/html; charset=utf-8' : 'text/javascript' });
    res.end(script ?? `<!doctype html><html><head><script type="module" src="/${page}"></script></head><body><div id="root"></div></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const coldMs = async (url) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      // A first tab opens and closes so the browser's own start-up of a context is not counted against the page.
      await (await context.newPage()).close();
      const page = await context.newPage();
      await page.addInitScript(watchFor, { name: 'list', selector: '.workshop-list a.workshop-title' });
      await page.goto(url);
      return await markOf(page, 'list');
    } finally {
      await context.close();
    }
  };
  try {
    const pages = {
      list: `${host.origin}#token=${host.token}`,
      blank: `http://127.0.0.1:${server.address().port}/`,
      react: `http://127.0.0.1:${server.address().port}/react`,
    };
    // One round first, not counted: the browser's first navigation also starts its network service. Its list time is
    // reported apart, so the difference stays visible.
    const firstNavigationMs = Math.round(await coldMs(pages.list));
    for (const url of [pages.blank, pages.react]) await coldMs(url);
    const times = { list: [], blank: [], react: [] };
    for (let i = 0; i < runs; i++) for (const [name, url] of Object.entries(pages)) times[name].push(await coldMs(url));
    const summary = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { medianMs: Math.round(percentile(sorted, 0.5)), minMs: Math.round(sorted[0]), maxMs: Math.round(sorted[sorted.length - 1]), runs: sorted.length };
    };
    return { list: summary(times.list), blank: summary(times.blank), react: summary(times.react), firstNavigationMs };
  } finally {
    server.close();
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * In the page, the time (its own clock, ms since navigation started) at which `selector` first matched, seen by a
 * MutationObserver installed before any of the app's scripts run.
 */
function watchFor({ name, selector }) {
  const marks = (window.__benchMarks ??= {});
  const check = () => {
    if (marks[name] === undefined && document.querySelector(selector)) marks[name] = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  check();
}

async function markOf(page, name) {
  await page.waitForFunction((n) => window.__benchMarks?.[n] !== undefined, name, { timeout: 15000 });
  return page.evaluate((n) => window.__benchMarks[n], name);
}

/**
 * In Chromium against browser mode: the time from navigation to an interactive workshop list, from choosing a decision
 * on that list to its page with the what-if slider, then the decision page's what-if slider dragged `steps` times
 * (median, p95, max ms per step). `profile`: a file to write a CPU profile of the drag to (for finding where time goes).
 */
export async function measureSliderFrame(root, { steps = 120, dragFrames = 120, outDir = path.join(root, 'out'), profile, trace } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-ui-'));
  const host = await startHost(root, dataDir, outDir);
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
    const firstScreen = await firstScreenTimes(root, host, browser);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchFor, { name: 'list', selector: '.workshop-list a.workshop-title' });
    await page.goto(`${host.origin}#token=${host.token}`);
    await markOf(page, 'list');
    // The room then opens a decision; by then the list has been up a moment and idle.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.evaluate(watchFor, { name: 'decision', selector: '#what-if-deployment' });
    const openedAt = await page.evaluate((id) => {
      const t0 = performance.now();
      window.location.hash = `#/workshops/${id}/decisions/deployment`;
      return t0;
    }, workshop.id);
    const decisionInteractiveMs = Math.round((await markOf(page, 'decision')) - openedAt);
    await page.waitForTimeout(500);
    const cdp = profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    if (trace) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    const times = await page.evaluate(async (n) => {
      const input = document.querySelector('#what-if-deployment');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const channel = new MessageChannel();
      const nextTask = () => new Promise((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
      const behind = () => document.querySelector('.decision .follows[aria-busy="true"]') !== null;
      const out = [];
      const caughtUp = [];
      for (let i = 0; i < n; i++) {
        const value = ((i * 7) % 51) / 10;
        const t0 = performance.now();
        setValue.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // React renders what follows the slider in a microtask after the event: awaited here, then laid out.
        await null;
        document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
        // The rest of the page follows between frames; the next step waits until it shows this weight.
        while (behind() && performance.now() - t0 < 2000) await nextTask();
        document.body.getBoundingClientRect();
        caughtUp.push(performance.now() - t0);
      }
      return { out, caughtUp };
    }, steps);
    // A drag as a hand makes it: one step each frame, not waiting for the page. Each frame's start is recorded; a gap
    // of more than one and a half frames between two is a frame the browser could not draw in time.
    const frames = await page.evaluate(async (n) => {
      const input = document.querySelector('#what-if-deployment');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const starts = [];
      const shown = new Set();
      await new Promise((resolve) => {
        let i = 0;
        const step = (t) => {
          starts.push(t);
          shown.add(document.querySelector('.decision .current-marker')?.textContent);
          if (i === n) return resolve();
          setValue.call(input, String(((i * 3) % 51) / 10));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          i++;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      return { gaps: starts.slice(1).map((t, i) => t - starts[i]), pageUpdates: shown.size - 1 };
    }, dragFrames);
    if (trace) await browser.stopTracing();
    if (cdp) fs.writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const sorted = [...times.out].sort((a, b) => a - b);
    const caught = [...times.caughtUp].sort((a, b) => a - b);
    const round = (x) => Math.round(x * 100) / 100;
    return {
      firstScreen,
      decisionInteractiveMs,
      drag: { steps, medianMs: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)), maxMs: round(sorted[sorted.length - 1]), frameBudgetMs: round(FRAME_MS) },
      continuousDrag: {
        frames: frames.gaps.length,
        dropped: frames.gaps.filter((gap) => gap > FRAME_MS * 1.5).length,
        p95GapMs: round([...frames.gaps].sort((a, b) => a - b)[Math.floor(0.95 * frames.gaps.length)]),
        maxGapMs: round(Math.max(...frames.gaps)),
        pageUpdates: frames.pageUpdates,
      },
      pageFollows: { medianMs: round(percentile(caught, 0.5)), p95Ms: round(percentile(caught, 0.95)), maxMs: round(caught[caught.length - 1]) },
    };
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
