/** One imported profile per format and kind of file, each started with `import --new`. */
export const people: readonly { name: string; slug: string; files: string[]; skipBad?: boolean }[] = [
  { name: 'Javier Ferrando', slug: 'javier-ferrando', files: ['alfolio-ferrando-2025.bib'] },
  {
    name: 'Nutan Limaye',
    slug: 'nutan-limaye',
    files: ['dblp-limaye-withcrossref.bib', 'dblp-limaye-standard.bib'],
    skipBad: true,
  },
  { name: 'Carlos Gómez-Rodríguez', slug: 'carlos-gomez-rodriguez', files: ['dblp-KuriyozovMAG19.bib'] },
  {
    name: 'Daniel S. Himmelstein',
    slug: 'daniel-s-himmelstein',
    files: [
      'manubot-crossref-deep-review.json',
      'manubot-datacite-thesis.json',
      'manubot-pubmed-scihub-study.json',
      'manubot-greycite-meta-review.json',
      'manubot-input-bibliography.json',
    ],
    skipBad: true,
  },
  { name: 'Alberto Accomazzi', slug: 'alberto-accomazzi', files: ['orcid-accomazzi-record.json'] },
  {
    name: 'Three releasecandidate1',
    slug: 'three-releasecandidate1',
    files: ['orcid-record-full-3.0.json', 'orcid-work-full-3.0.json'],
    skipBad: true,
  },
  {
    name: 'Heather A. Piwowar',
    slug: 'heather-a-piwowar',
    files: ['openalex-piwowar-works-page.json', 'openalex-author-by-orcid-2022.json', 'openalex-work-by-doi-2022.json'],
  },
  { name: 'Richard Hendriks', slug: 'richard-hendriks', files: ['jsonresume-sample.resume.json'] },
  { name: 'Roee Shapira', slug: 'roee-shapira', files: ['jsonresume-5c077m4n.json'] },
];
