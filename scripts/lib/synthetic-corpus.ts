/**
 * A deterministic synthetic corpus for benchmarks: N papers whose titles and abstracts are
 * recombined from the seeds' own sentences (so text statistics are realistic), spread over dumps
 * in all four formats, with dates, upvotes, organisations and about 5% of papers listed again in
 * a later dump.
 *
 * Real abstracts almost never share a sentence, so sentences are not reused as they are: most are
 * spliced from two seed sentences at a shared function word ("…adapters | that scale to…"), their
 * figures re-rolled, and the paper's method name written into its "we propose" sentence. That
 * keeps the wording and the topic vocabulary of the seeds while random abstracts share few
 * 3-word runs, as real ones do.
 */
import { buildCorpus, parseDumpInput, readDumpFolder, type DumpFormat } from '../../src/ingest/index.ts';
import { writeDump, type ListedPaper } from './dump-writers.ts';

/** Mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TextPool {
  sentences: string[];
  /** Each seed abstract as its sentences, so a synthetic abstract can follow one seed's line of thought. */
  abstracts: string[][];
  titleHeads: string[];
  titleTails: string[];
}

/** The seeds' titles and sentences, the material of the synthetic corpus. */
export function seedTextPool(seedsDirectory: string): TextPool {
  const corpus = buildCorpus(readDumpFolder(seedsDirectory).map(parseDumpInput), []);
  return buildTextPool(
    corpus.papers.filter((paper) => !paper.titleDerived).map((paper) => paper.title),
    corpus.papers.map((paper) => paper.abstract),
  );
}

/** Splits seed titles at their colon and seed abstracts into sentences. */
function buildTextPool(titles: readonly string[], abstracts: readonly string[]): TextPool {
  const split = abstracts
    .map((abstract) => abstract.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((sentence) => sentence.length > 40))
    .filter((sentences) => sentences.length >= 3);
  const sentences = split.flat();
  // Heads are method names ("LoRA-Pro", "MoE-LLaVA"): the part before a colon, at most three words.
  const titleHeads = titles
    .filter((title) => title.includes(':'))
    .map((title) => title.split(':')[0]!.trim())
    .filter((head) => head.length > 1 && head.length < 40 && head.split(/\s+/).length <= 3);
  const titleTails = titles.flatMap((title) =>
    title.includes(':') ? [title.slice(title.indexOf(':') + 1).trim()] : [title],
  );
  return { sentences, abstracts: split, titleHeads, titleTails };
}

/** One dump in ten of each kind: mostly the newest format (metadata), every format present. */
const FORMAT_ROTATION: DumpFormat[] = [
  'daily-page-metadata',
  'line-pairs',
  'daily-page-metadata',
  'daily-page',
  'daily-page-metadata',
  'line-pairs',
  'daily-page-metadata',
  'abstract-lines',
  'daily-page-metadata',
  'line-pairs',
];

const KNOWN_ORGANIZATIONS = [
  { handle: 'LiquidAI', name: 'Liquid AI' },
  { handle: 'UCAS', name: 'ucas' },
  { handle: 'codefuse-ai', name: 'CodeFuse AI' },
  { handle: 'AlibabaTongyiLab', name: 'TongyiLab' },
  { handle: 'deepmind', name: 'Google DeepMind' },
  { handle: 'facebook', name: 'AI at Meta' },
  { handle: 'microsoft', name: 'Microsoft' },
  { handle: 'nvidia', name: 'NVIDIA' },
  { handle: 'Qwen', name: 'Qwen' },
  { handle: 'ByteDance-Seed', name: 'ByteDance Seed' },
  { handle: 'allenai', name: 'Ai2' },
  { handle: 'HuggingFaceTB', name: 'Hugging Face Smol Models Research' },
  { handle: 'OpenGVLab', name: 'OpenGVLab' },
  { handle: 'tencent', name: 'Tencent' },
  { handle: 'stanford', name: 'Stanford University' },
  { handle: 'THUDM', name: 'Tsinghua KEG' },
];
const PLACES = [
  'Shanghai',
  'Beijing',
  'Zhejiang',
  'Stanford',
  'Berkeley',
  'Tokyo',
  'Seoul',
  'Zurich',
  'Paris',
  'Toronto',
  'Montreal',
  'Edinburgh',
  'Cambridge',
  'Oxford',
  'Munich',
  'Singapore',
  'Hong Kong',
  'Sydney',
  'Tel Aviv',
  'Bangalore',
];
const FIELDS = [
  'Open',
  'Deep',
  'Applied',
  'Frontier',
  'Neural',
  'Cognitive',
  'Embodied',
  'Foundation',
  'Generative',
  'Language',
];
const KINDS = [
  'AI Lab',
  'Research',
  'NLP Group',
  'Vision Lab',
  'ML Group',
  'Robotics Lab',
  'Institute',
  'Intelligence Lab',
];

/**
 * Organisations grow with the corpus, as they do on Hugging Face Papers (a few labs publish a lot,
 * many publish once): real handles first, then `<place> <field> <kind>` labs, picked Zipf-like.
 */
function organizationPool(size: number): { handle: string; name: string }[] {
  const pool = [...KNOWN_ORGANIZATIONS];
  for (let index = 0; pool.length < size && index < PLACES.length * FIELDS.length * KINDS.length; index++) {
    const place = PLACES[index % PLACES.length]!;
    const field = FIELDS[Math.floor(index / PLACES.length) % FIELDS.length]!;
    const kind = KINDS[Math.floor(index / (PLACES.length * FIELDS.length)) % KINDS.length]!;
    const name = `${place} ${field} ${kind}`;
    pool.push({ handle: name.toLowerCase().replaceAll(' ', '-'), name });
  }
  return pool;
}

export interface SyntheticCorpusOptions {
  papers: number;
  /** Fresh papers per dump; the seeds' dumps hold 60 to 260 entries. */
  papersPerDump?: number;
  seed?: number;
  /** Share of papers listed again in a later dump. */
  repeatShare?: number;
  /** Share of papers with an organisation line (the rest show an author count). */
  organizationShare?: number;
}

const SYNTHETIC_DEFAULTS = { papersPerDump: 100, seed: 1, repeatShare: 0.05, organizationShare: 0.1 } as const;

export interface SyntheticDump {
  name: string;
  format: DumpFormat;
  text: string;
  /** Entries in the dump: fresh papers and repeats. */
  papers: number;
}

export interface SyntheticCorpusGenerator {
  /** The next dump in order of arrival, with `fresh` new papers (default: `papersPerDump`). */
  nextDump(fresh?: number): SyntheticDump;
  /** Fresh papers made so far. */
  readonly made: number;
}

/** Pivot words for splicing: frequent, and they leave both halves grammatical. */
const PIVOTS = new Set([
  'the',
  'of',
  'and',
  'to',
  'for',
  'with',
  'that',
  'in',
  'on',
  'by',
  'which',
  'while',
  'from',
  'as',
  'is',
  'are',
  'can',
  'into',
  'via',
]);
const TITLE_PIVOTS = new Set(['of', 'for', 'with', 'in', 'and', 'via', 'to', 'on', 'from', 'by']);
const SPLICED_SHARE = 0.9;
/** Share of an abstract's sentences that start from its seed abstract (the rest start anywhere). */
const BASE_SHARE = 0.4;
const DAY_MS = 86_400_000;
const FIRST_DUMP = Date.UTC(2023, 0, 2);
const LAST_DUMP = Date.UTC(2026, 1, 20);

interface SpliceIndex {
  words: string[][];
  /** Pivot word → [sentence, position] pairs where it occurs (not at the very start or end). */
  at: Map<string, [number, number][]>;
}

function spliceIndex(texts: readonly string[], pivots: ReadonlySet<string>): SpliceIndex {
  const words = texts.map((text) => text.split(/\s+/));
  const at = new Map<string, [number, number][]>();
  words.forEach((sentence, index) => {
    for (let position = 2; position < sentence.length - 2; position++) {
      const word = sentence[position]!;
      if (!pivots.has(word)) continue;
      const list = at.get(word);
      if (list) list.push([index, position]);
      else at.set(word, [[index, position]]);
    }
  });
  return { words, at };
}

/** A coined name: CamelCase or an acronym with a digit or capital inside ("CoFiTune", "LLaVA", "Qwen2"). */
const NAME = /(?<![\w'-])(?:[A-Z][a-z]*[A-Z][A-Za-z0-9]*|[A-Z][a-z]+\d[A-Za-z0-9]*)(?![\w'-])/g;
/** Names seen at most this often in the seeds are one paper's own (its method, its benchmark). */
const OWN_NAME_MAX_COUNT = 3;

interface NameCoiner {
  /** Replaces the seed papers' own names in `text` with names of this paper (same name, same replacement). */
  rename(text: string, names: Map<string, string>): string;
}

/**
 * Each real paper coins names of its own, so a corpus's vocabulary keeps growing with its size;
 * reused seed sentences would repeat the seeds' few names instead. Names rare in the seeds are
 * replaced per paper by new ones, glued from pieces of the seeds' names ("Co" + "Bench").
 */
function nameCoiner(sentences: readonly string[], random: () => number): NameCoiner {
  const counts = new Map<string, number>();
  for (const sentence of sentences)
    for (const [name] of sentence.matchAll(NAME)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const pieces = [
    ...new Set([...counts.keys()].flatMap((name) => name.match(/[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [])),
  ].filter((piece) => piece.length >= 2);
  const piece = () => pieces[Math.floor(random() * pieces.length)] ?? 'Net';
  const coin = () => {
    const name = `${piece()}${piece()}`;
    return random() < 0.25 ? `${name}-${1 + Math.floor(random() * 9)}` : name;
  };
  return {
    rename: (text, names) =>
      text.replace(NAME, (name) => {
        if ((counts.get(name) ?? 0) > OWN_NAME_MAX_COUNT) return name;
        let renamed = names.get(name);
        if (renamed === undefined) names.set(name, (renamed = coin()));
        return renamed;
      }),
  };
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

export function createSyntheticCorpus(
  pool: TextPool,
  options: Omit<SyntheticCorpusOptions, 'papers'> & { papers?: number },
): SyntheticCorpusGenerator {
  const random = randomGenerator(options.seed ?? SYNTHETIC_DEFAULTS.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const perDump = options.papersPerDump ?? SYNTHETIC_DEFAULTS.papersPerDump;
  const repeatShare = options.repeatShare ?? SYNTHETIC_DEFAULTS.repeatShare;
  const organizationShare = options.organizationShare ?? SYNTHETIC_DEFAULTS.organizationShare;
  const plannedDumps = Math.max(1, Math.ceil((options.papers ?? perDump) / perDump));
  const dayStep = Math.max(1, Math.floor((LAST_DUMP - FIRST_DUMP) / DAY_MS / plannedDumps));
  const organizations = organizationPool(Math.max(KNOWN_ORGANIZATIONS.length, Math.round((options.papers ?? 0) / 25)));
  const sentences = spliceIndex(pool.sentences, PIVOTS);
  const abstractStarts: number[] = [];
  pool.abstracts.reduce((start, abstract) => (abstractStarts.push(start), start + abstract.length), 0);
  const tails = spliceIndex(pool.titleTails, TITLE_PIVOTS);
  const coiner = nameCoiner(pool.sentences, random);
  const heads = pool.titleHeads.length > 0 ? pool.titleHeads : ['Model'];

  /** `A[0..p) + B[q..]` at a pivot word both share (B drawn from the whole pool), or A unchanged. */
  const splice = (index: SpliceIndex, first: number, share: number): string => {
    const words = index.words[first]!;
    if (random() >= share) return words.join(' ');
    const positions = words.flatMap((word, position) =>
      position >= 2 && position < words.length - 2 && index.at.has(word) ? [position] : [],
    );
    if (positions.length === 0) return words.join(' ');
    const cut = pick(positions);
    const [second, from] = pick(index.at.get(words[cut]!)!);
    if (second === first) return words.join(' ');
    return [...words.slice(0, cut), ...index.words[second]!.slice(from)].join(' ');
  };
  /** Figures differ from paper to paper: `45.3` and `12%` get fresh digits of the same shape. */
  const rerollFigures = (text: string): string =>
    text
      .replace(
        /(?<![\w.-])(\d{1,3})\.(\d{1,2})(?![\w.])/g,
        (_, whole: string, fraction: string) =>
          `${Math.floor(random() * 10 ** whole.length)}.${String(Math.floor(random() * 10 ** fraction.length)).padStart(fraction.length, '0')}`,
      )
      .replace(/(?<![\w.-])\d{1,2}%/g, () => `${1 + Math.floor(random() * 98)}%`);
  const organization = () =>
    organizations[Math.min(organizations.length - 1, Math.floor(organizations.length ** random()) - 1)]!;

  let made = 0;
  let dumpIndex = 0;
  const listed: ListedPaper[] = [];

  const makePaper = (pageDate: number): ListedPaper => {
    const index = made++;
    // The running number keeps every title distinct, as real titles are.
    const name = `${pick(heads)}-${index.toString(36).toUpperCase()}`;
    // Each sentence of one seed abstract, spliced with another sentence: the paper keeps that
    // seed's subject (and so its topics) but not its wording.
    const base = Math.floor(random() * pool.abstracts.length);
    const names = new Map<string, string>();
    const abstract = pool.abstracts[base]!.map((_, offset) => {
      const first =
        random() < BASE_SHARE ? abstractStarts[base]! + offset : Math.floor(random() * pool.sentences.length);
      return coiner.rename(rerollFigures(splice(sentences, first, SPLICED_SHARE)), names);
    });
    const proposing = abstract.findIndex((sentence) => /\b[Ww]e (?:propose|introduce|present)\s/.test(sentence));
    if (proposing >= 0)
      abstract[proposing] = abstract[proposing]!.replace(/\b([Ww]e (?:propose|introduce|present))\s/, `$1 ${name}, `);
    // Most papers on a daily page are days old; some are older papers trending again.
    const age = random() < 0.15 ? 30 + Math.floor(random() * 600) : Math.floor(random() * 14);
    return {
      title: `${name}: ${splice(tails, Math.floor(random() * pool.titleTails.length), 0.7)}`,
      abstract: abstract.join(' '),
      published: isoDate(pageDate - age * DAY_MS),
      upvotes: Math.floor(random() ** 3 * 200),
      ...(random() < organizationShare
        ? { organization: organization() }
        : { authorCount: 1 + Math.floor(random() * 14) }),
    };
  };

  return {
    get made() {
      return made;
    },
    nextDump(fresh = perDump) {
      const pageDate = FIRST_DUMP + dumpIndex * dayStep * DAY_MS;
      const papers = Array.from({ length: fresh }, () => makePaper(pageDate));
      const repeats =
        listed.length === 0 ? [] : Array.from({ length: Math.floor(fresh * repeatShare) }, () => pick(listed));
      const format = FORMAT_ROTATION[dumpIndex % FORMAT_ROTATION.length]!;
      // Repeats come back with fresh upvotes, as a later scrape would show them.
      const entries = [...papers, ...repeats.map((paper) => ({ ...paper, upvotes: (paper.upvotes ?? 0) + 1 }))];
      listed.push(...papers);
      const name = `${String(dumpIndex).padStart(4, '0')}_synthetic.txt`;
      dumpIndex++;
      return {
        name,
        format,
        text: writeDump(format, entries, { pageDate: isoDate(pageDate) }),
        papers: entries.length,
      };
    },
  };
}

export function generateSyntheticCorpus(pool: TextPool, options: SyntheticCorpusOptions): SyntheticDump[] {
  const generator = createSyntheticCorpus(pool, options);
  const perDump = options.papersPerDump ?? SYNTHETIC_DEFAULTS.papersPerDump;
  const dumps: SyntheticDump[] = [];
  while (generator.made < options.papers)
    dumps.push(generator.nextDump(Math.min(perDump, options.papers - generator.made)));
  return dumps;
}
