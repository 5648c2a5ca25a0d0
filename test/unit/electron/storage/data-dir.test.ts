import { describe, expect, it } from 'vitest';
import { dataDirFlag, resolveDataDir } from '../../../../electron/storage';
import { parseHostArgs } from '../../../../electron/host/args';

describe('data folder', () => {
  const base = { env: {}, platform: 'linux' as const, home: '/home/ana' };

  it('uses the OS user-data folder Electron would use', () => {
    expect(resolveDataDir(base)).toEqual({ dir: '/home/ana/.config/Stratum', source: 'user-data' });
    expect(resolveDataDir({ ...base, env: { XDG_CONFIG_HOME: '/cfg' } }).dir).toBe('/cfg/Stratum');
    expect(resolveDataDir({ ...base, platform: 'darwin' }).dir).toBe('/home/ana/Library/Application Support/Stratum');
    expect(resolveDataDir({ ...base, platform: 'win32', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' } }).dir).toContain('Stratum');
  });

  it('lets STRATUM_DATA_DIR and then --data-dir override it', () => {
    expect(resolveDataDir({ ...base, env: { STRATUM_DATA_DIR: '/data/s' } })).toEqual({ dir: '/data/s', source: 'STRATUM_DATA_DIR' });
    expect(resolveDataDir({ ...base, flag: '/flag', env: { STRATUM_DATA_DIR: '/data/s' } })).toEqual({ dir: '/flag', source: '--data-dir' });
    expect(dataDirFlag(['--data-dir', '/x'])).toBe('/x');
    expect(dataDirFlag(['--data-dir=/y'])).toBe('/y');
    expect(dataDirFlag(['--port', '3'])).toBeUndefined();
  });
});

describe('host command line', () => {
  it('reads port, data folder and no-open', () => {
    expect(parseHostArgs(['--port', '8123', '--data-dir', '/d', '--no-open'], {})).toEqual({
      ok: true,
      value: { port: 8123, dataDir: '/d', openBrowser: false, reason: undefined, help: false },
    });
    expect(parseHostArgs([], { STRATUM_PORT: '9000', CI: 'true' })).toMatchObject({ ok: true, value: { port: 9000, openBrowser: false } });
  });

  it('names the option and what is allowed on a mistake', () => {
    expect(parseHostArgs(['--port', 'abc'], {})).toEqual({
      ok: false,
      message: '--port must be a whole number from 0 to 65535 (0 picks a free port); got "abc".',
    });
    expect(parseHostArgs(['--port', '70000'], {})).toMatchObject({ ok: false });
    expect(parseHostArgs(['--verbose'], {})).toEqual({ ok: false, message: 'Unknown option --verbose. Options: --data-dir DIR, --port N, --no-open, --help.' });
  });
});
