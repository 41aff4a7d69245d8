import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';
import { lockMigrations } from './server-statements.repository';

/**
 * Applies pending migrations (each in its own transaction) and returns their
 * names. Instances starting at the same time take turns under a session-level
 * advisory lock: the first applies the migrations, the others then find none
 * pending (without the lock both would run the same migration and one would
 * fail on an object that already exists). The lock is released when the
 * session ends, so a process killed mid-way does not leave it held.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lockMigrations(lock);
    const ds = new DataSource({ ...databaseOptions(url, 2), entities: [] });
    await ds.initialize();
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.end();
  }
}

/** CLI: `node -r ts-node/register/transpile-only src/database/run-migrations.ts <url>` (used by the test setup). */
if (require.main === module) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: run-migrations <database-url>');
    process.exit(2);
  }
  runMigrations(url).then(
    (names) => {
      console.log(JSON.stringify({ msg: 'migrations applied', migrations: names }));
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
