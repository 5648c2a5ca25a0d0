// Entry of the `stratum` command (bundled to out/cli/stratum.cjs; bin/stratum.cjs runs it).
import { EXIT_BUG } from './cli-io';
import { nodeIo } from './node-io';
import { runCli } from './run-cli';

try {
  process.exitCode = runCli(process.argv.slice(2), nodeIo());
} catch (error) {
  // Only bugs reach here: user mistakes are reported by runCli with exit code 2.
  const detail = error instanceof Error ? (process.env['STRATUM_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`stratum: internal error (a bug in Stratum, please report it): ${detail}\n`);
  process.exitCode = EXIT_BUG;
}
