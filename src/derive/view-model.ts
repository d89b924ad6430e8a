import type { PageSize, SectionName } from '../schema/report-schema.js';
import type { ChartRef } from './chart-spec.js';
import type { SourceLink } from './source-index.js';
import type { ChangeKind } from '../edition/diff-facts.js';
import type { ConnectionsView } from './connections.js';
import type { PersonView, Sourced } from './person-view-model.js';

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
  readonly timeline: {
    readonly chart: ChartRef;
    readonly undated: readonly string[];
    /** Institutions the people share (the connections section). */ readonly shared?: string;
  };
  readonly education: readonly PersonBlock<EducationView>[];
  readonly papers: {
    readonly charts: readonly ChartRef[];
    readonly footprint?: FootprintView & { readonly chart: ChartRef };
    readonly people: readonly PersonBlock<PaperView>[];
  };
  readonly models: {
    readonly charts: readonly ChartRef[];
    readonly chartNote?: string;
    readonly people: readonly PersonBlock<ModelView>[];
  };
  readonly balance: readonly BalanceThemeView[];
  readonly sources: readonly SourceView[];
  /** Who made each portrait shown, for the sources section; empty when no profile has one. */
  readonly portraitCredits: readonly Sourced[];
  readonly counts: string;
  /** What connects the people; only when the spec lists `connections` and there are two or more. */
  readonly connections?: ConnectionsView;
  /** What changed since an earlier edition; only with `--since`. */
  readonly changes?: ChangesView;
}

/** Fixed words of the templates; sentences about one item are on the item's view. */
export interface TemplateText {
  readonly cover: {
    readonly kicker: string;
    readonly now: string;
    readonly born: string;
    readonly listed: string;
    readonly balance: string;
    readonly contents: string;
    readonly colophon: string;
  };
  readonly glance: { readonly tableLabel: string; readonly caption: string; readonly person: string };
  readonly timeline: { readonly lead: string };
  readonly education: { readonly empty: string };
  readonly papers: {
    readonly empty: string;
    readonly nameSeparator: string;
    readonly year: string;
    readonly paper: string;
    readonly venue: string;
    readonly role: string;
  };
  readonly models: {
    readonly lead: string;
    readonly empty: string;
    readonly role: string;
    readonly metric: string;
    readonly value: string;
    readonly comparedWith: string;
    readonly better: string;
  };
  readonly balance: { readonly lead: string; readonly empty: string };
}

export interface SectionRef {
  /** A section of the spec, or `changes`, which a build with `--since` adds. */
  readonly name: SectionName | 'changes';
  /** The partial that renders it. */
  readonly partial: string;
  readonly id: string;
  readonly title: string;
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
  /** "new" or "changed" since the edition a build compares with (`--since`). */
  readonly mark?: string;
  readonly degree: string;
  readonly where: string;
  readonly when?: string;
  readonly note?: string;
  /** `note` with its inline markup as HTML. */
  readonly noteHtml?: string;
  readonly sources: readonly SourceLink[];
}

export interface PaperView {
  readonly mark?: string;
  readonly year: string;
  readonly title: string;
  readonly shortName?: string;
  readonly venue: string;
  readonly authorship: string;
  readonly authors?: string;
  /** `authors` as HTML, the person's own name in bold (see own-name.ts). */
  readonly authorsHtml?: string;
  /** Plain text; `summaryHtml` has its inline markup as HTML. */
  readonly summary: string;
  readonly summaryHtml: string;
  readonly link?: { readonly href: string; readonly text: string };
  readonly sources: readonly SourceLink[];
}

export interface ModelView {
  readonly mark?: string;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly organisation: string;
  readonly released: string;
  readonly role: string;
  readonly summary?: string;
  readonly summaryHtml?: string;
  readonly innovations: readonly string[];
  /** `innovations` with their inline markup as HTML. */
  readonly innovationsHtml: readonly string[];
  readonly metrics: readonly MetricView[];
  readonly labels: { readonly metrics: string; readonly metricsCaption: string };
  readonly sources: readonly SourceLink[];
}

interface MetricView {
  readonly label: string;
  readonly value: string;
  /** "as of May 2024" when its sources are older than the spec's `maxAge`. */
  readonly asOf?: string;
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
    readonly summaryHtml?: string;
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
  readonly noteHtml?: string;
  readonly citedBy: string;
}

/** The research footprint table: built by footprint.ts, shown by the papers section. */
interface FootprintRow {
  readonly person: PersonView;
  readonly citations: string;
  readonly hIndex: string;
  readonly i10Index: string;
  /** Citations per year since the first paper. */
  readonly citationsPerYear: string;
  /** The m-quotient: h-index per year since the first paper. */
  readonly mQuotient: string;
  /** Papers listed in the profile per year since the first of them. */
  readonly papersPerYear: string;
  /** "as of 1 Nov 2026, OpenAlex" */
  readonly asOf: string;
  /** "as of May 2024" when the figures are older than the spec's `maxAge`. */
  readonly stale?: string;
  readonly sources: readonly SourceLink[];
}

export interface FootprintView {
  readonly title: string;
  readonly lead: string;
  readonly headers: readonly string[];
  readonly rows: readonly FootprintRow[];
  /** People with no footprint in their profile. */
  readonly missing?: string;
  /** Said when the figures are from moments more than three months apart. */
  readonly apart?: string;
}

/** What changed since an earlier edition: built by changes-view.ts. */
export interface ChangeItemView {
  readonly kind: ChangeKind;
  readonly kindLabel: string;
  /** What changed: the item, and for a change the field ("X-VLM: venue"). */
  readonly what: string;
  /** For a change: before → after, as the locale writes it. */
  readonly detail?: string;
  readonly sources: readonly SourceLink[];
  /** Sources of a removed item, which the new report no longer lists: their titles. */
  readonly oldSources?: string;
}

export interface ChangesView {
  readonly lead: string;
  /** One line when nothing changed. */
  readonly none?: string;
  /** People who joined or left the report, one sentence each. */
  readonly people: readonly string[];
  readonly byPerson: readonly {
    readonly person: PersonView;
    readonly groups: readonly { readonly title: string; readonly items: readonly ChangeItemView[] }[];
  }[];
}

/** The chart types belong to chart-spec.ts; named here too for the chart builders that read them beside the view. */
export type { ChartTable } from './chart-spec.js';

/** A person's own view belongs to person-view-model.ts; named here too for the sections built beside it. */
export type { PersonView, PortraitView, Sourced } from './person-view-model.js';
