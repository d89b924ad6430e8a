import type { Problem } from '../errors.js';
import { cslRecord } from './csl-json.js';
import type { CslItem } from './csl-json.js';
import { BibtexExpansionError, guardBibtexGrammar } from './guard-bibtex-grammar.js';
import { blankOut, syntaxError } from './bibtex-syntax-error.js';
import { arxivIdIn } from './identifiers.js';
import { tooManyRecords } from './limits.js';
import type { EntryLocation, ImportedPaper, ParsedRecords, RecordSource } from './types.js';

interface RawEntry {
  readonly type: string;
  readonly label: string;
  readonly properties: Record<string, unknown>;
}

/** The parser is loaded on first use: commands other than import never pay for it. */
async function citationJs(): Promise<(data: unknown, options: { forceType: string; target?: string }) => unknown> {
  const { plugins } = await import('@citation-js/core');
  await import('@citation-js/plugin-bibtex');
  // The same module instance the plugin registered: its grammar is what the chain below runs.
  const { bibtexGrammar } = await import('@citation-js/plugin-bibtex/lib/input/file.js');
  guardBibtexGrammar(bibtexGrammar);
  return (data, options) => plugins.input.chain(data, { ...options, generateGraph: false });
}

/**
 * BibTeX and BibLaTeX through citation-js: it expands `@string`s, resolves `crossref`, splits
 * names and decodes LaTeX to Unicode. It gives CSL-JSON, so BibTeX then maps exactly like a
 * CSL-JSON file; the arXiv fields it drops (`eprint`, `archivePrefix`, DBLP's `volume =
 * abs/…`) are read from the raw entry. A syntax error names the entry it is in; with
 * `skipBad`, that entry is blanked out and the rest is read again.
 */
export async function parseBibtex(
  file: string,
  text: string,
  source: RecordSource,
  skipBad: boolean,
): Promise<ParsedRecords> {
  const chain = await citationJs();
  const problems: Problem[] = [];
  let working = text;
  let raw: RawEntry[] | undefined;
  const blanked = new Set<number>();
  for (let attempt = 0; attempt < 100 && raw === undefined; attempt++) {
    try {
      raw = chain(working, { forceType: '@biblatex/text', target: '@biblatex/entries+list' }) as RawEntry[];
    } catch (error) {
      if (error instanceof BibtexExpansionError) {
        problems.push({
          file,
          line: error.line,
          column: error.column,
          path: '',
          message: error.message,
          severity: 'error',
        });
        return { file, format: 'bibtex', source, records: [], problems };
      }
      const syntax = syntaxError(file, text, error);
      problems.push(syntax.problem);
      if (!skipBad || !syntax.chunk || blanked.has(syntax.chunk.start))
        return { file, format: 'bibtex', source, records: [], problems };
      blanked.add(syntax.chunk.start);
      working = blankOut(working, syntax.chunk);
    }
  }
  if (!raw) return { file, format: 'bibtex', source, records: [], problems };
  // Counted before citation-js decodes names and LaTeX, the part of its work that grows with each entry.
  const tooMany = tooManyRecords('paper', raw.length);
  if (tooMany)
    return {
      file,
      format: 'bibtex',
      source,
      records: [],
      problems: [{ file, path: '', message: tooMany, severity: 'error' }],
    };
  const offsets = entryOffsets(text);
  const sound = soundEntries(file, text, raw, offsets, problems).map(readableEntry);
  const items = chain(sound, { forceType: '@biblatex/entries+list' }) as CslItem[];
  const byKey = new Map(items.map((item) => [String(item['citation-key'] ?? item.id), item]));
  const records: ImportedPaper[] = [];
  for (const entry of sound) {
    const item = byKey.get(entry.label);
    if (!item) continue;
    const at = locate(text, offsets.get(entry.label) ?? 0, entry.label);
    const paper = cslRecord(item, `entry \`${entry.label}\``, at);
    const arxiv = arxivOf(entry) ?? paper.arxiv;
    const faults = undecoded(entry, item);
    records.push({
      ...paper,
      ...rawFacts(entry),
      key: entry.label,
      ...(arxiv ? { arxiv } : {}),
      ...(faults.length > 0 ? { faults } : {}),
    });
  }
  return { file, format: 'bibtex', source, records, problems };
}

/**
 * Entries citation-js can resolve safely. It finds a `crossref` parent by looking the key up in a
 * plain object, so `crossref = {__proto__}` or `{constructor}` finds a function of Object and
 * crashes the whole file; a key `__proto__` would replace that object's prototype. Each such
 * entry is one bad entry, named where it is written, and left out of the parse.
 */
function soundEntries(
  file: string,
  text: string,
  raw: readonly RawEntry[],
  offsets: Map<string, number>,
  problems: Problem[],
): RawEntry[] {
  const labels = new Set(raw.map((e) => e.label));
  return raw.filter((entry) => {
    const crossref = entry.properties['crossref'];
    const fault =
      entry.label === '__proto__'
        ? 'the key `__proto__` cannot name an entry; rename it'
        : crossref !== undefined && !labels.has(String(crossref))
          ? `its crossref \`${String(crossref).slice(0, 60)}\` names no entry in this file (the entry it takes its venue and date from)`
          : undefined;
    if (!fault) return true;
    const at = locate(text, offsets.get(entry.label) ?? 0, entry.label);
    problems.push({
      file,
      line: at.line,
      column: at.column,
      path: entry.label,
      message: `entry \`${entry.label}\`: ${fault}`,
      severity: 'error',
    });
    return false;
  });
}

/**
 * Two spellings citation-js does not read: an escaped character in a verbatim field (dblp writes
 * `doi = {10.1007/978-3-031-05328-3\\_15}` in every Springer chapter, which it keeps with the
 * backslash, or percent-encodes into the URL), and an accent over nothing (`{\\^{}}`, a literal
 * circumflex, which it decodes to the word "undefined").
 */
function readableEntry(entry: RawEntry): RawEntry {
  const properties: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry.properties)) {
    if (typeof value !== 'string') properties[field] = value;
    else if (verbatimFields.has(field)) properties[field] = value.replace(/\\([_%&#$])/g, '$1');
    else
      properties[field] = value.replace(/\\\^\{\}/g, '\\textasciicircum{}').replace(/\\~\{\}/g, '\\textasciitilde{}');
  }
  return { ...entry, properties };
}

const verbatimFields = new Set(['doi', 'url', 'eprint', 'pdf', 'html']);

/** A field citation-js could not decode comes back with "undefined" in it: the entry says so rather than print it. */
function undecoded(entry: RawEntry, item: CslItem): string[] {
  const faults: string[] = [];
  for (const [field, csl] of [
    ['title', 'title'],
    ['booktitle', 'container-title'],
    ['journal', 'container-title'],
  ] as const) {
    const raw = entry.properties[field];
    const decoded = item[csl];
    if (
      typeof raw === 'string' &&
      !/undefined/i.test(raw) &&
      typeof decoded === 'string' &&
      /undefined/.test(decoded)
    ) {
      faults.push(
        `its ${field} holds LaTeX the BibTeX reader cannot turn into text (\`${raw.slice(0, 80)}\`); write that part as plain text`,
      );
    }
  }
  return faults;
}

/** The year as written (not as citation-js guessed it), so "to appear" is reported, not dropped. */
function rawFacts(entry: RawEntry): Partial<ImportedPaper> {
  const p = entry.properties;
  if (p['year'] !== undefined) return { year: String(p['year']).trim() };
  // BibLaTeX's `date` may be a range (2023-07-05/2023-07-08): its start is the date.
  if (p['date'] !== undefined) return { year: String(p['date']).trim().split('/')[0] ?? '' };
  return {};
}

function arxivOf(entry: RawEntry): string | undefined {
  const p = entry.properties;
  const field = (name: string): string | undefined => (p[name] === undefined ? undefined : String(p[name]));
  const prefix = (field('archiveprefix') ?? field('eprinttype') ?? '').toLowerCase();
  if (field('eprint') && (prefix === '' || prefix === 'arxiv')) {
    const id = arxivIdIn(field('eprint'));
    if (id) return id;
  }
  for (const name of ['url', 'doi', 'journal', 'journaltitle', 'note', 'howpublished']) {
    const value = field(name);
    if (value && /arxiv/i.test(value)) {
      const id = arxivIdIn(value);
      if (id) return id;
    }
  }
  if (/^corr$/i.test(field('journal') ?? '')) return arxivIdIn(field('volume'));
  return undefined;
}

/** Where each `@type{key,` starts. */
function entryOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const m of text.matchAll(/@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)\s*,/g)) {
    if (m[1] && !offsets.has(m[1])) offsets.set(m[1], m.index);
  }
  return offsets;
}

function locate(text: string, offset: number, key: string): EntryLocation {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), path: key };
}
