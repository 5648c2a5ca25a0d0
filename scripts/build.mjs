// Builds the whole app into out/: the renderer with Vite, main/preload/host/cli with esbuild.
// `--if-stale` skips the build when out/ is newer than every source file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out');
const stampFile = path.join(outDir, '.build-stamp');
const SOURCE_DIRS = ['shared', 'electron', 'renderer'];
const SOURCE_FILES = ['package.json', 'vite.config.ts', 'scripts/build.mjs'];

function newestMtime(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function isStale() {
  const built = fs.statSync(stampFile, { throwIfNoEntry: false });
  if (!built) return true;
  const newest = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p))));
  return newest > built.mtimeMs;
}

export async function build({ quiet = false } = {}) {
  const started = Date.now();
  const { build: viteBuild } = await import('vite');
  const esbuild = await import('esbuild');
  fs.rmSync(outDir, { recursive: true, force: true });
  // Progress goes to stderr so that scripts chained after a build (bench --json) keep a clean stdout.
  const log = console.log;
  console.log = console.error;
  try {
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  } finally {
    console.log = log;
  }
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Native and runtime-provided modules are loaded at run time, not bundled.
    external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(outDir, 'main/index.cjs') }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'electron/preload/index.ts')], outfile: path.join(outDir, 'preload/index.cjs') }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'electron/host/index.ts')], outfile: path.join(outDir, 'host/index.cjs') }),
    fs.existsSync(path.join(root, 'electron/cli/index.ts'))
      ? esbuild.build({ ...common, entryPoints: [path.join(root, 'electron/cli/index.ts')], outfile: path.join(outDir, 'cli/stratum.cjs') })
      : Promise.resolve(),
  ]);
  fs.writeFileSync(stampFile, new Date().toISOString() + '\n');
  if (!quiet) console.error(`Built Stratum into out/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) {
    console.error('out/ is up to date.');
  } else {
    build().catch((err) => {
      console.error(err);
      process.exit(1);
    });
  }
}
