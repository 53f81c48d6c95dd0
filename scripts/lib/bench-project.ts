/**
 * The benchmark's sandbox: a copy of the project in a temporary folder (sources, content,
 * configuration) whose `node_modules` holds one symlink per installed package of the real
 * project. Linking package by package, rather than the whole folder, keeps the caches that
 * builds write under `node_modules/` (Astro's data store in `.astro/`, the parse cache in
 * `.cache/`, Vite's `.vite/`) inside the sandbox: a cold build is really cold, and nothing is
 * written into the real project, where others may be building.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, parseDumpInput, readDumpFolder } from '../../src/ingest/index.ts';
import { buildTextPool, createSyntheticCorpus, type SyntheticCorpusGenerator, type TextPool } from './synthetic-corpus.ts';

/** What a build needs from the project; everything else (tests, scripts, seeds) stays out. */
const PROJECT_ENTRIES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public'];

export interface Sandbox {
  root: string;
  project: string;
  dumps: string;
  remove: () => void;
}

export function createSandbox(projectRoot: string, parent = tmpdir()): Sandbox {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'research-digest-bench-'));
  const project = join(root, 'project');
  const dumps = join(root, 'dumps');
  mkdirSync(project);
  mkdirSync(dumps);
  for (const entry of PROJECT_ENTRIES) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(project, entry), { recursive: true });
  }
  const modules = join(projectRoot, 'node_modules');
  mkdirSync(join(project, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    // Dot folders are caches (except `.bin`); the sandbox starts without them.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(modules, entry), join(project, 'node_modules', entry));
  }
  return { root, project, dumps, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The seeds' titles and sentences, the material of the synthetic corpus (as `generate:corpus` builds it). */
export function seedTextPool(seedsDirectory: string): TextPool {
  const corpus = buildCorpus(readDumpFolder(seedsDirectory).map(parseDumpInput), []);
  return buildTextPool(
    corpus.papers.filter((paper) => !paper.titleDerived).map((paper) => paper.title),
    corpus.papers.map((paper) => paper.abstract),
  );
}

export interface WrittenCorpus {
  dumps: number;
  entries: number;
  bytes: number;
}

/** Writes dumps from the generator into `directory` until `papers` fresh papers are written. */
export function writeSyntheticPapers(generator: SyntheticCorpusGenerator, directory: string, papers: number, perDump: number): WrittenCorpus {
  const written: WrittenCorpus = { dumps: 0, entries: 0, bytes: 0 };
  while (generator.made < papers) writeDump(generator, directory, Math.min(perDump, papers - generator.made), written);
  return written;
}

/** Writes dumps from the generator into `directory` until they hold `bytes` bytes. */
export function writeSyntheticBytes(generator: SyntheticCorpusGenerator, directory: string, bytes: number, perDump: number): WrittenCorpus {
  const written: WrittenCorpus = { dumps: 0, entries: 0, bytes: 0 };
  while (written.bytes < bytes) writeDump(generator, directory, perDump, written);
  return written;
}

/** Writes the generator's next dump and adds it to the tally; returns its file name. */
export function writeDump(generator: SyntheticCorpusGenerator, directory: string, fresh: number, written: WrittenCorpus): string {
  const dump = generator.nextDump(fresh);
  writeFileSync(join(directory, dump.name), dump.text);
  written.dumps += 1;
  written.entries += dump.papers;
  written.bytes += Buffer.byteLength(dump.text);
  return dump.name;
}

export function newGenerator(pool: TextPool, papers: number, perDump: number, seed: number): SyntheticCorpusGenerator {
  return createSyntheticCorpus(pool, { papers, papersPerDump: perDump, seed });
}
