import path from 'node:path';
import type { Problem } from '../errors.js';
import { parseBibtex } from './bibtex.js';
import { parseCslJson } from './csl-json.js';
import { detectFormat } from './detect-format.js';
import { parseJsonFile } from './json-source.js';
import { parseJsonResume } from './json-resume.js';
import { parseOpenAlex } from './openalex.js';
import { parseOrcid } from './orcid.js';
import { tooManyRecords } from './limits.js';
import { normaliseRecords } from './normalise-text.js';
import type { RecordKind } from './limits.js';
import type { ImportFormat, ParsedRecords, RecordSource } from './types.js';
import { importFormats } from './types.js';

const publishers: Record<ImportFormat, string> = {
  bibtex: 'BibTeX file',
  'csl-json': 'CSL-JSON file',
  orcid: 'ORCID',
  openalex: 'OpenAlex',
  'json-resume': 'JSON Resume',
};

/**
 * The text of one import file to records, in whichever format it is (or the one forced with
 * `--format`). Never throws for bad input: problems come back with the records.
 */
export async function readRecords(
  file: string,
  text: string,
  options: { format?: ImportFormat | undefined; skipBad: boolean },
): Promise<ParsedRecords> {
  const parsed = await parseRecords(file, text, options);
  return normaliseRecords(withinLimits(parsed));
}

/** A file with more records of a kind than a profile can hold gives none of them, and says so. */
function withinLimits(parsed: ParsedRecords): ParsedRecords {
  const counts = new Map<RecordKind, number>();
  for (const record of parsed.records) counts.set(record.kind, (counts.get(record.kind) ?? 0) + 1);
  for (const [kind, count] of counts) {
    const refusal = tooManyRecords(kind, count);
    if (refusal)
      return {
        ...parsed,
        records: [],
        problems: [{ file: parsed.file, path: '', message: refusal, severity: 'error' }],
      };
  }
  return parsed;
}

async function parseRecords(
  file: string,
  text: string,
  options: { format?: ImportFormat | undefined; skipBad: boolean },
): Promise<ParsedRecords> {
  const body = text.replace(/^\uFEFF/, '');
  const looksJson = /^\s*[[{]/.test(body);
  const parsed = looksJson ? parseJsonFile(file, body) : undefined;
  if (parsed && !parsed.ok && options.format !== 'bibtex')
    return failed(file, options.format ?? 'csl-json', parsed.problem);
  const json = parsed?.ok ? parsed.json : undefined;
  const format = options.format ?? detectFormat(body, json?.value);
  if (!format) {
    return failed(file, 'bibtex', {
      file,
      path: '',
      message: `the format of this file is not one import knows (${importFormats.join(', ')}); if it is one of them, say which with --format`,
      severity: 'error',
    });
  }
  const source: RecordSource = { title: path.basename(file), publisher: publishers[format] };
  if (format === 'bibtex') return parseBibtex(file, body, source, options.skipBad);
  if (!json)
    return failed(file, format, {
      file,
      line: 1,
      column: 1,
      path: '',
      message: `expected ${format} JSON, but the file is not JSON`,
      severity: 'error',
    });
  switch (format) {
    case 'csl-json':
      return parseCslJson(json, source);
    case 'orcid':
      return parseOrcid(json, source);
    case 'openalex':
      return parseOpenAlex(json, source);
    case 'json-resume':
      return parseJsonResume(json, source);
  }
}

function failed(file: string, format: ImportFormat, problem: Problem): ParsedRecords {
  return {
    file,
    format,
    source: { title: path.basename(file), publisher: publishers[format] },
    records: [],
    problems: [problem],
  };
}
