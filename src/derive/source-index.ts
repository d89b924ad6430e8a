import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import type { Profile, Source } from '../schema/profile-schema.js';

export interface SourceLink {
  readonly number: number;
  readonly href: string;
  /** What a screen reader says for the link: "source 3", in the report's language. */
  readonly label: string;
}

export interface NumberedSource {
  readonly number: number;
  readonly anchor: string;
  readonly source: Source;
  /** Indexes of the people whose profiles cite it. */
  readonly people: readonly number[];
}

/**
 * One numbered list of sources for the whole report. A source is what its profile's entry
 * describes: its title, publisher, date and where it is (URL or file). The same source in two
 * profiles (all of those equal) becomes one entry, so the article both profiles cite is source 1
 * for both people; two pages of one site, or two articles at one URL under different titles or
 * dates, stay two sources, each under its own title.
 */
export class SourceIndex {
  private readonly byKey = new Map<string, { number: number; source: Source; people: Set<number> }>();
  private readonly byPersonId = new Map<string, number>();

  constructor(
    profiles: readonly Profile[],
    private readonly linkLabel: (number: number) => string,
  ) {
    profiles.forEach((profile, person) => {
      for (const source of profile.sources) {
        const key = identity(source);
        let entry = this.byKey.get(key);
        if (!entry) {
          entry = { number: this.byKey.size + 1, source, people: new Set() };
          this.byKey.set(key, entry);
        }
        entry.people.add(person);
        this.byPersonId.set(`${person}\u0000${source.id}`, entry.number);
      }
    });
  }

  /**
   * The links for a fact of person `person` citing `ref` (or for a summary of several facts,
   * citing all their ids): each source once, in number order. Validation guarantees the ids exist.
   */
  links(person: number, ref: SourceRef | readonly string[]): SourceLink[] {
    const numbers = sourceIds(ref)
      .map((id) => this.byPersonId.get(`${person}\u0000${id}`))
      .filter((n): n is number => n !== undefined);
    return [...new Set(numbers)]
      .sort((a, b) => a - b)
      .map((number) => ({ number, href: `#source-${number}`, label: this.linkLabel(number) }));
  }

  list(): NumberedSource[] {
    return [...this.byKey.values()].map((e) => ({
      number: e.number,
      anchor: `source-${e.number}`,
      source: e.source,
      people: [...e.people].sort((a, b) => a - b),
    }));
  }
}

/** What makes two profiles' entries one source: everything a reader sees of it but the note. */
function identity(source: Source): string {
  return JSON.stringify([
    source.title.normalize('NFC'),
    source.publisher?.normalize('NFC') ?? '',
    source.date ?? '',
    source.url ?? '',
    source.file ?? '',
  ]);
}
