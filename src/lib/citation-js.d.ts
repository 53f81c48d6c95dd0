/** The part of Citation.js's API the digest uses (the packages ship no type declarations). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: 'bibtex' | 'biblatex' | 'data', options?: { format?: 'text' | 'object' }): string | unknown;
  }
}
declare module '@citation-js/plugin-bibtex';
