// `npm start`: builds when needed, then opens the desktop window when Electron can run here,
// otherwise serves the same app in browser mode on 127.0.0.1 and says why.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, isStale } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Stratum needs Node 22 or newer (this is ${process.version}). Run it with \`npm start\`, which uses the Node 22 that \`npm install\` puts in node_modules.`);
  process.exit(2);
}

/** The Electron executable, downloading it once (Electron's own installer) when it is missing. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const located = () => {
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(exe) ? exe : null;
  };
  let exe = located();
  if (!exe) {
    console.log('Fetching the Electron runtime (first start only)…');
    const install = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
    exe = install.status === 0 ? located() : null;
    if (!exe) return { ok: false, reason: 'the Electron runtime is not installed and could not be downloaded (no network?)' };
  }
  return { ok: true, exe };
}

function chooseMode() {
  if (args.includes('--browser') || process.env.STRATUM_BROWSER === '1') return { mode: 'browser', reason: 'asked for with --browser' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { mode: 'browser', reason: 'there is no graphical display (DISPLAY is not set)' };
  }
  const electron = electronBinary();
  if (!electron.ok) return { mode: 'browser', reason: electron.reason };
  return { mode: 'electron', exe: electron.exe };
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

async function main() {
  if (isStale()) await build({ quiet: true });
  const passThrough = args.filter((a) => a !== '--browser');
  const choice = chooseMode();
  if (choice.mode === 'electron') {
    const started = Date.now();
    const code = await run(choice.exe, [path.join(root, 'out', 'main', 'index.cjs'), ...passThrough]);
    // Electron that dies at once (missing system libraries, say) falls back to browser mode.
    if (code === 0 || Date.now() - started > 10_000) return code;
    return run(process.execPath, [path.join(root, 'out', 'host', 'index.cjs'), ...passThrough, '--reason', `the desktop window could not start (Electron exited with code ${code})`]);
  }
  return run(process.execPath, [path.join(root, 'out', 'host', 'index.cjs'), ...passThrough, '--reason', choice.reason]);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
