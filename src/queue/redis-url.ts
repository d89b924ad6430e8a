import { UsageError } from '../errors.js';

export interface RedisTarget {
  /** As given, for the connection. */
  readonly url: string;
  /** For messages: the password, if any, replaced by `***`. */
  readonly shown: string;
}

/**
 * `--redis URL`: `redis://[user:password@]host[:port][/db]` or `rediss://` for TLS. Parsed,
 * never pattern-matched; anything else is a usage error before any connection is tried.
 */
export function parseRedisUrl(text: string | undefined): RedisTarget {
  if (text === undefined || text === '')
    throw new UsageError(
      '--redis is required: the Redis server the queue lives on, for example --redis redis://127.0.0.1:6379',
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--redis takes a URL such as redis://127.0.0.1:6379, not ${text}`);
  }
  const shown = redact(url);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new UsageError(`--redis takes a redis:// or rediss:// URL, not ${shown}`);
  if (url.hostname === '') throw new UsageError(`--redis names no host: ${shown}`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db))
    throw new UsageError(`--redis: the path of the URL is a database number (0 to 15), not /${db}`);
  return { url: text, shown };
}

function redact(url: URL): string {
  if (url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href;
}
