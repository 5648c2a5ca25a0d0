import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createHandlerDeps, seedExampleOnFirstRun } from '../handlers';
import { APP_NAME, APP_VERSION } from '../serve/app-facts';
import { DATABASE_FILE_NAME, openDatabase, resolveDataDir } from '../storage';
import { HOST_HELP, parseHostArgs } from './args';
import { openInDefaultBrowser } from './open-browser';
import { createRoomController } from '../room/controller';
import { startHost } from './server';
import { firstStopSignal } from './stop-signal';

async function main(): Promise<number> {
  const parsed = parseHostArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    return 2;
  }
  const args = parsed.value;
  if (args.help) {
    console.log(HOST_HELP);
    return 0;
  }
  const { dir } = resolveDataDir({ flag: args.dataDir, env: process.env, platform: process.platform, home: os.homedir() });
  const file = path.join(dir, DATABASE_FILE_NAME);
  const opened = openDatabase(file);
  if (!opened.ok) {
    console.error(opened.message);
    return 2;
  }
  // From here on a Ctrl-C closes the database first, however many times it arrives.
  const stop = firstStopSignal();
  if (opened.value.backupFile) console.log(`Upgraded the database; the previous version is kept at ${opened.value.backupFile}`);
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const room = createRoomController({ rendererDir });
  const deps = createHandlerDeps(opened.value, { name: APP_NAME, version: APP_VERSION, transport: 'browser', platform: process.platform }, { room });
  seedExampleOnFirstRun(deps);

  const token = randomBytes(24).toString('base64url');
  let host;
  try {
    host = await startHost({ deps, token, rendererDir }, args.port);
  } catch (err) {
    opened.value.db.close();
    const code = (err as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Port ${args.port} is already in use; try --port 0 for a free one.` : `Could not start: ${(err as Error).message}`);
    return 2;
  }
  const address = `${host.url}#token=${token}`;
  if (args.reason) console.log(`Browser mode: ${args.reason}`);
  console.log(`Stratum is running at ${address}  (data: ${file}; Ctrl-C to stop)`);
  if (args.openBrowser) openInDefaultBrowser(address);

  await stop.signalled;
  console.log('Stopping Stratum: closing the database…');
  await room.close();
  await host.close();
  opened.value.db.close();
  // The listeners stay until the process exits: a repeat of the signal arriving now must not kill it.
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Stratum stopped because of a bug:', err);
    process.exit(1);
  },
);
