// Entry of the `stratum` command (bundled to out/cli/stratum.cjs; bin/stratum.cjs runs it).
import { EXIT_BUG } from './cli-io';
import { nodeIo } from './node-io';
import { runCli } from './run-cli';

function bug(error: unknown): void {
  // Only bugs reach here: user mistakes are reported by runCli with exit code 2.
  const detail = error instanceof Error ? (process.env['STRATUM_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`stratum: internal error (a bug in Stratum, please report it): ${detail}\n`);
  process.exitCode = EXIT_BUG;
}

// A reader that stops early (`stratum diagram ... --out - | head`) closes the pipe: stop quietly, not as a bug.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  else bug(error);
});

try {
  Promise.resolve(runCli(process.argv.slice(2), nodeIo())).then((code) => (process.exitCode = code), bug);
} catch (error) {
  bug(error);
}
