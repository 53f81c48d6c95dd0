/**
 * The shells a full build had Astro render, kept for a rebuild without Astro
 * (node_modules/.cache/research-digest/page-shells/<name>.html): deleting them only makes the next
 * rebuild a full one.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAside } from '../loaders/write-aside.ts';

const keptShellFile = (root: string, name: string): string =>
  join(root, 'node_modules', '.cache', 'research-digest', 'page-shells', `${name}.html`);

export function keepShell(root: string, name: string, html: Buffer | string): void {
  writeFileAside(keptShellFile(root, name), (pending) => writeFileSync(pending, html));
}

export function forgetShell(root: string, name: string): void {
  rmSync(keptShellFile(root, name), { force: true });
}

/** The kept shell, or null when there is none. */
export function keptShell(root: string, name: string): Buffer | null {
  try {
    return readFileSync(keptShellFile(root, name));
  } catch {
    return null;
  }
}

/** The paper pages' shell (src/integrations/paper-pages.ts). */
export const PAPER_PAGE_SHELL = 'papers';
