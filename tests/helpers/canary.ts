import net from 'node:net';

/**
 * A listener on 127.0.0.1 that records every connection made to it: plain HTTP, TLS, anything.
 * Hostile profiles point at it; a report that renders safely never connects.
 */
export class Canary {
  readonly hits: string[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly server = net.createServer((socket) => {
    let first = '';
    socket.once('data', (d: Buffer) => {
      first = d.subarray(0, 80).toString('latin1').split('\r\n')[0] ?? '';
      this.record(first || '(connection)');
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
    });
    socket.on('error', () => undefined);
    // A connection that says nothing (a probe, a TLS client refused by our reply) still counts.
    setTimeout(() => {
      if (!first) this.record('(connection)');
      socket.destroy();
    }, 500).unref();
  });

  /** Resolves once `count` connections have been recorded; fails after `ms`, listing what came. */
  async hit(count: number, ms = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let check: () => void = () => undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        check = () => this.hits.length >= count && resolve();
        this.waiters.add(check);
        timer = setTimeout(
          () => reject(new Error(`${this.hits.length} of ${count} hits within ${ms} ms: ${this.hits.join(', ')}`)),
          ms,
        );
        check();
      });
    } finally {
      clearTimeout(timer);
      this.waiters.delete(check);
    }
  }

  private record(hit: string): void {
    this.hits.push(hit);
    for (const waiter of this.waiters) waiter();
  }

  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  get origin(): string {
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
