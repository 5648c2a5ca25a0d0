// Builds the real CLI bundle as scripts/build.mjs does (native modules left external) into a temp folder,
// and spawns it with the repository's node_modules on NODE_PATH so those externals resolve.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleForNode, bundleNodePath, repositoryRoot } from '../../support/bundle';

export const root = repositoryRoot;

export interface BuiltCli {
  dir: string;
  /** The bundle; run it with NODE_PATH set to `nodePath`. */
  file: string;
  nodePath: string;
  run(args: readonly string[], options?: { input?: string; cwd?: string; env?: Record<string, string> }): SpawnSyncReturns<string>;
  /** The same, with standard output as bytes (PNG to a pipe). */
  runBinary(args: readonly string[], options?: { cwd?: string }): SpawnSyncReturns<Buffer>;
  remove(): void;
}

export async function buildCli(prefix = 'stratum-cli-'): Promise<BuiltCli> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cli = path.join(dir, 'stratum.cjs');
  await bundleForNode(path.join(root, 'electron/cli/index.ts'), cli);
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, NODE_PATH: bundleNodePath, ...extra });
  return {
    dir,
    file: cli,
    nodePath: bundleNodePath,
    run: (args, options = {}) => spawnSync(process.execPath, [cli, ...args], { input: options.input, encoding: 'utf8', cwd: options.cwd ?? root, env: env(options.env), timeout: 120_000 }),
    runBinary: (args, options = {}) => spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, env: env(), timeout: 120_000 }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
