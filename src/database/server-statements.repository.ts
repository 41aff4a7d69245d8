import type { Client } from 'pg';

/**
 * The statements Klaxon runs on the server itself rather than on its
 * tables: creating the database of a fresh embedded server, and the lock
 * that makes instances starting together take turns at the migrations.
 * Owns no table.
 */

/** Advisory-lock id serialising migrations among instances that start together. */
export const MIGRATION_LOCK = 0x6b6c78_02;

/** Creates the database `klaxon` on a server (the caller is connected to another one) unless it exists. */
export async function ensureKlaxonDatabase(admin: Client): Promise<void> {
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'klaxon'`);
  if (!rowCount) await admin.query('CREATE DATABASE klaxon');
}

/** Waits for the migration lock; it is held until the session ends, so a process killed mid-way does not leave it held. */
export async function lockMigrations(session: Client): Promise<void> {
  await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
}
