/**
 * Strings a build derives from a paper's data that the next build would derive again the same
 * way, kept in a JSON file of `node_modules/.cache/research-digest/` keyed by a hash of what they
 * are made from: the BibTeX entries (Citation.js: ~0.3 ms an entry, 3 s of a rebuild at 10,000
 * papers) and the cards' previews (~0.12 ms an abstract). A rebuild's cost is mostly CPU shared by
 * every thread of two cores, so work not done is time saved wherever it was.
 *
 * The file is keyed by the code that derives the strings (and the versions of the libraries it
 * uses): other code, or a file that cannot be read, is ignored without a word and written anew. It
 * holds what the last build asked for only; deleting it only costs time. Above
 * `KEPT_STRINGS_MAX_PAPERS` nothing is kept (the file and its map would add to a build's peak of
 * memory, which at 100,000 papers is near its budget), as for the reading aids' cache.
 */
import { hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedCorpus } from '../integrations/corpus-channel.ts';
import { writeFileAside } from '../loaders/write-aside.ts';
import { READING_AIDS_THREAD_MAX_PAPERS } from './reading-aids-thread.ts';
import { filesHash } from './tree-hash.ts';

export const KEPT_STRINGS_MAX_PAPERS = READING_AIDS_THREAD_MAX_PAPERS;

interface KeptFile {
  format: string;
  code: string;
  /** The hashes of what the strings are made from, and the strings, in the same order. */
  hashes: string[];
  strings: string[];
}

export interface KeptStringsOptions {
  /** The file's name in `node_modules/.cache/research-digest/`. */
  name: string;
  /** The files, relative to the project, whose code decides a string made of its source. */
  code: readonly string[];
}

// One-shot hashing (a hash object per string cost ~10 µs, 1.2 s of a 50,000-paper rebuild), of the
// UTF-16 code units: UTF-8 would give a lone surrogate and U+FFFD the same hash.
const sourceHash = (source: string): string => hash('sha1', Buffer.from(source, 'utf16le'), 'base64');

export class KeptStrings {
  private prior: Map<string, string> | null = null;
  private readonly made = new Map<string, string>();
  private readonly file: string;
  private readonly format: string;
  private readonly code: string | null;

  /** Nothing is read or kept when `projectRoot` is null. */
  constructor(projectRoot: string | null, options: KeptStringsOptions) {
    this.file = projectRoot ? join(projectRoot, 'node_modules', '.cache', 'research-digest', options.name) : '';
    this.format = `research-digest ${options.name} 1`;
    const code = projectRoot ? filesHash(projectRoot, [...options.code, 'src/lib/kept-strings.ts']) : null;
    // Node's version too: its Unicode tables decide what the rules' \\p{…} classes match.
    this.code = code === null ? null : `${code} node ${process.version}`;
  }

  /** The string made of `source`: the last build's, or `make`'s. */
  get(source: string, make: () => string): string {
    if (this.code === null) return make();
    const hash = sourceHash(source);
    let made = this.made.get(hash) ?? this.priorStrings().get(hash);
    if (made === undefined) made = make();
    this.made.set(hash, made);
    return made;
  }

  /** Keeps this build's strings (those asked for) for the next; a failure to write only warns. */
  keep(warn: (message: string) => void): void {
    if (this.code === null) return;
    const contents: KeptFile = {
      format: this.format,
      code: this.code,
      hashes: [...this.made.keys()],
      strings: [...this.made.values()],
    };
    try {
      writeFileAside(this.file, (pending) => writeFileSync(pending, JSON.stringify(contents)));
    } catch (error) {
      warn(`[research-digest] could not keep ${this.file} for the next build: ${(error as Error).message}`);
    }
  }

  private priorStrings(): Map<string, string> {
    if (this.prior) return this.prior;
    this.prior = new Map();
    try {
      const contents = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<KeptFile>;
      const { hashes, strings } = contents;
      if (
        contents.format === this.format &&
        contents.code === this.code &&
        Array.isArray(hashes) &&
        Array.isArray(strings) &&
        hashes.length === strings.length
      )
        for (let at = 0; at < hashes.length; at++) {
          const [hashOf, kept] = [hashes[at], strings[at]];
          if (typeof hashOf === 'string' && typeof kept === 'string') this.prior.set(hashOf, kept);
        }
    } catch {
      // No file yet, or one that cannot be read: every string is made.
    }
    return this.prior;
  }
}

/** The BibTeX entries (src/lib/bibtex.ts), by Citation.js's input. */
export const bibtexEntryCache = (projectRoot: string | null): KeptStrings =>
  new KeptStrings(projectRoot, {
    name: 'bibtex.json',
    code: [
      'src/lib/bibtex.ts',
      // Citation.js and the packages of its own that write dates and names.
      'node_modules/@citation-js/core/package.json',
      'node_modules/@citation-js/plugin-bibtex/package.json',
      'node_modules/@citation-js/date/package.json',
      'node_modules/@citation-js/name/package.json',
    ],
  });

/** The cards' previews (src/lib/paper-preview.ts), by abstract. */
export const previewCache = (projectRoot: string | null): KeptStrings =>
  new KeptStrings(projectRoot, { name: 'previews.json', code: ['src/lib/paper-preview.ts'] });

/**
 * Keeps the strings made for the corpus published in this process for the next build: called when
 * every page is made (a build's last integration that makes pages; a rebuild's pages), never by a
 * page, so that `astro dev` serving /papers.bib writes nothing.
 */
export function keepPublishedStrings(warn: (message: string) => void): void {
  const kept = publishedCorpus()?.kept;
  kept?.bibtex.keep(warn);
  kept?.previews.keep(warn);
}
