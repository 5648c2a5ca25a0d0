// App-level figures for `npm run bench`: SQLite save and list with 10,000 workshops, and each export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { createHandlerDeps, invokeChannel } from '../../electron/handlers';
import { exportDiagram, htmlToPdfWithChromium, findChromium } from '../../electron/export';
import { openDatabase } from '../../electron/storage';
import { emptyWorkshopState, type Workshop } from '../../shared/domain';
import { defaultPack } from '../../shared/engine';
import { backlogCsv, buildRecordsInput, htmlReport, planMadrExport, planNygardExport, workshopToJson } from '../../shared/records';
import { evaluateWorkshop, workshopStackLayout } from '../../shared/workshop';

const round = (x: number): number => Math.round(x * 1000) / 1000;

function timed(runs: number, fn: () => void): { medianMs: number; p99Ms: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(times[Math.floor(times.length / 2)]!), p99Ms: round(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!) };
}

/** Saves and lists against a real database file holding 10,000 workshops. */
function benchStorage(): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-db-'));
  try {
    const opened = openDatabase(path.join(dir, 'stratum.db'));
    if (!opened.ok) throw new Error(opened.message);
    const deps = createHandlerDeps(opened.value, { name: 'Stratum', version: 'bench', transport: 'browser', platform: process.platform });
    const quiet = () => undefined;
    const insertStart = performance.now();
    for (let i = 0; i < 10_000; i++) invokeChannel(deps, 'workshops.create', { title: `Workshop ${i}`, organisation: 'Bench' }, quiet);
    const createAllMs = performance.now() - insertStart;
    const some = deps.workshops.list({ includeArchived: false })[0] as Workshop;
    let revision = 0;
    const answers = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'test/fixtures/workshops/regulated-bank.json'), 'utf8')).answers;
    const save = timed(300, () => {
      const r = invokeChannel(deps, 'workshopState.save', { id: some.id, baseRevision: revision, state: { ...emptyWorkshopState(), answers } }, quiet);
      if (r.ok) revision = (r.value as { revision: number }).revision;
    });
    const rename = timed(300, () => {
      invokeChannel(deps, 'workshops.update', { id: some.id, patch: { title: `Renamed ${randomUUID().slice(0, 8)}` } }, quiet);
    });
    const list = timed(30, () => {
      invokeChannel(deps, 'workshops.list', {}, quiet);
    });
    opened.value.db.close();
    return { workshops: 10_000, createEachMs: round(createAllMs / 10_000), saveStateMs: save, renameMs: rename, listAllMs: list };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each export of a fully answered workshop with participants, from the saved state. */
async function benchExports(): Promise<Record<string, unknown>> {
  const pack = defaultPack();
  const answers = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'test/fixtures/workshops/regulated-bank.json'), 'utf8')).answers;
  const people = ['CISO', 'CFO', 'Head of data science'].map((role, i) => ({ id: randomUUID(), name: `Person ${i + 1}`, role, involvement: 'decision-maker' as const }));
  const state = { ...emptyWorkshopState(), participants: people, answers, weights: Object.fromEntries(people.map((p, i) => [p.id, { cost: 1 + i * 2, control: 5 - i }])) };
  const now = new Date().toISOString();
  const workshop: Workshop = { id: randomUUID(), title: 'Bench: exports', organisation: 'Bench', facilitator: '', date: now.slice(0, 10), description: '', createdAt: now, updatedAt: now, archived: false, pack: null };
  const layout = () => workshopStackLayout(workshop, state, evaluateWorkshop(pack, state).evaluation);
  const input = () => buildRecordsInput(workshop, state, pack, { generatedAt: now });
  const out: Record<string, unknown> = {
    svg: timed(20, () => exportDiagram(layout(), 'svg')),
    png2x: timed(5, () => exportDiagram(layout(), 'png', { scale: 2 })),
    drawio: timed(20, () => exportDiagram(layout(), 'drawio')),
    mermaid: timed(20, () => exportDiagram(layout(), 'mermaid')),
    madr: timed(20, () => planMadrExport([], input())),
    nygard: timed(20, () => planNygardExport([], input())),
    json: timed(20, () => workshopToJson(input())),
    html: timed(20, () => htmlReport(input())),
    csv: timed(20, () => backlogCsv(input())),
  };
  if (findChromium()) {
    const html = htmlReport(input());
    const t0 = performance.now();
    const pdf = await htmlToPdfWithChromium(html);
    out['pdf'] = pdf.ok ? { medianMs: round(performance.now() - t0), runs: 1, note: 'one run: starts Chromium each time' } : { skipped: pdf.message };
  } else {
    out['pdf'] = { skipped: 'no Chromium' };
  }
  return out;
}

/** The app-level part of the benchmark. */
export async function runAppBench(): Promise<Record<string, unknown>> {
  return { storage: benchStorage(), exports: await benchExports() };
}
