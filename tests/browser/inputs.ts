/**
 * The files both the build and the tests' own ingest read. Global setup fingerprints them when it
 * builds; the tests check they are unchanged before comparing the site with a fresh ingest, so an
 * edit made after the build shows up as such rather than as a wrong count on some page.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const INGEST_INPUTS = ['seeds', 'content/topics', 'src/ingest'];

export type Fingerprint = Record<string, string>;

export function fingerprintInputs(root: string): Fingerprint {
  const fingerprint: Fingerprint = {};
  for (const folder of INGEST_INPUTS) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      fingerprint[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  }
  return fingerprint;
}

/** Files added, removed or changed between two fingerprints. */
export function changedInputs(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((file) => before[file] !== after[file])
    .sort();
}
