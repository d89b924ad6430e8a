import type { FactChange } from './diff-facts.js';

const sectionWords: Record<FactChange['section'], string> = {
  people: 'person',
  person: 'identity',
  education: 'education',
  career: 'role',
  papers: 'paper',
  models: 'model',
  balance: 'balance point',
  sources: 'source',
};

/** A change in the words a terminal shows: "paper X-VLM: venue" (English, as every message of the command line). */
export function changeWhat(change: FactChange): string {
  const item = change.item === '' ? sectionWords[change.section] : `${sectionWords[change.section]} ${change.item}`;
  return change.field ? `${item}: ${change.field}` : item;
}

/** The shape `diff --json` prints for each change. */
export function changeJson(change: FactChange): {
  person: string;
  section: string;
  kind: string;
  what: string;
  before?: string;
  after?: string;
  sources: FactChange['sources'];
} {
  return {
    person: change.person,
    section: change.section,
    kind: change.kind,
    what: changeWhat(change),
    ...(change.before !== undefined ? { before: change.before } : {}),
    ...(change.after !== undefined ? { after: change.after } : {}),
    sources: change.sources,
  };
}
