import { dataDirFlag } from '../storage';

export interface HostArgs {
  dataDir: string | undefined;
  port: number;
  openBrowser: boolean;
  /** Why the launcher chose browser mode, shown to the person. */
  reason: string | undefined;
  help: boolean;
}

export type ParsedHostArgs = { ok: true; value: HostArgs } | { ok: false; message: string };

function valueOf(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

const KNOWN = new Set(['--data-dir', '--port', '--no-open', '--reason', '--help', '-h']);

/** Reads the browser-mode host's command line; a mistake is named, with what is allowed. */
export function parseHostArgs(argv: readonly string[], env: Record<string, string | undefined>): ParsedHostArgs {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.split('=')[0] ?? arg;
    if (!KNOWN.has(name)) return { ok: false, message: `Unknown option ${arg}. Options: --data-dir DIR, --port N, --no-open, --help.` };
    if ((name === '--data-dir' || name === '--port' || name === '--reason') && !arg.includes('=')) i++;
  }
  const portText = valueOf(argv, '--port') ?? env['STRATUM_PORT'] ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return { ok: false, message: `--port must be a whole number from 0 to 65535 (0 picks a free port); got "${portText}".` };
  }
  const dataDir = dataDirFlag(argv);
  if (argv.includes('--data-dir') && !dataDir) return { ok: false, message: '--data-dir needs a folder path.' };
  return {
    ok: true,
    value: {
      dataDir,
      port,
      openBrowser: !argv.includes('--no-open') && env['STRATUM_NO_OPEN'] !== '1' && env['CI'] !== 'true',
      reason: valueOf(argv, '--reason'),
      help: argv.includes('--help') || argv.includes('-h'),
    },
  };
}

export const HOST_HELP = `Usage: stratum-host [--data-dir DIR] [--port N] [--no-open]

Serves Stratum in your browser from this machine only (127.0.0.1).
  --data-dir DIR  where the database lives (default: STRATUM_DATA_DIR, else the OS user-data folder)
  --port N        port to listen on (default: a free one; also STRATUM_PORT)
  --no-open       do not open the default browser (also STRATUM_NO_OPEN=1)`;
