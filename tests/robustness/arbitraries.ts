/**
 * fast-check arbitraries for papers as Hugging Face Papers lists them: realistic but varied titles
 * (one clause, LaTeX such as `S$^{2}$FT`, unicode, punctuation, a closing `?`), abstracts of
 * several sentences, and metadata (author count or organisation, a date that may be printed
 * without its year, upvotes). Words come from the seeds' abstracts.
 *
 * What no scrape contains is not generated (each exclusion is explained where it is made):
 * titles that are page chrome, two papers with the same title or near-identical abstracts
 * (merged by design), and yearless dates the page's own date cannot place.
 */
import fc from 'fast-check';
import { normalizeText, titleKey } from '../../src/ingest/index.ts';
import type { ListedPaper } from '../../scripts/lib/dump-writers.ts';
import { SEEDS_ALONE } from './helpers.ts';

/** Words a warning must not show (they would mean a value leaked into it), kept out of generated text. */
const CODE_WORDS = new Set(['null', 'undefined', 'nan', 'object', 'error']);

const VOCABULARY = [
  ...new Set(
    SEEDS_ALONE.papers
      .flatMap((paper) => paper.abstract.split(/\s+/))
      .filter((word) => /^[a-z]{3,12}$/.test(word) && !CODE_WORDS.has(word)),
  ),
].sort();

const word = fc.constantFrom(...VOCABULARY);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Method names as titles print them: acronyms, LaTeX, unicode, version numbers. */
const methodName = fc.oneof(
  fc.stringMatching(/^[A-Z][A-Za-z]{1,6}[A-Z0-9]?$/),
  fc.constantFrom(
    'S$^{2}$FT',
    'S^{2}FT',
    '$\\alpha$-LoRA',
    'Q$_{8}$-Tune',
    'MoE$^{3}$',
    'LLaMA-2',
    'GPT-4o',
    'X-LoRA',
    'DoRA++',
    'T\\"ULU',
  ),
  fc.constantFrom(
    'Zürich',
    'Zu\u0308rich',
    'Ωmega',
    'Café',
    'Mañana',
    '日本語BERT',
    'Łódź',
    'Straße',
    'Ψ-Net',
    'Ünified',
    'Ça-Va',
    '🤗Hub',
    'Naïve',
  ),
  fc.constantFrom('3D-LLM', '4-bit QLoRA', '1.58-bit', 'R1-Zero', 'o1-like', 'V*', 'π0', '$\\pi_0$'),
);

/** One clause of 2–11 words, with the punctuation titles use (no full stop: a title is no sentence). */
const clause = fc
  .tuple(
    word,
    fc.array(fc.tuple(fc.constantFrom(' ', ' ', ' ', '-', ', ', ' & ', ' and '), word), {
      minLength: 1,
      maxLength: 10,
    }),
    fc.boolean(),
    fc.constantFrom('', '', '', '?', ' (Extended Version)', ': A Survey'),
  )
  .map(([first, rest, titleCase, ending]) => {
    const words = rest.map(([glue, w]) => `${glue}${titleCase ? capitalised(w) : w}`);
    return `${capitalised(first)}${words.join('')}${ending}`;
  });

const HEADER_LINES = ['new', 'subscribe', 'daily papers', 'byak and the research community'];

export const title = fc
  .tuple(fc.option(methodName, { nil: undefined }), clause)
  .map(([name, text]) => (name ? `${name}: ${text}` : text))
  // A paper titled like the page chrome ("Daily Papers"), or starting with the glued `Subscribe`
  // or an `Abstract:` prefix, is no listing a scrape would show.
  .filter(
    (text) =>
      !HEADER_LINES.includes(text.toLowerCase()) && !/^(subscribe|abstract)\b/i.test(text) && titleKey(text) !== '',
  );

/** Things abstracts carry besides words: numbers, LaTeX, quotes, links, unicode, abbreviations. */
const abstractExtra = fc.constantFrom(
  'by 4.6%',
  'up to 3$\\times$',
  '(LoRA)',
  'S$^{2}$FT',
  '$\\alpha$',
  '\\%',
  "``dense''",
  '“quoted”',
  'e.g.',
  'i.e.,',
  '(see Fig. 2)',
  'https://github.com/example/repo',
  'naïve',
  'Zürich',
  '–',
  '—',
  'ResNet-50',
  'GPT-4',
  '1.5B',
  '~10k',
  '$O(n^2)$',
  '[CLS]',
  'vs.',
  '&',
);

const sentence = fc
  .tuple(
    fc.array(word, { minLength: 8, maxLength: 22 }),
    fc.array(fc.tuple(fc.nat(30), abstractExtra), { maxLength: 2 }),
  )
  .map(([words, extras]) => {
    const body = [...words];
    for (const [at, extra] of extras) body.splice(1 + (at % (body.length - 1)), 0, extra);
    return `${capitalised(body.join(' '))}.`;
  });

/**
 * Several sentences, each ending in a full stop, or (now and then) one long sentence of at least
 * 15 words: prose, as every abstract is. A shorter "abstract" is no abstract a page shows.
 */
export const abstract = fc.oneof(
  { weight: 4, arbitrary: fc.array(sentence, { minLength: 2, maxLength: 8 }).map((sentences) => sentences.join(' ')) },
  { weight: 1, arbitrary: sentence.filter((text) => text.split(/\s+/).length >= 15) },
);

/** Word 3-grams, the way a reader would judge two abstracts "clearly distinct" (independent of the ingest's own index). */
function trigrams(text: string): Set<string> {
  const words =
    normalizeText(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.slice(2).map((_, index) => words.slice(index, index + 3).join(' ')));
}

function clearlyDistinct(abstracts: readonly string[]): boolean {
  const sets = abstracts.map(trigrams);
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      let shared = 0;
      for (const gram of sets[a]!) if (sets[b]!.has(gram)) shared++;
      if (shared / Math.min(sets[a]!.size, sets[b]!.size) > 0.2) return false;
    }
  }
  return true;
}

/** `handle Name` (`codefuse-ai CodeFuse AI`), or the handle again in other letters (`UCAS ucas`). */
const organisation = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{1,15}$/),
    fc.oneof(
      fc.constant(null),
      fc.array(word.map(capitalised), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(['Université', 'Paris-Saclay'], ['清华大学'], ['ETH', 'Zürich']),
    ),
  )
  .map(([handle, name]) => ({ handle, name: name === null ? handle.toLowerCase() : name.join(' ') }));

const DAY = 86_400_000;
const EPOCH = Date.UTC(2021, 0, 1);
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A day of 2021–2027, as `YYYY-MM-DD`. */
const pageDate = fc.integer({ min: 0, max: 7 * 365 }).map((days) => iso(EPOCH + days * DAY));

/** The day one year before `date` (`2026-02-20` → `2025-02-20`), as the ingest counts a year. */
function yearBefore(date: string): string {
  return `${String(Number(date.slice(0, 4)) - 1).padStart(4, '0')}${date.slice(4)}`;
}

/** Metadata of one paper, its date `daysBefore` the page's date. */
const metadata = fc.record({
  byline: fc.oneof(fc.integer({ min: 1, max: 10_000 }), organisation),
  daysBefore: fc.integer({ min: 0, max: 1500 }),
  yearless: fc.boolean(),
  upvotes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
});

export interface GeneratedDump {
  papers: ListedPaper[];
  pageDate: string;
}

/**
 * Papers with distinct titles and clearly distinct abstracts, listed on a page of `pageDate`.
 * Dates: a page prints a date without its year only for a day within the year before the page
 * (`latest such day not after the page`), and the page's own year is inferred from its newest full
 * date, so a page with yearless dates also prints some full date of that last year. A page whose
 * only full dates are older is ambiguous to any reader of the text (the header has no year).
 */
export function listedPapers(options: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<GeneratedDump> {
  return fc
    .tuple(
      fc.uniqueArray(fc.record({ title, abstract, meta: metadata }), {
        minLength: options.minLength ?? 1,
        maxLength: options.maxLength ?? 8,
        selector: (paper) => titleKey(paper.title),
      }),
      pageDate,
    )
    .filter(([papers]) => clearlyDistinct(papers.map((paper) => paper.abstract)))
    .map(([drafts, page]) => {
      const oneYearBefore = yearBefore(page);
      const dated = drafts.map(({ title, abstract, meta }) => {
        const published = iso(Date.parse(page) - meta.daysBefore * DAY);
        const paper: ListedPaper = {
          title,
          abstract,
          published,
          yearless: meta.yearless && published > oneYearBefore,
          upvotes: meta.upvotes,
        };
        if (typeof meta.byline === 'number') paper.authorCount = meta.byline;
        else paper.organization = meta.byline;
        return paper;
      });
      const anyYearless = dated.some((paper) => paper.yearless);
      const recentFullDate = dated.some((paper) => !paper.yearless && paper.published! > oneYearBefore);
      if (anyYearless && !recentFullDate) dated.find((paper) => paper.yearless)!.yearless = false;
      return { papers: dated, pageDate: page };
    });
}

/** The organisation name the ingest shows for an organisation line: the display name, unless it is the handle again. */
export function expectedOrganisation(organisation: { handle: string; name: string }): string {
  const { handle, name } = organisation;
  return name === '' || name.toLowerCase() === handle.toLowerCase() ? handle : name;
}
