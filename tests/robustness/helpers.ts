/** Shared helpers of the robustness suites: the seeds, message checks and a generator of many distinct papers. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ingestDumps, readDumpFolder } from '../../src/ingest/index.ts';
import type { DumpInput, IngestResult, IngestWarning, PaperRecord } from '../../src/ingest/index.ts';
import type { ListedPaper } from '../../scripts/lib/dump-writers.ts';
import { randomGenerator } from '../../scripts/lib/synthetic-corpus.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');
export const BAD_DIR = join(PROJECT_ROOT, 'tests/fixtures/bad');

/** The good seeds as the ingest reads them, and what they make on their own (read once per test file). */
export const SEEDS: DumpInput[] = readDumpFolder(SEEDS_DIR);
export const SEEDS_ALONE: IngestResult = ingestDumps(SEEDS, []);

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * A warning is one clear sentence for a reader: one line, no leftovers of code (`undefined`,
 * `[object Object]`, `NaN`, a stack trace), no second sentence (outside quoted titles), not empty,
 * not a wall of text.
 */
export function expectOneClearSentence(warning: IngestWarning): void {
  const { message } = warning;
  const where = `${warning.dump}:${warning.line}: ${message}`;
  expect(message, where).toMatch(/^\S/);
  expect(message.length, where).toBeLessThanOrEqual(200);
  expect(message, where).not.toMatch(/[\r\n\t]/);
  expect(message, where).not.toMatch(/\bundefined\b|\bnull\b|\[object|\bNaN\b|Error:|\bat \S+ \(|\s{2}/);
  const unquoted = message.replace(/"[^"]*"/g, '""');
  expect(unquoted, where).not.toMatch(/[.!?]\s+[A-Z]/);
  expect(unquoted, where).not.toMatch(/[.]$/);
}

/** Papers that the ingest keeps unchanged: everything of the record, by id. */
export function papersById(papers: readonly PaperRecord[]): Map<string, PaperRecord> {
  return new Map(papers.map((paper) => [paper.id, paper]));
}

/**
 * `count` papers with distinct titles and clearly distinct abstracts whose words come from the
 * seeds' abstracts: text that reads like the real thing to every part of the ingest (format
 * detection, title/abstract shapes, the near-duplicate index), reproducibly from `seed`.
 */
export function distinctPapers(count: number, seed = 1): ListedPaper[] {
  const random = randomGenerator(seed);
  const words = [
    ...new Set(
      SEEDS_ALONE.papers
        .flatMap((paper) => paper.abstract.split(/\s+/))
        .filter((word) => /^[a-z][a-z-]{1,}$/.test(word)),
    ),
  ];
  const pick = () => words[Math.floor(random() * words.length)]!;
  const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const sentence = () => {
    const length = 14 + Math.floor(random() * 14);
    const body = Array.from({ length }, pick);
    body[0] = capitalised(body[0]!);
    if (length > 20) body[9] = `${body[9]},`;
    return `${body.join(' ')}.`;
  };
  return Array.from({ length: count }, (_, index) => {
    const name = `${capitalised(pick())}${index.toString(36).toUpperCase()}`;
    const day = 1 + Math.floor(random() * 28);
    return {
      title: `${name}: ${Array.from({ length: 4 + Math.floor(random() * 6) }, () => capitalised(pick())).join(' ')}`,
      abstract: Array.from({ length: 5 + Math.floor(random() * 5) }, sentence).join(' '),
      authorCount: 1 + Math.floor(random() * 20),
      published: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      upvotes: Math.floor(random() ** 3 * 300),
    };
  });
}
