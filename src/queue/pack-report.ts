import path from 'node:path';
import { UserError, ValidationError } from '../errors.js';
import { formatBytes, limits } from '../limits.js';
import { loadInputs } from '../load/load-inputs.js';
import type { LoadedInputs } from '../load/load-inputs.js';
import { readInputFile } from '../load/read-input-file.js';
import { ValidationCache } from '../load/validation-cache.js';
import type { FileReader } from '../load/read-input-file.js';
import { isInside } from '../load/real-path.js';
import { displayPath } from '../load/resolve-inside.js';
import { resolveBuild } from '../resolve-build.js';
import { readTemplateSet } from '../render/template-set.js';
import { jobId, makePayload } from './job-payload.js';
import type { BuildSettings, JobPayload } from './job-payload.js';

export interface PackedReport {
  /** The spec as the user sees it: relative to the folder `queue add` runs in. */
  readonly label: string;
  readonly id: string;
  readonly payload: JobPayload;
  /** All the files together, in bytes (before base64). */
  readonly bytes: number;
}

/**
 * Packs everything a build of `spec` reads into a job. The spec and profiles are read by the
 * build's own loader, with its limits and confinement (a recording reader keeps what it read),
 * and the template folder by the build's own template reader; so a file the build would refuse
 * (too big, a FIFO, a link out of the project) is refused here, with the same message, before
 * anything is queued. The contents are not judged here: a spec or profile with problems is
 * queued, and its job fails at once with those problems, as `build` would print them.
 * Throws ValidationError (a file that cannot be read) or UserError (templates, size bound).
 * `validation`: shared by the reports of one `queue add`, which often name the same profiles,
 * so each profile is parsed and checked once, as in a local batch.
 */
export async function packReport(
  spec: string,
  settings: BuildSettings,
  cwd: string,
  tool: string,
  validation: ValidationCache = new ValidationCache(),
): Promise<PackedReport> {
  const specPath = path.resolve(cwd, spec);
  const label = displayPath(cwd, specPath);
  if (!isInside(cwd, specPath)) {
    throw new UserError(
      `${label} is outside this folder; run \`queue add\` from the project folder that holds the spec, since a job carries the project's files by their place in it`,
    );
  }
  const read = recordingReader(readInputFile);
  let inputs: LoadedInputs | undefined;
  try {
    inputs = await loadInputs({ cwd, spec, today: '1970-01-01' }, read.reader, validation);
  } catch (error) {
    // A file the build cannot read is said now; problems in what was read are the job's to report.
    if (!(error instanceof ValidationError) || read.failed.length > 0) throw error;
  }
  const files = new Map<string, Uint8Array>();
  const add = (absolute: string, bytes: Uint8Array): void => {
    if (!isInside(cwd, absolute))
      throw new UserError(
        `${label}: ${absolute} is outside this folder, so it cannot travel with the job; keep the report's files inside the project`,
      );
    files.set(path.relative(cwd, absolute).split(path.sep).join('/'), bytes);
  };
  for (const [absolute, bytes] of read.files) add(absolute, bytes);
  if (inputs) {
    // The build's own resolution: the same template folder (confined to the project, links
    // followed) and the same language the worker's build will use.
    const { templatesDir, language } = await resolveBuild(
      { cwd, spec, ...(settings.language ? { language: settings.language } : {}) },
      inputs,
    );
    if (templatesDir !== undefined)
      for (const [absolute, bytes] of await templateFiles(templatesDir, language)) add(absolute, bytes);
  }
  const bytes = [...files.values()].reduce((sum, b) => sum + b.length, 0);
  if (bytes > limits.jobInputBytes) {
    const largest = [...files].sort((a, b) => b[1].length - a[1].length).slice(0, 3);
    throw new UserError(
      `${label}: the report's files come to ${formatBytes(bytes)} (${files.size} files; the largest ${largest.map(([name, b]) => `${name}, ${formatBytes(b.length)}`).join('; ')}); a queued report may carry at most ${formatBytes(limits.jobInputBytes)}`,
    );
  }
  const payload = makePayload(tool, path.relative(cwd, specPath).split(path.sep).join('/'), settings, files);
  return { label, id: jobId(payload), payload, bytes };
}

/** A reader that keeps the bytes of every file it read, and the paths it could not read. */
function recordingReader(inner: FileReader): { reader: FileReader; files: Map<string, Uint8Array>; failed: string[] } {
  const files = new Map<string, Uint8Array>();
  const failed: string[] = [];
  const reader: FileReader = async (file, maxBytes, within) => {
    const result = await inner(file, maxBytes, within);
    if (result.ok) files.set(path.resolve(file), result.bytes);
    else failed.push(file);
    return result;
  };
  return { reader, files, failed };
}

/**
 * The spec's template folder as a build reads it (resolveBuild confined it to the project),
 * by the build's template reader with its limits; plus the folder's messages for the report's
 * language, if it has them.
 */
async function templateFiles(templatesDir: string, language: string): Promise<Map<string, Uint8Array>> {
  const set = await readTemplateSet(templatesDir);
  const files = new Map<string, Uint8Array>();
  for (const file of set.userFiles.values()) files.set(file.path, Buffer.from(file.text, 'utf8'));
  // The catalogue is a file of the folder: read with it, under the same confinement and caps.
  const catalogue = set.catalogues.get(language);
  if (catalogue) files.set(catalogue.path, Buffer.from(catalogue.text, 'utf8'));
  return files;
}
