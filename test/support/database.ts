import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A database of the test file's own, cloned from the migrated template that the
 * global setup prepared: files run in parallel and never see each other's rows.
 */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.KLAXON_TEST_ADMIN_URL;
  if (!url) throw new Error('KLAXON_TEST_ADMIN_URL is not set: run database tests through jest (the db project).');
  return url;
}

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.KLAXON_TEST_TEMPLATE!;
  const name = `${template}_f${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (e) {
        // Two clones starting at the same instant can collide on the template's lock.
        if (attempt < 20 && /being accessed by other users/.test(String(e))) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw e;
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(name),
    name,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
