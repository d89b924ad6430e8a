import { UsageError } from '../errors.js';

/** `watch --debounce <ms>`: a number of milliseconds, 0 or more. */
export function parseDebounce(text: string): number {
  const ms = Number(text);
  if (text.trim() === '' || !(ms >= 0) || !Number.isFinite(ms))
    throw new UsageError(`--debounce takes milliseconds, not ${text}`);
  return ms;
}

/** `watch --port <n>`: a TCP port, or 0 for any free one. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number (0 to 65535), not ${text}`);
  return port;
}
