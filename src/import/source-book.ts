import { slug } from '../derive/format.js';
import type { Source } from '../schema/profile-schema.js';
import type { PaperDraft } from './map-records.js';
import type { ImportPlan, SourcedDraft } from './import-plan.js';

/** The profile's sources plus the ones the import creates, each created once, on first citation. */
export class SourceBook {
  private readonly ids: Set<string>;
  private readonly byUrl = new Map<string, string>();
  constructor(
    existing: readonly Source[],
    private readonly plan: ImportPlan,
    private readonly today: string,
  ) {
    this.ids = new Set(existing.map((s) => s.id));
    for (const s of existing) if (s.url !== undefined && !this.byUrl.has(s.url)) this.byUrl.set(s.url, s.id);
  }

  forFile(item: Pick<SourcedDraft, 'file' | 'fileSource'>): string {
    const known = this.plan.fileSourceIds.get(item.file);
    if (known) return known;
    const s = item.fileSource;
    const base =
      s.url && /orcid\.org|openalex\.org/.test(s.url)
        ? `${s.publisher}-${s.url.split('/').pop()}`
        : `import-${s.title}`;
    const id = this.add(base, {
      title: s.title,
      publisher: s.publisher,
      ...(s.date ? { date: s.date } : {}),
      ...(s.url ? { url: s.url } : {}),
      note: `Imported with profile-report import on ${this.today}.`,
    });
    (this.plan.fileSourceIds as Map<string, string>).set(item.file, id);
    return id;
  }

  forPaper(paper: PaperDraft, doi: string | undefined): string | undefined {
    if (paper.arxiv)
      return this.add(`arxiv-${paper.arxiv}`, {
        title: paper.title,
        publisher: 'arXiv',
        url: `https://arxiv.org/abs/${paper.arxiv}`,
      });
    if (doi)
      return this.add(`doi-${doi}`, { title: paper.title, publisher: paper.venue, url: `https://doi.org/${doi}` });
    return undefined;
  }

  /** Reuses a source with the same address; otherwise adds one with a fresh id. */
  private add(base: string, fields: Omit<Source, 'id'>): string {
    const same = fields.url === undefined ? undefined : this.byUrl.get(fields.url);
    if (same) return same;
    const stem = slug(base, 'import').slice(0, 60).replace(/-+$/, '');
    let id = stem;
    for (let n = 2; this.ids.has(id); n++) id = `${stem}-${n}`;
    this.ids.add(id);
    this.plan.sources.push({ id, ...fields, title: fields.title.slice(0, 300) });
    if (fields.url !== undefined) this.byUrl.set(fields.url, id);
    return id;
  }
}
