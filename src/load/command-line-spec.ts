import { createHash } from 'node:crypto';
import { slug } from '../derive/format.js';
import { reportSchema } from '../schema/report-schema.js';
import type { ReportSpec } from '../schema/report-schema.js';

/**
 * A report of profiles named on the command line is its own report: it takes the spec's
 * settings (page, build date, language, sections, output folder, templates) but not its
 * title, subtitle or metadata, which describe other people, nor its output name, so it never
 * overwrites the spec's report. One person makes a one-person profile report.
 */
export function commandLineSpec(spec: ReportSpec, names: readonly string[]): ReportSpec {
  const title = names.length === 1 ? `${names[0]}: a profile` : `${listNames(names)} compared`;
  const { subtitle: _subtitle, subject: _subject, ...rest } = spec;
  return { ...rest, title, keywords: [...names], output: { ...spec.output, name: outputName(names) } };
}

function listNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * `zeng-yan-luo-fuli` from the people's names: the output name must be ASCII (the spec's rule
 * for output.name), so a name with letters of another script, or a list cut short, also gets a
 * short hash of all the names (`zeng-yan-3f9a1c`, `comparison-8d02e4`): two different sets of
 * people never write the same files, and the same people always write the same ones.
 */
export function outputName(names: readonly string[]): string {
  const words = slug(names.join(' '), { fallback: '' });
  const short = slug(words, { fallback: '', max: 80 });
  const lossy =
    short !== words ||
    names.some((n) => /[^a-z0-9]/u.test(slug(n, { keep: 'letters', fallback: '' }).replace(/-/g, '')));
  if (!lossy && short !== '') return short;
  const hash = createHash('sha256')
    .update(names.map((n) => n.normalize('NFC')).join('\n'))
    .digest('hex')
    .slice(0, 6);
  return `${short || 'comparison'}-${hash}`;
}

/** Settings when profiles are given and the project has no report spec. */
export function fallbackSpec(today: string): ReportSpec {
  return reportSchema.parse({
    title: 'Profile comparison',
    author: 'profile-report',
    profiles: ['(command line)'],
    buildDate: today,
  });
}
