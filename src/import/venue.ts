/**
 * Venues as people write them in a report ("ICML 2022"), from the way exports spell them
 * ("Proceedings of the 39th International Conference on Machine Learning"). A venue is
 * shortened only when one of its parts is, word for word, the full name or the official acronym
 * of a venue in this table, once the words that change from year to year are set aside ("the
 * 39th", "Annual", "Proceedings of", the year). Never by a part of a name: "AAAI/ACM Conference
 * on AI, Ethics, and Society" is not AAAI, ICMLA is not ICML, "ACM SIGIR Forum" is not SIGIR.
 * Anything else is kept exactly as the record gives it.
 */
const conferences: readonly (readonly [short: string, ...names: string[]])[] = [
  ['ACL', 'ACL', 'Meeting of the Association for Computational Linguistics'],
  [
    'NAACL',
    'NAACL',
    'NAACL-HLT',
    'Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies',
    'Conference of the North American Chapter of the Association for Computational Linguistics',
  ],
  ['EACL', 'EACL', 'Conference of the European Chapter of the Association for Computational Linguistics'],
  ['EMNLP', 'EMNLP', 'Conference on Empirical Methods in Natural Language Processing'],
  ['COLING', 'COLING', 'International Conference on Computational Linguistics'],
  [
    'NeurIPS',
    'NeurIPS',
    'NIPS',
    'Advances in Neural Information Processing Systems',
    'Conference on Neural Information Processing Systems',
    'Neural Information Processing Systems',
  ],
  ['ICML', 'ICML', 'International Conference on Machine Learning'],
  ['ICLR', 'ICLR', 'International Conference on Learning Representations'],
  [
    'CVPR',
    'CVPR',
    'IEEE/CVF Conference on Computer Vision and Pattern Recognition',
    'IEEE Conference on Computer Vision and Pattern Recognition',
    'Conference on Computer Vision and Pattern Recognition',
  ],
  [
    'ICCV',
    'ICCV',
    'IEEE/CVF International Conference on Computer Vision',
    'IEEE International Conference on Computer Vision',
    'International Conference on Computer Vision',
  ],
  ['ECCV', 'ECCV', 'European Conference on Computer Vision'],
  ['AAAI', 'AAAI', 'AAAI Conference on Artificial Intelligence'],
  ['IJCAI', 'IJCAI', 'International Joint Conference on Artificial Intelligence'],
  [
    'KDD',
    'KDD',
    'SIGKDD',
    'ACM SIGKDD Conference on Knowledge Discovery and Data Mining',
    'ACM SIGKDD International Conference on Knowledge Discovery and Data Mining',
  ],
  ['SIGIR', 'SIGIR', 'International ACM SIGIR Conference on Research and Development in Information Retrieval'],
  ['ACM MM', 'ACM MM', 'ACM Multimedia', 'ACM International Conference on Multimedia'],
  ['STOC', 'STOC', 'ACM Symposium on Theory of Computing', 'ACM SIGACT Symposium on Theory of Computing'],
  ['FOCS', 'FOCS', 'IEEE Symposium on Foundations of Computer Science'],
  ['CCC', 'CCC', 'Computational Complexity Conference'],
];

const journals: readonly (readonly [short: string, ...names: string[]])[] = [
  ['TPAMI', 'TPAMI', 'IEEE Transactions on Pattern Analysis and Machine Intelligence'],
  ['TACL', 'TACL', 'Transactions of the Association for Computational Linguistics'],
  ['JMLR', 'JMLR', 'Journal of Machine Learning Research'],
  ['TMLR', 'TMLR', 'Transactions on Machine Learning Research'],
];

/** What a paper on arXiv alone is called in a profile. */
export const preprintVenue = 'arXiv preprint';

function isArxivVenue(venue: string): boolean {
  return /^\s*(arxiv\b|corr\b)/i.test(venue) || /arxiv preprint/i.test(venue);
}

/** The words of a venue's name that are the same every year, lower case, without punctuation. */
function venueKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/'\d{2}\b/g, ' ')
    .replace(/[^\p{L}\p{N}/&+-]+/gu, ' ')
    .replace(/\b(?:19|20)\d{2}\b/g, ' ')
    .replace(/\b\d+(?:st|nd|rd|th)\b/g, ' ')
    .replace(
      /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth)\b/g,
      ' ',
    )
    .replace(/^\s*(?:proceedings|proc)\s+(?:of\s+)?/, ' ')
    .replace(/^\s*the\s+/, ' ')
    .replace(/\b(?:annual|volume\s+\d+|vol\s+\d+)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^\s*the\s+/, '')
    .trim();
}

const table = new Map<string, { short: string; conference: boolean }>();
for (const [list, conference] of [
  [conferences, true],
  [journals, false],
] as const) {
  for (const [short, ...names] of list) for (const name of names) table.set(venueKey(name), { short, conference });
}

/** The venue for a report: a known venue's short name (with the year, for a conference), else as given. */
export function shortVenue(venue: string, year: string | undefined): string {
  const text = venue.replace(/\s+/g, ' ').trim();
  if (isArxivVenue(text)) return preprintVenue;
  // A workshop is not its host conference, whatever its name holds.
  if (/\bworkshops?\b/i.test(text)) return text;
  const findings = /^Findings of the Association for Computational Linguistics\s*:?\s*(.*)$/i.exec(text);
  if (findings) {
    const known = knownVenue(findings[1] ?? '');
    return known?.conference ? withYear(`Findings of ${known.short}`, year) : text;
  }
  const known = knownVenue(text);
  if (!known) return text;
  return known.conference ? withYear(known.short, year) : known.short;
}

/** The venue one of whose parts (between commas, colons or parentheses) is a known name, exactly. */
function knownVenue(text: string): { short: string; conference: boolean } | undefined {
  const parts = [text, ...text.split(/[,:;()]/)];
  for (const part of parts) {
    const known = table.get(venueKey(part));
    if (known) return known;
  }
  return undefined;
}

function withYear(name: string, year: string | undefined): string {
  return year ? `${name} ${year}` : name;
}
