/**
 * Keeps each paper's BibTeX entry from one build to the next in
 * `node_modules/.cache/research-digest/bibtex.json`, keyed by a hash of what Citation.js is given
 * for it (src/lib/bibtex.ts `bibtexInput`): Citation.js takes ~0.3 ms an entry, 3 s of a rebuild's
 * main thread at 10,000 papers, and nearly every entry is the same as the last build's.
 *
 * The file is keyed by the code that turns an input into an entry (bibtex.ts and this module) and
 * Citation.js's versions: another code, or a file that cannot be read, is ignored without a word
 * and written anew. It holds the entries of the last build only; deleting it only costs time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAside } from '../loaders/write-aside.ts';
import type { BibtexInput } from './bibtex.ts';
import { filesHash } from './tree-hash.ts';

const FORMAT = 'research-digest bibtex 1';
/** The files, relative to the project, that decide the entry made of an input. */
const ENTRY_CODE = [
  'src/lib/bibtex.ts',
  'src/lib/bibtex-cache.ts',
  'node_modules/@citation-js/core/package.json',
  'node_modules/@citation-js/plugin-bibtex/package.json',
];

interface CacheFile {
  format: string;
  code: string;
  /** Input hash → entry. */
  entries: Record<string, string>;
}

const inputHash = (input: BibtexInput): string => createHash('sha1').update(JSON.stringify(input)).digest('base64');

export class BibtexCache {
  private prior: Map<string, string> | null = null;
  private readonly made = new Map<string, string>();
  private readonly file: string;
  private readonly code: string | null;

  constructor(file: string, projectRoot: string) {
    this.file = file;
    this.code = filesHash(projectRoot, ENTRY_CODE);
  }

  /** The cache file of the project at `projectRoot`. */
  static forProject(projectRoot: string): BibtexCache {
    return new BibtexCache(join(projectRoot, 'node_modules', '.cache', 'research-digest', 'bibtex.json'), projectRoot);
  }

  /** The entry of `input`: the last build's, or `make`'s. */
  entry(input: BibtexInput, make: (input: BibtexInput) => string): string {
    const hash = inputHash(input);
    let entry = this.made.get(hash) ?? this.priorEntries().get(hash);
    if (entry === undefined) entry = make(input);
    this.made.set(hash, entry);
    return entry;
  }

  /** Keeps this build's entries (those asked for) for the next; a failure to write only warns. */
  keep(warn: (message: string) => void): void {
    if (this.code === null) return;
    const contents: CacheFile = { format: FORMAT, code: this.code, entries: Object.fromEntries(this.made) };
    try {
      writeFileAside(this.file, (pending) => writeFileSync(pending, JSON.stringify(contents)));
    } catch (error) {
      warn(`[research-digest] could not keep the BibTeX entries for the next build: ${(error as Error).message}`);
    }
  }

  private priorEntries(): Map<string, string> {
    if (this.prior) return this.prior;
    this.prior = new Map();
    if (this.code === null) return this.prior;
    try {
      const contents = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<CacheFile>;
      if (contents.format === FORMAT && contents.code === this.code && contents.entries)
        this.prior = new Map(Object.entries(contents.entries).filter(([, entry]) => typeof entry === 'string'));
    } catch {
      // No file yet, or one that cannot be read: every entry is made.
    }
    return this.prior;
  }
}
