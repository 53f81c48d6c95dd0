/**
 * A deterministic synthetic corpus for benchmarks: N papers whose titles and abstracts are
 * recombined from the seeds' own sentences (so text statistics are realistic), spread over dumps
 * in all four formats, with dates, upvotes, organisations and about 5% of papers listed again in
 * a later dump.
 */
import type { DumpFormat } from '../../src/ingest/index.ts';
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
  titleHeads: string[];
  titleTails: string[];
}

/** Splits seed titles at their colon and seed abstracts into sentences. */
export function buildTextPool(titles: readonly string[], abstracts: readonly string[]): TextPool {
  const sentences = abstracts.flatMap((abstract) => abstract.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((sentence) => sentence.length > 40);
  const titleHeads = titles.map((title) => title.split(':')[0]!.trim()).filter((head) => head.length > 1 && head.length < 40);
  const titleTails = titles.flatMap((title) => (title.includes(':') ? [title.slice(title.indexOf(':') + 1).trim()] : [title]));
  return { sentences, titleHeads, titleTails };
}

const FORMATS: DumpFormat[] = ['daily-page-metadata', 'line-pairs', 'daily-page', 'abstract-lines'];
const ORGANIZATIONS = [
  { handle: 'LiquidAI', name: 'Liquid AI' },
  { handle: 'UCAS', name: 'ucas' },
  { handle: 'codefuse-ai', name: 'CodeFuse AI' },
  { handle: 'AlibabaTongyiLab', name: 'TongyiLab' },
  { handle: 'deepmind', name: 'Google DeepMind' },
];

export interface SyntheticCorpusOptions {
  papers: number;
  papersPerDump?: number;
  seed?: number;
  /** Share of papers listed again in a later dump. */
  repeatShare?: number;
}

export interface SyntheticDump {
  name: string;
  format: DumpFormat;
  text: string;
  papers: number;
}

export function generateSyntheticCorpus(pool: TextPool, options: SyntheticCorpusOptions): SyntheticDump[] {
  const random = randomGenerator(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const perDump = options.papersPerDump ?? 500;
  const repeatShare = options.repeatShare ?? 0.05;

  const makePaper = (index: number): ListedPaper => {
    const year = 2023 + Math.floor(random() * 3);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const sentenceCount = 5 + Math.floor(random() * 6);
    return {
      // The running number keeps every title distinct, as real titles are.
      title: `${pick(pool.titleHeads)}-${index.toString(36)}: ${pick(pool.titleTails)}`,
      abstract: Array.from({ length: sentenceCount }, () => pick(pool.sentences)).join(' '),
      published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      upvotes: Math.floor(random() ** 3 * 200),
      ...(random() < 0.1 ? { organization: pick(ORGANIZATIONS) } : { authorCount: 1 + Math.floor(random() * 14) }),
    };
  };

  const dumps: SyntheticDump[] = [];
  const listed: ListedPaper[] = [];
  let made = 0;
  for (let dumpIndex = 0; made < options.papers; dumpIndex++) {
    const fresh = Math.min(perDump, options.papers - made);
    const papers = Array.from({ length: fresh }, () => makePaper(made++));
    const repeats = Array.from({ length: Math.floor(fresh * repeatShare) }, () => pick(listed)).filter(Boolean);
    const format = FORMATS[dumpIndex % FORMATS.length]!;
    // Repeats come back with fresh upvotes, as a later scrape would show them.
    const entries = [...papers, ...repeats.map((paper) => ({ ...paper, upvotes: (paper.upvotes ?? 0) + 1 }))];
    listed.push(...papers);
    const name = `${String(dumpIndex).padStart(4, '0')}_synthetic.txt`;
    dumps.push({ name, format, text: writeDump(format, entries, { pageDate: '2026-02-20' }), papers: entries.length });
  }
  return dumps;
}
