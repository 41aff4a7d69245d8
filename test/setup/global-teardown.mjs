import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const tpl = globalThis.__KLAXON_TEST_TEMPLATE__;
  const embedded = globalThis.__KLAXON_TEST_PG__;
  if (tpl && !embedded) {
    // On a shared server, drop what this run created; an embedded server is simply discarded.
    const admin = new pg.Client({ connectionString: tpl.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [tpl.template, `${tpl.template}_f%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
    // As root from a folder postgres cannot reach, the data was under /var/lib/klaxon (src/database/postgres-places.ts).
    rmSync(dirname(embedded.dataDir), { recursive: true, force: true });
  }
}
