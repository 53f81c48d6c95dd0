/**
 * The "new dump arrives" fixtures (tests/fixtures/new-dump/), one dump per format, in arrival order:
 *
 * - `001_alpha.txt`   daily page with metadata, dated Feb 20 (2026: inferred from `Dec 30, 2025`):
 *   Frugal Adapters (5 upvotes), Routing Tokens (yearless `Feb 17`, 3 upvotes), Reward Models
 *   (yearless `Mar 1`: after the dump's date, so 2025).
 * - `002_bravo.txt`   abstract lines: the chart paper (new, derived title), a revised abstract of
 *   Routing Tokens that is too different to be recognised (new, derived title), Frugal Adapters again.
 * - `003_charlie.txt` daily page: Reward Models renamed, the chart paper titled, Counting Fish (new).
 * - `004_delta.txt`   line pairs: Prompt Tuning (new), Counting Fish again.
 * - `005_echo.txt`    the bytes of `002_bravo.txt` again, under another name.
 * - `006_foxtrot.txt` daily page with metadata, dated Mar 6 2026: Direct Preference and Grounded
 *   Video (new; `Apr 2` is 2025), Routing Tokens with the revised abstract (ties the two Routing
 *   records together), Frugal Adapters 5 → 12 upvotes, Routing 3 → 9, Counting Fish renamed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ingestDumps, type DumpInput, type IngestResult, type PaperRecord } from '../../src/ingest/index.ts';
import type { DigestSources } from '../../src/loaders/digest-corpus.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NEW_DUMP_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/new-dump');

/** The loader's inputs and caches, all in the folder `root` but the topics (and the ingest code, the project's). */
export function digestSourcesIn(root: string, topicsDirectory: string): DigestSources {
  return {
    seedsDirectory: join(root, 'seeds'),
    topicsDirectory,
    cacheDirectory: join(root, 'cache'),
    classificationsFile: join(root, 'classifications.json'),
    mergeCheckpointFile: join(root, 'merge-checkpoint.bin'),
    ingestCodeDirectory: join(PROJECT_ROOT, 'src/ingest'),
  };
}

export const DUMPS = [
  '001_alpha.txt',
  '002_bravo.txt',
  '003_charlie.txt',
  '004_delta.txt',
  '005_echo.txt',
  '006_foxtrot.txt',
] as const;
export type FixtureDump = (typeof DUMPS)[number];

/** The ids, as fixed by each paper's first appearance (checked by hand against the fixtures). */
export const ID = {
  frugal: 'frugal-adapters-low-rank-updates-on-a-shoestring',
  routing: 'routing-tokens-through-sparse-experts',
  reward: 'reward-models-that-know-when-they-are-wrong',
  /** Derived from the abstract of `002_bravo.txt` line 1 (no title until 003). */
  charts: 'vision-language-models-answer-questions-about-charts-by-reading',
  /** Derived from the abstract of `002_bravo.txt` line 2; retired into `routing` by 006. */
  routingRevised: 'sparse-mixture-of-experts-transformers-send-every-token-to-a',
  fish: 'counting-fish-with-sonar-and-small-networks',
  prompt: 'prompt-tuning-for-tiny-encoders',
  dpo: 'direct-preference-optimization-without-reference-models',
  video: 'grounded-video-captions-for-cooking-steps',
} as const;

function fixtureBytes(name: FixtureDump): Uint8Array {
  return readFileSync(join(NEW_DUMP_FIXTURES, name));
}

export function fixtureText(name: FixtureDump): string {
  return readFileSync(join(NEW_DUMP_FIXTURES, name), 'utf8');
}

/** A fixture dump, optionally under another file name (its place in the arrival order). */
export function dumpInput(name: FixtureDump, as: string = name): DumpInput {
  return { name: as, bytes: fixtureBytes(name) };
}

/** Ingests without topics: these tests are about ids and history, not classification. */
export function ingest(inputs: readonly DumpInput[]): IngestResult {
  return ingestDumps(inputs, []);
}

/** The first `count` fixture dumps under their own names. */
export function ingestFirst(count: number): IngestResult {
  return ingest(DUMPS.slice(0, count).map((name) => dumpInput(name)));
}

export function byId(papers: readonly PaperRecord[], id: string): PaperRecord {
  const found = papers.filter((paper) => paper.id === id);
  expect(
    found.map((paper) => paper.id),
    `papers with id ${id}`,
  ).toEqual([id]);
  return found[0]!;
}

/** The one paper an earlier id leads to now: the paper itself, or the one it was merged into. */
export function resolveId(papers: readonly PaperRecord[], id: string): PaperRecord | undefined {
  const found = papers.filter((paper) => paper.id === id || paper.formerIds.includes(id));
  if (found.length > 1)
    throw new Error(`id ${id} leads to ${found.length} papers: ${found.map((paper) => paper.id).join(', ')}`);
  return found[0];
}

export const sourceKeys = (paper: PaperRecord) => paper.sources.map((source) => `${source.dump}:${source.line}`);

/** Every fixture file is one of the dumps above: nothing else sneaks into the scenario. */
export function fixtureFiles(): string[] {
  return readdirSync(NEW_DUMP_FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}
