import type { PageSize, SectionName } from '../schema/report-schema.js';
import type { ChartSpec } from './chart-spec.js';
import type { SourceLink } from './source-index.js';

/**
 * What the templates see: preformatted strings and flags only, so templates need nothing but
 * `{{#each}}` and `{{#if}}`. Every string here is escaped by Handlebars when rendered.
 */
export interface ReportView {
  readonly lang: string;
  /** `rtl` for Arabic: the layout mirrors. */
  readonly dir: 'ltr' | 'rtl';
  /** The words of the templates, in the report's language. */
  readonly text: TemplateText;
  /** "Page X of Y" around the two counters, for the running footer. */
  readonly pageOf: { readonly before: string; readonly between: string; readonly after: string };
  readonly title: string;
  readonly subtitle?: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  readonly buildDate: string;
  readonly buildDateIso: string;
  readonly page: PageSize;
  readonly people: readonly PersonView[];
  /** More than four people: the cover uses smaller cards. */
  readonly manyPeople: boolean;
  readonly peopleNames: string;
  readonly sections: readonly SectionRef[];
  readonly glance: GlanceView;
  readonly timeline: { readonly chart: ChartRef; readonly undated: readonly string[] };
  readonly education: readonly PersonBlock<EducationView>[];
  readonly papers: { readonly charts: readonly ChartRef[]; readonly people: readonly PersonBlock<PaperView>[] };
  readonly models: { readonly charts: readonly ChartRef[]; readonly chartNote?: string; readonly people: readonly PersonBlock<ModelView>[] };
  readonly balance: readonly BalanceThemeView[];
  readonly sources: readonly SourceView[];
  readonly counts: string;
}

/** Fixed words of the templates; sentences about one item are on the item's view. */
export interface TemplateText {
  readonly cover: { readonly kicker: string; readonly now: string; readonly born: string; readonly listed: string; readonly balance: string; readonly contents: string; readonly colophon: string };
  readonly glance: { readonly tableLabel: string; readonly caption: string; readonly person: string };
  readonly timeline: { readonly lead: string };
  readonly education: { readonly empty: string };
  readonly papers: { readonly empty: string; readonly nameSeparator: string; readonly year: string; readonly paper: string; readonly venue: string; readonly role: string };
  readonly models: { readonly lead: string; readonly empty: string; readonly role: string; readonly metric: string; readonly value: string; readonly comparedWith: string; readonly better: string };
  readonly balance: { readonly lead: string; readonly empty: string };
}

export interface SectionRef {
  readonly name: SectionName;
  /** The partial that renders it. */
  readonly partial: string;
  readonly id: string;
  readonly title: string;
}

export interface PersonView {
  readonly index: number;
  readonly id: string;
  /** The name as the reader reads it: the native-script name in a Chinese report, else the Latin one. */
  readonly name: string;
  /** `lang` of `name` when it differs from the report's (a Japanese name in a Chinese report). */
  readonly nameLang?: string;
  /** The other form of the name, shown after it. */
  readonly otherName?: string;
  readonly otherNameLang?: string;
  readonly nativeName?: string;
  readonly colour: string;
  readonly tint: string;
  readonly markerClass: string;
  readonly headline: string;
  readonly currentRole?: string;
  readonly born?: string;
  /** "4 papers · 3 models and systems", for the cover. */
  readonly counts: string;
  /** The trade-offs named in the profile, for the cover. */
  readonly balance?: string;
  readonly sources: readonly SourceLink[];
  readonly highlights: readonly Sourced[];
  /** Sentences about this person for headings and screen readers. */
  readonly labels: { readonly highlights: string; readonly papers: string; readonly papersCaption: string };
}

export interface Sourced {
  readonly text: string;
  readonly sources: readonly SourceLink[];
}

/** A person's entries in a section, with the person's heading. */
export interface PersonBlock<T> {
  readonly person: PersonView;
  readonly items: readonly T[];
  readonly empty: boolean;
}

export interface GlanceView {
  /** People as columns (up to four people) or as rows (more). */
  readonly peopleAsColumns: boolean;
  readonly fields: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly Sourced[] }[];
  readonly byPerson: readonly { readonly person: PersonView; readonly cells: readonly Sourced[] }[];
}

export interface EducationView {
  readonly degree: string;
  readonly where: string;
  readonly when?: string;
  readonly note?: string;
  readonly sources: readonly SourceLink[];
}

export interface PaperView {
  readonly year: string;
  readonly title: string;
  readonly shortName?: string;
  readonly venue: string;
  readonly authorship: string;
  readonly authors?: string;
  readonly summary: string;
  readonly link?: { readonly href: string; readonly text: string };
  readonly sources: readonly SourceLink[];
}

export interface ModelView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly organisation: string;
  readonly released: string;
  readonly role: string;
  readonly summary?: string;
  readonly innovations: readonly string[];
  readonly metrics: readonly MetricView[];
  readonly labels: { readonly metrics: string; readonly metricsCaption: string };
  readonly sources: readonly SourceLink[];
}

export interface MetricView {
  readonly label: string;
  readonly value: string;
  readonly comparedWith: string;
  readonly better: string;
  readonly claim?: string;
  readonly sources: readonly SourceLink[];
}

export interface BalanceThemeView {
  readonly id: string;
  readonly tradeoff: string;
  readonly poles: string;
  readonly chart: ChartRef;
  readonly people: readonly {
    readonly person: PersonView;
    readonly stance: string;
    readonly summary?: string;
    readonly evidence: readonly Sourced[];
  }[];
}

export interface SourceView {
  readonly number: number;
  readonly anchor: string;
  readonly title: string;
  /** What follows the title: ". Publisher, date." */
  readonly afterTitle: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly file?: string;
  readonly note?: string;
  readonly citedBy: string;
}

/** A chart as the page shows it; the image is filled in by the render stage. */
export interface ChartRef extends Omit<ChartSpec, 'config'> {
  /** Drawn for a full text column (a half-width chart sits beside another). */
  readonly wide: boolean;
  /** `data:image/svg+xml;base64,...`, set by render. */
  readonly src?: string;
}

export interface ChartTable {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}
