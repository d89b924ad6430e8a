import { readFileSync } from 'node:fs';

/**
 * The version of profile-report that is running, read from its own package.json (beside
 * src/ and dist/ alike). Part of every job's id and of the queue's name: a report queued by
 * one version is built only by workers of that same version, so its bytes are the ones a local
 * build with that version would write.
 */
export const toolVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The BullMQ queue a version's clients and workers share (BullMQ forbids `:` in the name). */
export function queueName(version: string = toolVersion): string {
  return `profile-report-${version}`;
}
