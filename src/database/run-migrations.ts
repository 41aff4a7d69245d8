import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';

/** Applies pending migrations (each in its own transaction) and returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...databaseOptions(url, 2), entities: [] });
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
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
