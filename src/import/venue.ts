/**
 * Venues as people write them in a report ("ICML 2022"), from the way exports spell them
 * ("Proceedings of the 39th International Conference on Machine Learning"). Only well-known
 * venues are shortened; anything else is kept as the record gives it. The order matters: NAACL
 * and TACL must be tried before ACL, whose long name they contain.
 */
const conferences: readonly [RegExp, string][] = [
  [/\bNAACL\b|North American Chapter of the Association for Computational Linguistics/i, 'NAACL'],
  [/\bEACL\b|European Chapter of the Association for Computational Linguistics/i, 'EACL'],
  [/\bEMNLP\b|Empirical Methods in Natural Language Processing/i, 'EMNLP'],
  [/\bCOLING\b|International Conference on Computational Linguistics/i, 'COLING'],
  [/\bACL\b|Annual Meeting of the Association for Computational Linguistics/i, 'ACL'],
  [/\bNeurIPS\b|\bNIPS\b|Neural Information Processing Systems/i, 'NeurIPS'],
  [/\bICML\b|International Conference on Machine Learning/i, 'ICML'],
  [/\bICLR\b|International Conference on Learning Representations/i, 'ICLR'],
  [/\bCVPR\b|Computer Vision and Pattern Recognition/i, 'CVPR'],
  [/\bICCV\b|International Conference on Computer Vision/i, 'ICCV'],
  [/\bECCV\b|European Conference on Computer Vision/i, 'ECCV'],
  [/\bAAAI\b/i, 'AAAI'],
  [/\bIJCAI\b|International Joint Conference on Artificial Intelligence/i, 'IJCAI'],
  [/\bKDD\b|Knowledge Discovery and Data Mining/i, 'KDD'],
  [/\bSIGIR\b/i, 'SIGIR'],
  [/\bACM Multimedia\b|\bACM MM\b|ACM International Conference on Multimedia/i, 'ACM MM'],
];

const journals: readonly [RegExp, string][] = [
  [/\bTPAMI\b|Transactions on Pattern Analysis and Machine Intelligence/i, 'TPAMI'],
  [/\bTACL\b|Transactions of the Association for Computational Linguistics/i, 'TACL'],
  [/\bJMLR\b|Journal of Machine Learning Research/i, 'JMLR'],
  [/\bTMLR\b|Transactions on Machine Learning Research/i, 'TMLR'],
];

/** What a paper on arXiv alone is called in a profile. */
export const preprintVenue = 'arXiv preprint';

export function isArxivVenue(venue: string): boolean {
  return /^\s*(arxiv\b|corr\b)/i.test(venue) || /arxiv preprint/i.test(venue);
}

/** The venue for a report, with the year for conferences ("ICML 2022"). */
export function shortVenue(venue: string, year: string | undefined): string {
  const text = venue.replace(/\s+/g, ' ').trim();
  if (isArxivVenue(text)) return preprintVenue;
  // Journals first: "Transactions of the ACL" would otherwise read as ACL.
  for (const [pattern, name] of journals) if (pattern.test(text)) return name;
  // A workshop is not its host conference: keep its own name.
  if (/\bworkshops?\b/i.test(text)) return text;
  if (/^Findings\b/i.test(text)) {
    for (const [pattern, name] of conferences) if (pattern.test(text.replace(/^Findings of the Association for Computational Linguistics\b/i, ''))) return withYear(`Findings of ${name}`, year);
    return text;
  }
  for (const [pattern, name] of conferences) if (pattern.test(text)) return withYear(name, year);
  return text;
}

function withYear(name: string, year: string | undefined): string {
  return year ? `${name} ${year}` : name;
}
