/**
 * The record of what a build left in `dist/` (src/integrations/output-record.ts) and the listing of
 * `dist/` made with it (src/integrations/output-listing.ts), on hand-made folders: a record is
 * read back as written, unless it is missing, corrupt, of another version or of another output
 * folder; times too close to its writing are kept as unknown; a folder whose time is the recorded
 * one is taken from the record, one whose time changed (or was unknown) is listed again. Through
 * the stale-output integration's hooks: the record is taken away when a build starts, and what the
 * last build wrote and this one did not is deleted, with a record and without one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutput } from '../../src/integrations/output-listing.ts';
import {
  readOutputRecord,
  writeOutputRecord,
  type FolderEntry,
  type OutputRecord,
} from '../../src/integrations/output-record.ts';
import staleOutput, { recordedPages } from '../../src/integrations/stale-output.ts';
import { listFiles } from './helpers.ts';

const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const NOW = Date.parse('2026-11-28T06:00:00Z');

describe('the output record', () => {
  let folder: string;
  const recordFile = () => join(folder, 'cache', 'output-record.json');
  const record: OutputRecord = {
    folders: new Map([
      ['', { mtimeMs: NOW - 60_000, files: ['index.html'], folders: ['papers'] }],
      ['papers/', { mtimeMs: NOW - 500, files: [], folders: ['a'] }],
      ['papers/a/', { mtimeMs: NOW - 60_000, files: ['index.html'], folders: [] }],
    ]),
    pages: new Map([
      ['papers/a/index.html', { digest: 'digest-a', size: 123, mtimeMs: NOW - 60_000, key: 'key-a' }],
      ['papers/b/index.html', { digest: 'digest-b', size: 456, mtimeMs: NOW - 1_000, key: '' }],
    ]),
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'rd-output-record-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is read back as written, with the times of the last two seconds before its writing unknown (−1)', () => {
    writeOutputRecord(recordFile(), '/site/dist', record, NOW);
    const read = readOutputRecord(recordFile(), '/site/dist');
    expect(read?.folders.get('')).toEqual(record.folders.get(''));
    expect(read?.folders.get('papers/')).toEqual({ mtimeMs: -1, files: [], folders: ['a'] });
    expect(read?.folders.get('papers/a/')).toEqual(record.folders.get('papers/a/'));
    expect(read?.pages.get('papers/a/index.html')).toEqual(record.pages.get('papers/a/index.html'));
    expect(read?.pages.get('papers/b/index.html')).toEqual({ digest: 'digest-b', size: 456, mtimeMs: -1, key: '' });
  });

  it('is not used when missing, corrupt, of another output folder or of another version', () => {
    expect(readOutputRecord(recordFile(), '/site/dist')).toBeNull();
    writeOutputRecord(recordFile(), '/site/dist', record, NOW);
    expect(readOutputRecord(recordFile(), '/site/dist-shards/1')).toBeNull();
    const text = readFileSync(recordFile(), 'utf8');
    writeFileSync(recordFile(), text.slice(0, text.length / 2));
    expect(readOutputRecord(recordFile(), '/site/dist')).toBeNull();
    const data = JSON.parse(text) as { version: number; pages: Record<string, unknown> };
    writeFileSync(recordFile(), JSON.stringify({ ...data, version: data.version + 1 }));
    expect(readOutputRecord(recordFile(), '/site/dist')).toBeNull();
    writeFileSync(recordFile(), JSON.stringify({ ...data, pages: { 'papers/a/index.html': ['digest-a', '123', 0] } }));
    expect(readOutputRecord(recordFile(), '/site/dist')).toBeNull();
  });
});

describe('listing dist/ with the record of its folders', () => {
  let dist: string;
  const put = (path: string, text = 'x') => {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  };
  /** Folders' times set long ago, as a previous build's would be. */
  const age = (...folders: string[]) => {
    for (const path of folders) utimesSync(join(dist, path), LONG_AGO, LONG_AGO);
  };

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'rd-output-listing-'));
    put('index.html');
    put('papers/a/index.html');
    put('papers/b/index.html');
    put('pagefind/pagefind.js');
    age('', 'papers', 'papers/a', 'papers/b', 'pagefind');
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('lists every folder when there is no record, and not the folders claimed whole', () => {
    const listing = listOutput(dist, new Set(['pagefind/']), null);
    expect([...listing.keys()].sort()).toEqual(['', 'papers/', 'papers/a/', 'papers/b/']);
    expect(listing.get('')!.files).toEqual(['index.html']);
    expect(listing.get('')!.folders.sort()).toEqual(['pagefind', 'papers']);
    expect(listing.get('papers/b/')).toEqual({
      mtimeMs: statSync(join(dist, 'papers/b')).mtimeMs,
      files: ['index.html'],
      folders: [],
    });
  });

  it('takes a folder whose time is the recorded one from the record, and lists again one whose time changed', () => {
    const recorded = new Map<string, FolderEntry>(listOutput(dist, new Set(['pagefind/']), null));
    // What the record says of papers/a/ is believed while its time is the same: it is not listed.
    recorded.set('papers/a/', { ...recorded.get('papers/a/')!, files: ['index.html', 'as-recorded.html'] });
    put('papers/b/by-hand.txt');
    rmSync(join(dist, 'index.html'));
    const listing = listOutput(dist, new Set(['pagefind/']), recorded);
    expect(listing.get('papers/a/')!.files).toEqual(['index.html', 'as-recorded.html']);
    expect(listing.get('papers/b/')!.files.sort()).toEqual(['by-hand.txt', 'index.html']);
    expect(listing.get('')!.files).toEqual([]);
  });

  it('lists again a folder whose recorded time was unknown, finds folders new since, and drops those gone', () => {
    const recorded = new Map<string, FolderEntry>(listOutput(dist, new Set(['pagefind/']), null));
    recorded.set('papers/a/', { mtimeMs: -1, files: ['as-recorded.html'], folders: [] });
    put('papers/c/index.html');
    rmSync(join(dist, 'papers/b'), { recursive: true });
    // pagefind/ is not claimed by this build: it is listed like any folder.
    const listing = listOutput(dist, new Set(), recorded);
    expect(listing.get('papers/a/')!.files).toEqual(['index.html']);
    expect([...listing.keys()].sort()).toEqual(['', 'pagefind/', 'papers/', 'papers/a/', 'papers/c/']);
    expect(listing.get('papers/')!.folders.sort()).toEqual(['a', 'c']);
    expect(listing.get('pagefind/')!.files).toEqual(['pagefind.js']);
  });
});

describe('the record through a build (src/integrations/stale-output.ts)', () => {
  let root: string;
  const dist = () => join(root, 'dist');
  const recordFile = () => join(root, 'node_modules/.cache/research-digest/output-record.json');
  const logger = { info: () => {}, warn: () => {} };
  /** The integration's hooks, called as Astro calls them, with only what they read. */
  type Hook = (options: unknown) => unknown;
  const hooks = () => {
    const integration = staleOutput();
    const call = (name: string, options: unknown) => (integration.hooks as Record<string, Hook>)[name]!(options);
    call('astro:config:done', {
      config: {
        root: pathToFileURL(`${root}/`),
        publicDir: pathToFileURL(join(root, 'public/')),
        outDir: pathToFileURL(`${dist()}/`),
      },
    });
    return {
      start: () => call('astro:build:start', {}),
      done: (pages: string[]) =>
        call('astro:build:done', {
          dir: pathToFileURL(`${dist()}/`),
          assets: new Map([['/', pages.map((page) => pathToFileURL(join(dist(), page)))]]),
          logger,
        }),
    };
  };
  const put = (path: string) => {
    mkdirSync(join(dist(), path, '..'), { recursive: true });
    writeFileSync(join(dist(), path), path);
    utimesSync(join(dist(), path), LONG_AGO, LONG_AGO);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rd-output-build-'));
    mkdirSync(join(root, 'public'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('takes the record away when a build starts, so a build that stops half way leaves none', () => {
    put('index.html');
    put('papers/a/index.html');
    const first = hooks();
    first.start();
    first.done(['index.html', 'papers/a/index.html']);
    expect(readOutputRecord(recordFile(), `${dist()}/`)).not.toBeNull();
    const interrupted = hooks();
    interrupted.start();
    expect(recordedPages()).toEqual(new Map());
    expect(readOutputRecord(recordFile(), `${dist()}/`)).toBeNull();
  });

  it('deletes what the last build wrote and this one did not, with the record and without it', () => {
    for (const page of ['index.html', 'papers/a/index.html', 'papers/b/index.html', 'topics/x/page/2/index.html'])
      put(page);
    const first = hooks();
    first.start();
    first.done(['index.html', 'papers/a/index.html', 'papers/b/index.html', 'topics/x/page/2/index.html']);
    for (const folder of [
      '',
      'papers',
      'papers/a',
      'papers/b',
      'topics',
      'topics/x',
      'topics/x/page',
      'topics/x/page/2',
    ])
      utimesSync(join(dist(), folder), LONG_AGO, LONG_AGO);
    // The record says when each folder last changed: written again with those times, it is trusted.
    first.start();
    first.done(['index.html', 'papers/a/index.html', 'papers/b/index.html', 'topics/x/page/2/index.html']);
    const second = hooks();
    second.start();
    expect(recordedPages()).not.toBeNull();
    second.done(['index.html', 'papers/a/index.html']);
    expect(listFiles(dist())).toEqual(['index.html', 'papers/a/index.html']);

    put('papers/c/index.html');
    rmSync(recordFile());
    const third = hooks();
    third.start();
    expect(recordedPages()).toBeNull();
    third.done(['index.html']);
    expect(listFiles(dist())).toEqual(['index.html']);
  });
});
