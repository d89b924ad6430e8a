import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { UsageError, firstLine } from '../errors.js';
import type { RedisTarget } from './redis-url.js';

/** The connection settings a `--redis` URL stands for, for ioredis and BullMQ alike. */
export function redisOptions(target: RedisTarget): RedisOptions {
  const url = new URL(target.url);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db: db === '' ? 0 : Number(db),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    connectTimeout: 5000,
  };
}

/** Why Redis could not be reached, in plain words. */
export function describeRedisError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: is redis-server running there?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such host';
    case 'ETIMEDOUT':
      return 'no answer (timed out)';
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host cannot be reached';
    default:
      if (/WRONGPASS|NOAUTH|invalid username-password/i.test(message)) return 'Redis refused the user name or password';
      return firstLine(message);
  }
}

/** The first connection failed: the command says so in one line and exits 2, as for a wrong --redis. */
export class RedisUnreachableError extends UsageError {
  override readonly name: string = 'RedisUnreachableError';
}

export interface ClientConnectionOptions {
  /**
   * Once connected, ride out an outage (reconnecting, commands held until Redis is back), as
   * `queue wait` does through a long run; otherwise a lost connection fails the command.
   */
  readonly survive: boolean;
  /** Told when the connection is lost, and when it is back. */
  readonly onLost?: (reason: string) => void;
  readonly onBack?: () => void;
}

/**
 * A connection for the client commands. The first connection is tried once: a wrong URL or a
 * server that is not there is the user's to fix now (RedisUnreachableError), not something to
 * retry in silence.
 */
export async function connectClient(target: RedisTarget, options: ClientConnectionOptions): Promise<Redis> {
  let connected = false;
  let lost = false;
  let lastError: unknown;
  const redis = new Redis({
    ...redisOptions(target),
    lazyConnect: true,
    maxRetriesPerRequest: options.survive ? null : 1,
    retryStrategy: (times) => (connected && options.survive ? Math.min(times * 250, 2000) : null),
  });
  redis.on('error', (error: unknown) => {
    lastError = error;
    if (connected && !lost) {
      lost = true;
      options.onLost?.(describeRedisError(error));
    }
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.onBack?.();
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new RedisUnreachableError(
      `cannot reach Redis at ${target.shown}: ${describeRedisError(lastError ?? error)}`,
      { cause: error },
    );
  }
  connected = true;
  return redis;
}
