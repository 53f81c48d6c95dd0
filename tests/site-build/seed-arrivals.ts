/**
 * The seeds as the site-build tests give them to a copy of the project: every seed, the seeds with
 * the hostile and math fixtures after them, and a dump of two new papers arriving after every seed.
 */
import { copyFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_FIXTURES } from '../site-quality/isolated-build.ts';
import { PROJECT_ROOT } from './helpers.ts';

export const SEEDS = join(PROJECT_ROOT, 'seeds');

/** The seed dumps' names, oldest first. */
export const SEED_FILES = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** The file name the new dump arrives under (after every seed). */
export const NEW_DUMP_FILE = '999_new_papers.txt';

/** Two papers no seed has (words no seed uses), in the daily-page format, arriving after every seed. */
export const NEW_DUMP = `Daily Papers

Mar 30

Quokka Embeddings for Sparse Experts

We route quokka embeddings through a sparse mixture of experts and shard the retrieval index by arrival. Each shard is searched alone and the lists are merged by score.

Wombat Preference Optimization Without Burrows

We align language models with wombat preferences using a reference-free objective. The method needs no burrow model and matches direct preference optimization on chat benchmarks.
`;

/** Dumps of markup-like and LaTeX text: every page the site writes must escape them. */
const HOSTILE_AND_MATH = [
  ...['hostile-daily-page.txt', 'hostile-abstract-lines.txt', 'hostile-metadata.txt'].map((name) =>
    join(HOSTILE_FIXTURES, name),
  ),
  join(PROJECT_ROOT, 'tests/fixtures/math/900_math-daily-page.txt'),
];

/** Copies every seed into `folder`, then the hostile and math fixtures (named to arrive after them). */
export function copySeedsWithHostileAndMath(folder: string): void {
  cpSync(SEEDS, folder, { recursive: true });
  for (const fixture of HOSTILE_AND_MATH) copyFileSync(fixture, join(folder, `zz-${fixture.split('/').at(-1)}`));
}
