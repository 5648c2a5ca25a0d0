// `npm run bench`: bundles the TypeScript bench with esbuild, writes the generated per-rule floor
// functions beside it, runs everything in this process and prints a summary (or one JSON object with --json).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Most a first screen's JavaScript may weigh, gzip-compressed (#18). */
const INITIAL_JS_TARGET_KB = 120;
/** From navigation to a workshop list that answers clicks, and from opening a decision to its page (ms, #18). */
const LIST_TARGET_MS = 300;
const DECISION_TARGET_MS = 500;

/**
 * The renderer as shipped, raw and gzip-compressed: every chunk, and the JavaScript the first screen loads (what
 * index.html names and what it preloads), against its target; the rest loads when a workshop is opened, or while idle.
 */
function rendererBundleSize(rootDir) {
  const assets = path.join(rootDir, 'out', 'renderer', 'assets');
  const html = fs.readFileSync(path.join(rootDir, 'out', 'renderer', 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  let raw = 0;
  let gzip = 0;
  let initialGzip = 0;
  const chunks = [];
  for (const name of fs.readdirSync(assets).sort()) {
    const bytes = fs.readFileSync(path.join(assets, name));
    const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    if (initial.has(name)) initialGzip += zipped;
    chunks.push({ name, rawKb: Math.round(bytes.length / 1024), gzipKb: Math.round(zipped / 1024), initial: initial.has(name) });
  }
  const initialJsGzipKb = Math.round(initialGzip / 1024);
  return { rawKb: Math.round(raw / 1024), gzipKb: Math.round(gzip / 1024), initialJsGzipKb, initialJsTarget: { kb: INITIAL_JS_TARGET_KB, met: initialJsGzipKb <= INITIAL_JS_TARGET_KB }, chunks };
}
const json = process.argv.includes('--json');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-'));

try {
  const entry = path.join(dir, 'bench.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test/bench/bench-entry.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
  const loaded = await import(pathToFileURL(entry).href);
  const bench = loaded.default ?? loaded;
  const floors = {};
  for (const [name, source] of Object.entries(bench.floorSources())) {
    const file = path.join(dir, `floor-${name}.mjs`);
    fs.writeFileSync(file, source);
    floors[name] = await import(pathToFileURL(file).href);
  }
  const result = await bench.runBench(floors);
  // App-level figures: SQLite and the exports, bundled with the native modules left to Node.
  // Inside out/ so that Node finds better-sqlite3 and resvg in the project's node_modules at run time.
  const appEntry = path.join(root, 'out', '.bench', 'app-bench.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test/bench/app-bench-entry.ts')],
    outfile: appEntry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    external: ['better-sqlite3', '@resvg/resvg-js', 'electron'],
  });
  const appBench = await import(pathToFileURL(appEntry).href);
  Object.assign(result, await (appBench.default ?? appBench).runAppBench());
  result.bundle = rendererBundleSize(root);
  // The renderer figure needs Debian's Chromium; without it the bench says so and goes on.
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromiumPath)) {
    const { measureSliderFrame } = await import('./wizard-frame.mjs');
    const frame = await measureSliderFrame(root);
    result.wizard = {
      sliderDragMs: frame.drag,
      // Within a frame: the step's own work at p95, and not one frame dropped while the slider moves every frame.
      withinFrame: frame.drag.p95Ms < frame.drag.frameBudgetMs && frame.continuousDrag.dropped === 0,
      continuousDrag: frame.continuousDrag,
      pageFollowsMs: frame.pageFollows,
      // Medians of cold loads in fresh browser contexts, each paired with two floors on this machine: a blank page's and React's alone.
      firstScreen: frame.firstScreen,
      decisionInteractiveMs: frame.decisionInteractiveMs,
      targets: {
        listMs: { target: LIST_TARGET_MS, met: frame.firstScreen.list.medianMs <= LIST_TARGET_MS },
        decisionPageMs: { target: DECISION_TARGET_MS, met: frame.decisionInteractiveMs <= DECISION_TARGET_MS },
      },
    };
  } else {
    result.wizard = { skipped: `no Chromium at ${chromiumPath}` };
  }
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    const { engine, sensitivity, targets } = result;
    const mark = (met) => (met ? 'met' : 'NOT MET');
    console.log('Stratum engine benchmark (medians; p99 in brackets)');
    console.log('One evaluation: encode answers, fire every rule, score, exclude, rank every decision, applicability.');
    for (const [name, r] of Object.entries(engine.packs)) {
      console.log(`\n${name} pack: ${r.rules} rules over ${r.factors} factors, one full evaluation`);
      console.log(`  (a) Stratum engine     ${r.engine.medianUs.toFixed(2)} µs  [${r.engine.p99Us.toFixed(2)} µs]`);
      console.log(`  (b) json-rules-engine  ${r.jsonRulesEngine.medianUs.toFixed(2)} µs  [${r.jsonRulesEngine.p99Us.toFixed(2)} µs]`);
      console.log(`  (c) hand-written rules ${r.handWritten.medianUs.toFixed(2)} µs  [${r.handWritten.p99Us.toFixed(2)} µs]`);
      console.log(`  a/c ${r.ratioToBaseline}x, b/a ${r.speedupVsJsonRulesEngine}x; rules alone: engine ${r.rulesOnly.engine.medianUs.toFixed(3)} µs vs hand-written ${r.rulesOnly.handWritten.medianUs.toFixed(3)} µs (${r.rulesOnly.ratioToBaseline}x)`);
      console.log(`  evaluate() with the full explanation ${r.explainedEvaluation.medianUs.toFixed(2)} µs [${r.explainedEvaluation.p99Us.toFixed(2)} µs]; with flip points + 2,000 Monte Carlo samples ${r.explainedWithSensitivity.medianUs.toFixed(1)} µs`);
    }
    const rm = result.roadmap;
    console.log(`\nA workshop with ${rm.useCases} use cases (default pack), scored and ranked: every use case, the organisation, every portfolio`);
    console.log(`  (a) Stratum engine     ${rm.engine.medianUs.toFixed(2)} µs  [${rm.engine.p99Us.toFixed(2)} µs]`);
    console.log(`  (c) hand-written rules ${rm.handWritten.medianUs.toFixed(2)} µs  [${rm.handWritten.p99Us.toFixed(2)} µs]`);
    console.log(`  a/c ${rm.ratioToBaseline}x; evaluate() with the full explanation ${rm.explainedEvaluation.medianUs.toFixed(1)} µs [${rm.explainedEvaluation.p99Us.toFixed(1)} µs], with the cost model ${rm.explainedWithCostModel.medianUs.toFixed(1)} µs`);
    console.log(`\nSensitivity (${sensitivity.useCases} use cases, ${sensitivity.openQuestions} questions open): 10,000 Monte Carlo samples + all flip points ${sensitivity.monteCarlo10kMs} ms [p99 ${sensitivity.p99Ms} ms]; flip points alone ${sensitivity.flipPointsOnlyUs} µs`);
    const st = result.storage;
    console.log(`\nSQLite with ${st.workshops} workshops: create ${st.createEachMs} ms each; save a workshop's state ${st.saveStateMs.medianMs} ms [p99 ${st.saveStateMs.p99Ms}]; rename ${st.renameMs.medianMs} ms; list all ${st.listAllMs.medianMs} ms [p99 ${st.listAllMs.p99Ms}]`);
    const ex = result.exports;
    console.log(`Exports (from the saved state, median ms): ${Object.entries(ex).map(([k, v]) => `${k} ${v.medianMs ?? v.skipped}`).join(', ')}`);
    const b = result.bundle;
    console.log(`Renderer bundle: ${b.rawKb} KB, ${b.gzipKb} KB gzip; the first screen loads ${b.initialJsGzipKb} KB of JavaScript gzip (target ≤ ${b.initialJsTarget.kb}: ${mark(b.initialJsTarget.met)})`);
    console.log(`  chunks: ${b.chunks.map((c) => `${c.name.replace(/-[\w-]{8}\./, '.')} ${c.gzipKb} KB${c.initial ? ' (first screen)' : ''}`).join(', ')}`);
    const w = result.wizard;
    if (w.firstScreen !== undefined) {
      const { list, blank, react, firstNavigationMs } = w.firstScreen;
      console.log(`In Chromium, the page's own clock, cold in a fresh context (median of ${list.runs}): navigation to an interactive workshop list ${list.medianMs} ms [${list.minMs}–${list.maxMs}] (target ≤ ${w.targets.listMs.target}: ${mark(w.targets.listMs.met)}; ` +
        `loaded in turn with it and the host's headers, a page whose script writes one link ${blank.medianMs} ms [${blank.minMs}–${blank.maxMs}], and one where React renders one link ${react.medianMs} ms [${react.minMs}–${react.maxMs}]; the browser's first navigation, not counted, ${firstNavigationMs} ms); ` +
        `from opening a decision to its page ${w.decisionInteractiveMs} ms (target ≤ ${w.targets.decisionPageMs.target}: ${mark(w.targets.decisionPageMs.met)})`);
    }
    const d = result.diagram;
    console.log(`\nStack diagram: layout of ${d.components} components ${d.layoutMs} ms [p99 ${d.layoutP99Ms} ms], SVG ${d.svgMs} ms [p99 ${d.svgP99Ms} ms]`);
    if (result.wizard.sliderDragMs) {
      const f = result.wizard.sliderDragMs;
      const g = result.wizard.pageFollowsMs;
      console.log(`\nWizard (Chromium, decision page, what-if slider), over ${f.steps} steps: the slider, its number and the what-if note re-rendered and laid out median ${f.medianMs} ms, p95 ${f.p95Ms} ms, max ${f.maxMs} ms; one 60 fps frame is ${f.frameBudgetMs} ms`);
      const c = result.wizard.continuousDrag;
      console.log(`  moved one step every frame for ${c.frames} frames: ${c.dropped} frames dropped (longest gap between frames ${c.maxGapMs} ms, p95 ${c.p95GapMs} ms); the page behind it caught up ${c.pageUpdates} times`);
      console.log(`  within a frame (the step at p95, and no frame dropped): ${result.wizard.withinFrame ? 'yes' : 'NO'}`);
      console.log(`  a step with the page left to catch up: the rest of the page (evaluation, ranking, chart) follows between frames in median ${g.medianMs} ms, p95 ${g.p95Ms} ms, max ${g.maxMs} ms`);
    } else {
      console.log(`\nWizard: skipped (${result.wizard.skipped})`);
    }
    console.log(`\nTargets: ratio to hand-written ${engine.ratioToBaseline}x ≤ 2 ${mark(targets.ratioToBaseline.met)}; ` +
      `10 use cases ${rm.ratioToBaseline}x ≤ 2 ${mark(targets.roadmapRatioToBaseline.met)}; ` +
      `speedup vs json-rules-engine ${engine.speedupVsJsonRulesEngine}x ≥ 150 ${mark(targets.speedupVsJsonRulesEngine.met)}; ` +
      `sensitivity ${sensitivity.monteCarlo10kMs} ms < 50 ${mark(targets.monteCarlo10kMs.met)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
