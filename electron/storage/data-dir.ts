import path from 'node:path';

export const APP_DIR_NAME = 'Stratum';
export const DATABASE_FILE_NAME = 'stratum.db';

export interface DataDirSources {
  /** The value of a `--data-dir` flag, if given. */
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

export interface ResolvedDataDir {
  dir: string;
  source: '--data-dir' | 'STRATUM_DATA_DIR' | 'user-data';
}

/**
 * Where Stratum keeps its database: `--data-dir`, else STRATUM_DATA_DIR, else the OS user-data
 * folder Electron would use for an app named Stratum (so the desktop window and browser mode share it).
 */
export function resolveDataDir(src: DataDirSources): ResolvedDataDir {
  if (src.flag) return { dir: path.resolve(src.flag), source: '--data-dir' };
  const fromEnv = src.env['STRATUM_DATA_DIR'];
  if (fromEnv) return { dir: path.resolve(fromEnv), source: 'STRATUM_DATA_DIR' };
  return { dir: path.join(userDataRoot(src), APP_DIR_NAME), source: 'user-data' };
}

function userDataRoot({ env, platform, home }: DataDirSources): string {
  if (platform === 'win32') return env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env['XDG_CONFIG_HOME'] || path.join(home, '.config');
}

/** The command-line flag naming the data folder: `--data-dir DIR` or `--data-dir=DIR`. */
export const DATA_DIR_FLAG = '--data-dir';

/** Reads `--data-dir DIR` or `--data-dir=DIR` from a command line. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === DATA_DIR_FLAG) return argv[i + 1];
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return arg.slice(DATA_DIR_FLAG.length + 1);
  }
  return undefined;
}
