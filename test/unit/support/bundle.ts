// Bundles a TypeScript entry for Node as scripts/build.mjs does (native modules left external), for tests that
// run a real Stratum process: the CLI, the browser-mode host, the durability test's save loop.
import path from 'node:path';
import { build } from 'esbuild';

export const repositoryRoot = path.resolve(__dirname, '../../..');

/** Where the bundle's external modules resolve from: set NODE_PATH to this when spawning it. */
export const bundleNodePath = path.join(repositoryRoot, 'node_modules');

export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
  });
}
