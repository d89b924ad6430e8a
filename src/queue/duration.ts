import { UsageError } from '../errors.js';

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90s`, `15m`, `24h`, `7d` or a number of seconds, as whole seconds; at least one second. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec(text.trim());
  const seconds = match ? Math.round(Number(match[1]) * (units[match[2] || 's'] ?? 1)) : NaN;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 365 * 86_400) {
    throw new UsageError(`${flag} takes a duration such as 90s, 15m, 24h or 7d (at most a year), not ${text}`);
  }
  return seconds;
}

/** A whole number of at least 1, for counts given as flags. */
export function parseCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 10_000)
    throw new UsageError(`${flag} takes a whole number from 1 to 10000, not ${text}`);
  return value;
}
