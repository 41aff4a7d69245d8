import { describeStartFailure, StartError } from './start-error';

const errno = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe('describeStartFailure', () => {
  const embedded = { port: 8080, usesDatabaseUrl: false };
  const external = { port: 8080, usesDatabaseUrl: true };

  it('prints a StartError as written: its cause, then its fix', () => {
    expect(describeStartFailure(new StartError('the binaries are missing', 'run npm install'), embedded)).toBe('the binaries are missing. Fix: run npm install');
  });

  it('names the cause and the fix of the common failures, on one line', () => {
    const cases: [Error, typeof embedded, RegExp][] = [
      [errno('listen EADDRINUSE', { code: 'EADDRINUSE', port: 8080, syscall: 'listen' }), embedded, /^port 8080 is already in use\. Fix: .*set PORT/],
      [errno('listen EACCES', { code: 'EACCES', port: 80, syscall: 'listen' }), embedded, /^not allowed to listen on port 80\. Fix: set PORT/],
      [errno('connect ECONNREFUSED', { code: 'ECONNREFUSED', address: '10.0.0.5', port: 5432 }), external, /^the database at DATABASE_URL refused the connection \(10\.0\.0\.5:5432\)\. Fix: check DATABASE_URL/],
      [errno('password authentication failed for user "k"', { code: '28P01' }), external, /refused the credentials .*Fix: check DATABASE_URL/],
      [errno('database "nope" does not exist', { code: '3D000' }), external, /^database "nope" does not exist\. Fix: create that database/],
      [errno('getaddrinfo ENOTFOUND db', { code: 'ENOTFOUND', hostname: 'db' }), external, /^the database host db could not be resolved\. Fix: /],
      [new Error('something else'), embedded, /^something else\. Fix: run again with LOG_LEVEL=debug/],
    ];
    for (const [e, where, expected] of cases) {
      const line = describeStartFailure(e, where);
      expect(line).toMatch(expected);
      expect(line).not.toContain('\n');
      expect(line).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
    }
  });
});
