/**
 * Keeps each dump's parse on disk, keyed by the parser version and a hash of the file's name and
 * bytes: a build after one new dump parses only that dump. One small file per dump keeps the
 * cache out of Astro's data store, which should not hold one giant string.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSER_VERSION, parseDumpInput, type DumpInput, type ParsedDump } from '../ingest/index.ts';

export interface CachedParse {
  parsed: ParsedDump;
  fromCache: boolean;
}

/** A new parser version gives every dump a new key: parses cached by the old parser are not read. */
export function dumpCacheKey(input: DumpInput, parserVersion: number = PARSER_VERSION): string {
  const hash = createHash('sha256').update(`parser ${parserVersion}\0${input.name}\0`);
  hash.update(input.bytes ?? `unreadable: ${input.problem}`);
  return hash.digest('hex').slice(0, 32);
}

/** `key`: the input's `dumpCacheKey`. */
export function parseDumpCached(input: DumpInput, cacheDirectory: string, key: string): CachedParse {
  const file = join(cacheDirectory, `${key}.json`);
  try {
    return { parsed: JSON.parse(readFileSync(file, 'utf8')) as ParsedDump, fromCache: true };
  } catch {
    // Not cached yet, or unreadable: parse again.
  }
  const parsed = parseDumpInput(input);
  try {
    mkdirSync(cacheDirectory, { recursive: true });
    writeFileSync(file, JSON.stringify(parsed));
  } catch {
    // A read-only checkout still builds; it only parses every time.
  }
  return { parsed, fromCache: false };
}
