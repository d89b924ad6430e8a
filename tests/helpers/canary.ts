import net from 'node:net';

/**
 * A listener on 127.0.0.1 that records every connection made to it: plain HTTP, TLS, anything.
 * Hostile profiles point at it; a report that renders safely never connects.
 */
export class Canary {
  readonly hits: string[] = [];
  private readonly server = net.createServer((socket) => {
    let first = '';
    socket.once('data', (d: Buffer) => {
      first = d.subarray(0, 80).toString('latin1').split('\r\n')[0] ?? '';
      this.hits.push(first || '(connection)');
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
    });
    socket.on('error', () => undefined);
    setTimeout(() => {
      if (!first) this.hits.push('(connection)');
      socket.destroy();
    }, 500).unref();
  });

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
