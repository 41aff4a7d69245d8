import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * The smallest load balancer: each incoming TCP connection is piped to the next
 * backend in turn (HAProxy `mode tcp`, `balance roundrobin`). With keep-alive
 * clients, connections (not requests) are spread, which is what a real L4
 * balancer in front of stateless replicas does.
 */
export class TcpRoundRobin {
  private next = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly backends: { host: string; port: number }[]) {
    this.server = net.createServer((client) => {
      const target = this.backends[this.next++ % this.backends.length];
      const upstream = net.connect(target.port, target.host);
      client.setNoDelay(true);
      upstream.setNoDelay(true);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
