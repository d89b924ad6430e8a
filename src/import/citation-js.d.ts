// citation-js ships no type declarations; this is the small part of its API the BibTeX import uses.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options: { forceType?: string; target?: string; generateGraph?: boolean }): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  export const bibtexGrammar: import('./guard-bibtex-grammar.js').BibtexGrammar;
}
