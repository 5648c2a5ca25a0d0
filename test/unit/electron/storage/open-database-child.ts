// The child process of database-edges.test.ts, bundled with esbuild and run under Node: opens the database the
// way the app does, optionally SIGKILLing itself inside one migration's transaction, and prints what
// openDatabase answered.
import { openDatabase } from '../../../../electron/storage/database';
import { MIGRATIONS, type Migration } from '../../../../electron/storage/migrations';

const [file, killAt] = process.argv.slice(2);
if (!file) throw new Error('usage: open-database-child <database file> [migration version to be killed in]');
const migrations = MIGRATIONS.map(
  (m): Migration =>
    m.version === Number(killAt)
      ? {
          ...m,
          up: (db) => {
            m.up(db);
            process.kill(process.pid, 'SIGKILL');
          },
        }
      : m,
);
const result = openDatabase(file, { migrations });
if (result.ok) result.value.db.close();
process.stdout.write(JSON.stringify(result.ok ? { ok: true } : { ok: false, message: result.message }));
