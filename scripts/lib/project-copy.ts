/**
 * A copy of the project that builds on its own, for the benchmark and the tests that build the
 * site: others may be building in the real project at the same time, and a build writes `.astro/`,
 * the out dir and caches. The copy holds what a build (and `npm run ingest`) reads, and its own
 * `node_modules/` of one symlink per installed package of the real project. Linking package by
 * package, rather than the whole folder, keeps the caches that builds write under `node_modules/`
 * (Astro's data store in `.astro/`, the parse cache in `.cache/`, Vite's `.vite/`) inside the copy:
 * a cold build is really cold, and nothing is written into the real project.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What a build and the command-line tools need; tests, seeds and the rest stay out. */
const PROJECT_ENTRIES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'content',
  'public',
  'scripts',
];

/** Copies the project at `projectRoot` into `directory` (created if missing). fs.rm of the copy removes the links, never what they point to. */
export function copyProject(projectRoot: string, directory: string): void {
  mkdirSync(directory, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    if (existsSync(join(projectRoot, entry)))
      cpSync(join(projectRoot, entry), join(directory, entry), { recursive: true });
  }
  const modules = join(projectRoot, 'node_modules');
  mkdirSync(join(directory, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    // Dot folders are caches (except `.bin`); the copy starts without them.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(modules, entry), join(directory, 'node_modules', entry));
  }
}
