#!/usr/bin/env node
// The `stratum` command: runs the built CLI, building the app first when out/ is missing.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'out', 'cli', 'stratum.cjs');
if (!fs.existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0 || !fs.existsSync(cli)) {
    console.error('stratum: the command-line tool is not built; run `npm run build` in the Stratum folder.');
    process.exit(1);
  }
}
require(cli);
