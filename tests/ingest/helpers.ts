/** Shared paths and small helpers for the ingest tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ingestDumps } from '../../src/ingest/index.ts';
import type { DumpInput, IngestResult, IngestWarning, PaperRecord } from '../../src/ingest/index.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');
const FIXTURES_DIR = join(PROJECT_ROOT, 'tests/fixtures/ingest');

export function fixturePath(relative: string): string {
  return join(FIXTURES_DIR, relative);
}

export function fixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The three shapes a future dump may arrive in, made from a fixture's LF text. */
export const VARIANTS: Record<string, (text: string) => string> = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  bom: (text) => `\ufeff${text}`,
  'trailing spaces': (text) => text.replace(/\n/g, '  \t \n'),
  'bom + crlf + trailing spaces': (text) => `\ufeff${text.replace(/\n/g, ' \r\n')}`,
};

/** Ingests in-memory dumps (name → text) without topics: these tests are about records, not topics. */
export function ingestTexts(dumps: Record<string, string>): IngestResult {
  return ingestDumps(
    Object.entries(dumps).map(([name, text]): DumpInput => ({ name, bytes: bytesOf(text) })),
    [],
  );
}

/** The one paper with exactly this title (display title). */
export function paperTitled(papers: readonly PaperRecord[], title: string): PaperRecord {
  const found = papers.filter((paper) => paper.title === title);
  expect(
    found.map((paper) => paper.title),
    `papers titled "${title}"`,
  ).toEqual([title]);
  return found[0]!;
}

/** The one paper whose display title starts with `prefix`. */
export function paperStarting(papers: readonly PaperRecord[], prefix: string): PaperRecord {
  const found = papers.filter((paper) => paper.title.startsWith(prefix));
  expect(found.length, `papers whose title starts with "${prefix}"`).toBe(1);
  return found[0]!;
}

export function sourcesOf(paper: PaperRecord): string[] {
  return paper.sources.map((source) => `${source.dump}:${source.line}`);
}

export function allWarnings(result: IngestResult): IngestWarning[] {
  return result.dumps.flatMap((dump) => dump.warnings);
}
