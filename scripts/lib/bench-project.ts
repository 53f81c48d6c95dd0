/**
 * The benchmark's sandbox (a copy of the project in a temporary folder, see project-copy.ts, and a
 * folder for its dumps) and the synthetic dumps written into it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from './project-copy.ts';
import { createSyntheticCorpus, type SyntheticCorpusGenerator, type TextPool } from './synthetic-corpus.ts';

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
  copyProject(projectRoot, project);
  mkdirSync(dumps);
  return { root, project, dumps, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface WrittenCorpus {
  dumps: number;
  entries: number;
  bytes: number;
}

/** Writes dumps from the generator into `directory` until `papers` fresh papers are written. */
export function writeSyntheticPapers(
  generator: SyntheticCorpusGenerator,
  directory: string,
  papers: number,
  perDump: number,
): WrittenCorpus {
  const written: WrittenCorpus = { dumps: 0, entries: 0, bytes: 0 };
  while (generator.made < papers) writeDump(generator, directory, Math.min(perDump, papers - generator.made), written);
  return written;
}

/** Writes dumps from the generator into `directory` until they hold `bytes` bytes. */
export function writeSyntheticBytes(
  generator: SyntheticCorpusGenerator,
  directory: string,
  bytes: number,
  perDump: number,
): WrittenCorpus {
  const written: WrittenCorpus = { dumps: 0, entries: 0, bytes: 0 };
  while (written.bytes < bytes) writeDump(generator, directory, perDump, written);
  return written;
}

/** Writes the generator's next dump and adds it to the tally; returns its file name. */
export function writeDump(
  generator: SyntheticCorpusGenerator,
  directory: string,
  fresh: number,
  written: WrittenCorpus,
): string {
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
