import { createHash } from 'node:crypto';
import * as z from 'zod';
import { shippedLanguages } from '../i18n/languages.js';
import { limits } from '../limits.js';
import { pageSizes } from '../schema/report-schema.js';

/**
 * A queued report: every file its build reads, by path inside the project, and the settings
 * given to `queue add`. A worker lays the files out in a folder of its own and builds from
 * there, so it never reads the submitter's disk and two machines build the same bytes.
 */

/** A spec, profile or template, as a path inside the project: `data/profiles/ada.yaml`. */
function isProjectPath(text: string): boolean {
  if (text.length === 0 || text.length > 1024 || text.includes('\\') || text.includes('\0')) return false;
  return text.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && part.length <= 255);
}

const projectPath = z
  .string()
  .refine(isProjectPath, 'a relative path inside the project, with no empty, `.` or `..` part');

/** The flags of `queue add` that change what a build writes (the spec decides the rest). */
const buildSettingsSchema = z.strictObject({
  formats: z
    .array(z.enum(['html', 'pdf']))
    .min(1)
    .max(2),
  page: z.enum(pageSizes).optional(),
  language: z.enum(shippedLanguages).optional(),
  strict: z.boolean(),
  timeoutMs: z.int().min(1).max(3_600_000),
});

export type BuildSettings = z.infer<typeof buildSettingsSchema>;

/** A spec, its people and their portraits, a template folder and its messages file. */
const maxFiles = 1 + limits.people * 2 + limits.templateFiles + 1;
/** Base64 carries 3 bytes in 4 characters. */
const maxEncodedChars = Math.ceil(limits.jobInputBytes / 3) * 4;

export const jobPayloadSchema = z.strictObject({
  /** The shape of this payload; a worker refuses one it does not know. */
  format: z.literal(1),
  /** The profile-report version that packed it: workers build only their own version's jobs. */
  tool: z.string().min(1).max(100),
  /** The report spec, one of `files`. */
  spec: projectPath,
  settings: buildSettingsSchema,
  /** Path inside the project to the file's bytes, base64; sorted by path. */
  files: z
    .record(projectPath, z.base64())
    .refine((files) => Object.keys(files).length <= maxFiles, `at most ${maxFiles} files`)
    .refine(
      (files) => Object.values(files).reduce((sum, b64) => sum + b64.length, 0) <= maxEncodedChars,
      `at most ${limits.jobInputBytes} bytes of files`,
    ),
});

export type JobPayload = z.infer<typeof jobPayloadSchema>;

/**
 * A job's id: the SHA-256 of everything its build reads and the tool's version, so the same
 * report added twice, from anywhere, is one job and is built once. The payload is made with
 * its keys in one order and its files sorted, so equal inputs give equal text.
 */
export function jobId(payload: JobPayload): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

/** A payload with its parts in the one order the id is taken over. */
export function makePayload(
  tool: string,
  spec: string,
  settings: BuildSettings,
  files: ReadonlyMap<string, Uint8Array>,
): JobPayload {
  const sorted = [...files.keys()].sort();
  return {
    format: 1,
    tool,
    spec,
    settings: {
      formats: [...settings.formats].sort(),
      ...(settings.page ? { page: settings.page } : {}),
      ...(settings.language ? { language: settings.language } : {}),
      strict: settings.strict,
      timeoutMs: settings.timeoutMs,
    },
    files: Object.fromEntries(sorted.map((name) => [name, Buffer.from(files.get(name)!).toString('base64')])),
  };
}
