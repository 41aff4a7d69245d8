import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from './embedded-postgres';

/**
 * freePort gives a port below the kernel's range for outgoing connections'
 * local ports, so that no client of the machine can be handed it between the
 * pick and the server's bind (a test once failed on EADDRINUSE that way).
 */
describe('freePort', () => {
  const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);

  it('picks free ports below the ephemeral range, which a server can then listen on', async () => {
    for (let i = 0; i < 20; i++) {
      const port = await freePort();
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(low);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
