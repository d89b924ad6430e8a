import type { SourceLink } from './source-index.js';

/* A person as every section of the view model shows them (see view-model.ts). */

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
  /** "as of May 2024" when the headline's sources are older than the spec's `maxAge`. */
  readonly headlineAsOf?: string;
  readonly currentRole?: string;
  readonly currentRoleAsOf?: string;
  /** Absent when the profile has no portrait: the layout then has no frame for one. */
  readonly portrait?: PortraitView;
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

export interface PortraitView {
  /** A stand-in the render stage replaces with the image (see portrait-view.ts). */
  readonly src: string;
  readonly alt: string;
}

export interface Sourced {
  /** Plain text, without markup. */
  readonly text: string;
  /** The text with its inline markup as HTML (see inline-markup.ts), for profile texts that may carry it. */
  readonly html?: string;
  readonly sources: readonly SourceLink[];
}
