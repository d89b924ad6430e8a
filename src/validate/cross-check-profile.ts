import type { Problem } from '../errors.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { formatPath } from '../load/source-positions.js';
import type { FieldPath } from '../load/source-positions.js';
import { isLanguageTag } from '../schema/localised-text.js';
import { dateBounds, isPartialDate } from '../schema/partial-date.js';
import { id as idSchema } from '../schema/primitives.js';
import { didYouMean } from './did-you-mean.js';
import { missingDefaultLanguage } from './localised-maps.js';
import { arrayAt, entriesOf, isRecord, textAt } from './raw-access.js';

/**
 * Checks that need the whole profile: every cited source exists, ids are unique, no period ends
 * before it starts, every map of translations holds the profile's language, and nothing is
 * dated after the build date (a likely typo, so a warning).
 *
 * They run on the profile as written, not on the schema's output, so that they report in the
 * same pass as the schema checks: whatever part of the file is well-formed is cross-checked,
 * and a value the schema rejects is skipped here (it already has its message).
 */
export function crossCheckProfile(raw: unknown, parsed: ParsedYaml, buildDate: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: FieldPath, message: string, severity: Problem['severity'] = 'error'): void => {
    const { line, column } = parsed.positions.locate(path);
    problems.push({ file: parsed.file, line, column, path: formatPath(path), message, severity });
  };
  if (!isRecord(raw)) return problems;

  const sources = entriesOf(raw, ['sources']);
  const known = sources.map(({ value }) => textAt(value, 'id')).filter((v): v is string => v !== undefined);
  const knownSet = new Set(known);
  const cited = new Set<string>();
  for (const { path, value } of sourceRefs(raw)) {
    const ids =
      typeof value === 'string'
        ? [{ id: value, path }]
        : Array.isArray(value)
          ? (value as unknown[]).map((v, i) => ({ id: v, path: [...path, i] }))
          : [];
    for (const ref of ids) {
      if (typeof ref.id !== 'string' || !idSchema.safeParse(ref.id).success) continue;
      cited.add(ref.id);
      if (knownSet.has(ref.id)) continue;
      const guess = didYouMean(ref.id, known);
      at(
        ref.path,
        `the source \`${ref.id}\` is not in this profile's sources${guess ? `; did you mean \`${guess}\`?` : known.length > 0 ? `; known ids: ${known.join(', ')}` : '; add it under `sources`'}`,
      );
    }
  }

  sources.forEach(({ value, path }) => {
    const sourceId = textAt(value, 'id');
    if (sourceId !== undefined && !cited.has(sourceId))
      at([...path, 'id'], `the source \`${sourceId}\` is not cited by any fact; cite it or remove it`, 'warning');
  });
  for (const section of ['sources', 'papers', 'models'] as const) {
    const first = new Map<string, number>();
    entriesOf(raw, [section]).forEach(({ value, path }, i) => {
      const entryId = textAt(value, 'id');
      if (entryId === undefined) return;
      const seen = first.get(entryId);
      if (seen === undefined) first.set(entryId, i);
      else at([...path, 'id'], `the id \`${entryId}\` is already used by ${section}[${seen}]; ids must be unique`);
    });
  }

  for (const section of ['education', 'career'] as const) {
    entriesOf(raw, [section]).forEach(({ value, path }) => {
      const start = dateAt(value, 'start');
      const end = dateAt(value, 'end');
      if (start && end && dateBounds(end).last < dateBounds(start).first)
        at([...path, 'end'], `the end (${end}) is before the start (${start})`);
    });
  }

  for (const { path, date } of datedFacts(raw)) {
    if (dateBounds(date).first > buildDate)
      at(path, `the date ${date} is after the build date ${buildDate}; is it a typo?`, 'warning');
  }
  const person = raw['person'];
  const impactDate = isRecord(raw['impact']) ? dateAt(raw['impact'], 'asOf') : undefined;
  if (impactDate && dateBounds(impactDate).first > buildDate)
    at(['impact', 'asOf'], `the date ${impactDate} is after the build date ${buildDate}; is it a typo?`, 'warning');
  const birthYear = isRecord(person) ? person['birthYear'] : undefined;
  if (typeof birthYear === 'number' && Number.isInteger(birthYear) && String(birthYear) > buildDate.slice(0, 4)) {
    at(['person', 'birthYear'], `the birth year ${birthYear} is after the build date ${buildDate}`);
  }

  const language = raw['language'] === undefined ? 'en' : raw['language'];
  if (typeof language === 'string' && isLanguageTag(language)) {
    for (const path of missingDefaultLanguage(raw, language)) {
      at(
        path,
        `this text gives translations but none in the profile's language (${language}); add \`${language}: ...\`, the text a report shows when its own language is missing${raw['language'] === undefined ? ' (or set `language:` at the top of the profile)' : ''}`,
      );
    }
  }
  return problems;
}

/** Every `source` field, wherever facts carry one. */
function* sourceRefs(raw: Record<string, unknown>): Generator<{ path: FieldPath; value: unknown }> {
  const person = raw['person'];
  if (isRecord(person)) {
    if ('source' in person) yield { path: ['person', 'source'], value: person['source'] };
    if (isRecord(person['photo'])) yield { path: ['person', 'photo', 'source'], value: person['photo']['source'] };
    for (const h of entriesOf(raw, ['person', 'highlights']))
      if (isRecord(h.value)) yield { path: [...h.path, 'source'], value: h.value['source'] };
  }
  for (const section of ['education', 'career', 'papers', 'models'] as const) {
    for (const entry of entriesOf(raw, [section]))
      if (isRecord(entry.value)) yield { path: [...entry.path, 'source'], value: entry.value['source'] };
  }
  for (const model of entriesOf(raw, ['models'])) {
    for (const metric of arrayAt(model.value, 'metrics'))
      if (isRecord(metric.value))
        yield { path: [...model.path, ...metric.path, 'source'], value: metric.value['source'] };
  }
  for (const balance of entriesOf(raw, ['balance'])) {
    for (const e of arrayAt(balance.value, 'evidence'))
      if (isRecord(e.value)) yield { path: [...balance.path, ...e.path, 'source'], value: e.value['source'] };
  }
  const impact = raw['impact'];
  if (isRecord(impact) && 'source' in impact) yield { path: ['impact', 'source'], value: impact['source'] };
}

/** A well-formed date at `key` (YAML reads a bare year as a number), else undefined. */
function dateAt(entry: unknown, key: string): string | undefined {
  if (!isRecord(entry)) return undefined;
  const value = entry[key];
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  return typeof text === 'string' && isPartialDate(text) ? text : undefined;
}

function* datedFacts(raw: Record<string, unknown>): Generator<{ path: FieldPath; date: string }> {
  const fields: [string, readonly string[]][] = [
    ['education', ['start', 'end']],
    ['career', ['start', 'end']],
    ['papers', ['year', 'date']],
    ['models', ['released']],
    ['sources', ['date', 'accessed']],
  ];
  for (const [section, keys] of fields) {
    for (const { value, path } of entriesOf(raw, [section])) {
      for (const key of keys) {
        const date = dateAt(value, key);
        if (date) yield { path: [...path, key], date };
      }
    }
  }
}
