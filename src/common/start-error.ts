/**
 * A reason Klaxon cannot start, with what to do about it. main.ts prints any
 * start failure as one line, `Klaxon failed to start: <cause>. Fix: <fix>`,
 * without a stack trace (the stack goes to the debug log).
 */
export class StartError extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. Fix: ${fix}`);
    this.name = 'StartError';
  }
}

type Errno = Error & { code?: string; address?: string; port?: number; syscall?: string; hostname?: string };

/** The one line printed for a start failure: a StartError as written, the common system and database errors explained. */
export function describeStartFailure(e: unknown, where: { port?: number; usesDatabaseUrl: boolean }): string {
  return explain(e, where).replace(/\s*\n\s*/g, ' ');
}

function explain(e: unknown, where: { port?: number; usesDatabaseUrl: boolean }): string {
  if (e instanceof StartError) return e.message;
  const err = (e instanceof Error ? e : new Error(String(e))) as Errno;
  const db = where.usesDatabaseUrl ? 'the database at DATABASE_URL' : 'the embedded PostgreSQL';
  const dbFix = where.usesDatabaseUrl
    ? 'check DATABASE_URL (host, port, user, password, database name) and that the server is running'
    : 'the embedded server stopped: see the lines above, or set DATABASE_URL to a PostgreSQL server of your own';
  switch (err.code) {
    case 'EADDRINUSE':
      return `port ${err.port ?? where.port} is already in use. Fix: stop the other process on that port, or set PORT to a free one`;
    case 'EACCES':
      if (err.syscall === 'listen')
        return `not allowed to listen on port ${err.port ?? where.port}. Fix: set PORT to 1024 or above, or grant the permission to bind low ports`;
      return `permission denied: ${err.message}. Fix: give the user running Klaxon access to that path`;
    case 'EADDRNOTAVAIL':
      return `HOST ${err.address ?? ''} is not an address of this machine. Fix: set HOST to one of its addresses, or 0.0.0.0`;
    case 'ECONNREFUSED':
      return `${db} refused the connection (${err.address ?? ''}:${err.port ?? ''}). Fix: ${dbFix}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the database host ${err.hostname ?? ''} could not be resolved. Fix: check the host name in DATABASE_URL`;
    case 'ETIMEDOUT':
      return `${db} did not answer in time. Fix: ${dbFix}`;
    case '28P01':
    case '28000':
      return `${db} refused the credentials (${err.message}). Fix: ${dbFix}`;
    case '3D000':
      return `${err.message}. Fix: create that database (createdb) or point DATABASE_URL at an existing one`;
    case '42501':
      return `the database user lacks a privilege Klaxon needs (${err.message}). Fix: give it ownership of the database, or use one that has it`;
    default:
      return `${err.message || err.name}. Fix: run again with LOG_LEVEL=debug for the full error; report it if the cause is not clear`;
  }
}
