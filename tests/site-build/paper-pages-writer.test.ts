/**
 * The writer of the paper pages (src/integrations/paper-pages.ts) on a hand-made `dist/`: it fills
 * the shell for each paper, removes the shell, leaves a page that already holds the same bytes
 * untouched (its file is not written again), writes one whose bytes differ, and says which paper's
 * page failed or that there is no shell. With the last build's record of its pages
 * (src/integrations/output-record.ts), it takes a file whose size and time are the recorded ones
 * for the recorded page without reading it, writes a page whose digest is not the recorded one,
 * and reads and compares a file that changed since it was recorded.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePaperPages } from '../../src/integrations/paper-pages.ts';
import type { PaperPageSource } from '../../src/integrations/paper-page-channel.ts';
import type { PageEntry } from '../../src/integrations/output-record.ts';
import { SHELL_BODY, SHELL_DESCRIPTION, SHELL_TITLE } from '../../src/lib/paper-page-shell.ts';

const SHELL =
  `<html><head><title>${SHELL_TITLE} · Research Digest</title><meta content="${SHELL_DESCRIPTION}">` +
  `<link href="https://x.org/papers/_shell_/"></head><body>${SHELL_BODY}</body></html>`;
const page = (id: string, title: string, body: string) =>
  `<html><head><title>${title} · Research Digest</title><meta content="about ${id}">` +
  `<link href="https://x.org/papers/${id}/"></head><body>${body}</body></html>`;

/**
 * The pages of `bodies`; each page's data key is its body unless `keys` says otherwise, and
 * `made` hears of each page whose parts were made.
 */
const source = (
  bodies: Record<string, string>,
  {
    keys = {},
    reuseByKey = false,
    made = [],
  }: { keys?: Record<string, string>; reuseByKey?: boolean; made?: string[] } = {},
): PaperPageSource => ({
  ids: Object.keys(bodies),
  parts: (id) => {
    made.push(id);
    if (bodies[id] === 'fail') throw new Error('no such paper');
    return { id, title: id.toUpperCase(), description: `about ${id}`, bodyHtml: bodies[id]! };
  },
  key: (id) => keys[id] ?? `key of ${bodies[id]}`,
  reuseByKey,
});

describe('writePaperPages', () => {
  let dist: string;
  const file = (id: string) => join(dist, 'papers', id, 'index.html');
  const putShell = () => {
    mkdirSync(join(dist, 'papers', '_shell_'), { recursive: true });
    writeFileSync(join(dist, 'papers', '_shell_', 'index.html'), SHELL);
  };

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'rd-paper-pages-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('writes each page from the shell and removes the shell', () => {
    putShell();
    const written = writePaperPages(dist, source({ a: '<p>A</p>', b: '<p>B</p>' }));
    expect(written).toEqual({ written: 2, unchanged: 0 });
    expect(readFileSync(file('a'), 'utf8')).toBe(page('a', 'A', '<p>A</p>'));
    expect(readFileSync(file('b'), 'utf8')).toBe(page('b', 'B', '<p>B</p>'));
    expect(existsSync(join(dist, 'papers', '_shell_'))).toBe(false);
  });

  it('leaves a page with the same bytes as it is, and writes one whose bytes differ', () => {
    putShell();
    writePaperPages(dist, source({ a: '<p>A</p>', b: '<p>B</p>' }));
    const longAgo = new Date('2020-01-01T00:00:00Z');
    for (const id of ['a', 'b']) utimesSync(file(id), longAgo, longAgo);
    putShell();
    const heard: [string, boolean][] = [];
    const again = writePaperPages(dist, source({ a: '<p>A</p>', b: '<p>B, changed</p>' }), (page, written) =>
      heard.push([page, written]),
    );
    expect(again).toEqual({ written: 1, unchanged: 1 });
    expect(heard).toEqual([
      ['papers/a/index.html', false],
      ['papers/b/index.html', true],
    ]);
    expect(statSync(file('a')).mtime).toEqual(longAgo);
    expect(statSync(file('b')).mtime).not.toEqual(longAgo);
    expect(readFileSync(file('b'), 'utf8')).toBe(page('b', 'B', '<p>B, changed</p>'));
  });

  it('names the page that could not be made', () => {
    putShell();
    expect(() => writePaperPages(dist, source({ a: '<p>A</p>', broken: 'fail' }))).toThrow(
      'the paper page papers/broken/index.html could not be made: no such paper',
    );
  });

  it('says so when the route rendered no shell', () => {
    expect(() => writePaperPages(dist, source({ a: '<p>A</p>' }))).toThrow(/no paper page shell at .*_shell_/);
  });

  describe('with the record of the last build', () => {
    /** Builds the pages once and returns what the writer recorded of them. */
    const firstBuild = (bodies: Record<string, string>) => {
      putShell();
      const recorded = new Map<string, PageEntry>();
      writePaperPages(dist, source(bodies), undefined, {
        previous: null,
        record: (file, entry) => recorded.set(file, entry),
      });
      return recorded;
    };
    const rebuild = (
      bodies: Record<string, string>,
      previous: ReadonlyMap<string, PageEntry>,
      options: Parameters<typeof source>[1] = {},
    ) => {
      putShell();
      const recorded = new Map<string, PageEntry>();
      const heard: [string, boolean][] = [];
      const made: string[] = [];
      const counts = writePaperPages(
        dist,
        source(bodies, { ...options, made }),
        (file, written) => heard.push([file, written]),
        { previous, record: (file, entry) => recorded.set(file, entry) },
      );
      return { counts, heard, recorded, made };
    };

    it('records each page with its file’s size and time, and a digest that follows its bytes', () => {
      const first = firstBuild({ a: '<p>A</p>', b: '<p>B</p>' });
      expect([...first.keys()]).toEqual(['papers/a/index.html', 'papers/b/index.html']);
      for (const [page, entry] of first) {
        const stats = statSync(join(dist, page));
        expect(entry.size).toBe(stats.size);
        expect(entry.mtimeMs).toBe(stats.mtimeMs);
      }
      expect(first.get('papers/a/index.html')!.digest).not.toBe(first.get('papers/b/index.html')!.digest);
      const again = rebuild({ a: '<p>A</p>', b: '<p>B, changed</p>' }, first);
      expect(again.counts).toEqual({ written: 1, unchanged: 1 });
      expect(again.recorded.get('papers/a/index.html')).toEqual(first.get('papers/a/index.html'));
      expect(again.recorded.get('papers/b/index.html')!.digest).not.toBe(first.get('papers/b/index.html')!.digest);
    });

    it('takes a file with the recorded size and time for the recorded page, without reading it', () => {
      const first = firstBuild({ a: '<p>A</p>' });
      // Other bytes of the same length, the recorded time given back: only reading would tell.
      const entry = first.get('papers/a/index.html')!;
      writeFileSync(file('a'), page('a', 'A', '<p>Z</p>'));
      utimesSync(file('a'), entry.mtimeMs / 1000, entry.mtimeMs / 1000);
      const stats = statSync(file('a'));
      const previous = new Map([['papers/a/index.html', { ...entry, mtimeMs: stats.mtimeMs }]]);
      const again = rebuild({ a: '<p>A</p>' }, previous);
      expect(again.counts).toEqual({ written: 0, unchanged: 1 });
      expect(readFileSync(file('a'), 'utf8')).toBe(page('a', 'A', '<p>Z</p>'));
    });

    it('writes a page whose digest is not the recorded one, even when the file already holds its bytes', () => {
      const first = firstBuild({ a: '<p>A</p>' });
      const previous = new Map([['papers/a/index.html', { ...first.get('papers/a/index.html')!, digest: 'other' }]]);
      expect(rebuild({ a: '<p>A</p>' }, previous).counts).toEqual({ written: 1, unchanged: 0 });
      expect(readFileSync(file('a'), 'utf8')).toBe(page('a', 'A', '<p>A</p>'));
    });

    it('reads and compares a file that changed since it was recorded, or whose time was not to be trusted', () => {
      const first = firstBuild({ a: '<p>A</p>', b: '<p>B</p>', c: '<p>C</p>' });
      writeFileSync(file('a'), 'edited by hand');
      rmSync(join(dist, 'papers', 'b'), { recursive: true });
      const previous = new Map(first);
      previous.set('papers/c/index.html', { ...first.get('papers/c/index.html')!, mtimeMs: -1 });
      const again = rebuild({ a: '<p>A</p>', b: '<p>B</p>', c: '<p>C</p>' }, previous);
      expect(again.heard).toEqual([
        ['papers/a/index.html', true],
        ['papers/b/index.html', true],
        ['papers/c/index.html', false],
      ]);
      expect(readFileSync(file('a'), 'utf8')).toBe(page('a', 'A', '<p>A</p>'));
      expect(readFileSync(file('b'), 'utf8')).toBe(page('b', 'B', '<p>B</p>'));
      expect(again.recorded.get('papers/c/index.html')!.mtimeMs).toBe(statSync(file('c')).mtimeMs);
    });

    it('records each page’s data key, and in a rebuild leaves a page whose key and file are the recorded ones unmade', () => {
      const first = firstBuild({ a: '<p>A</p>', b: '<p>B</p>', c: '<p>C</p>' });
      expect(first.get('papers/a/index.html')!.key).toBe('key of <p>A</p>');
      const longAgo = new Date('2020-01-01T00:00:00Z');
      for (const id of ['a', 'b', 'c']) utimesSync(file(id), longAgo, longAgo);
      const previous = new Map(
        [...first].map(([page, entry]) => [page, { ...entry, mtimeMs: statSync(join(dist, page)).mtimeMs }]),
      );
      // c's data changed (its key), b's file changed since it was recorded: only they are made.
      writeFileSync(file('b'), 'edited by hand');
      const again = rebuild({ a: '<p>A</p>', b: '<p>B</p>', c: '<p>C, changed</p>' }, previous, { reuseByKey: true });
      expect(again.made).toEqual(['b', 'c']);
      expect(again.heard).toEqual([
        ['papers/a/index.html', false],
        ['papers/b/index.html', true],
        ['papers/c/index.html', true],
      ]);
      expect(again.recorded.get('papers/a/index.html')).toEqual(previous.get('papers/a/index.html'));
      expect(again.recorded.get('papers/c/index.html')!.key).toBe('key of <p>C, changed</p>');
      expect(readFileSync(file('b'), 'utf8')).toBe(page('b', 'B', '<p>B</p>'));
      expect(readFileSync(file('c'), 'utf8')).toBe(page('c', 'C', '<p>C, changed</p>'));
    });

    it('makes every page in a build that may not reuse by key, the same key or not', () => {
      const first = firstBuild({ a: '<p>A</p>' });
      // Other code made other bytes of the same data: the key alone would hide the change.
      const again = rebuild({ a: '<p>A, new layout</p>' }, first, { keys: { a: 'key of <p>A</p>' } });
      expect(again.made).toEqual(['a']);
      expect(again.counts).toEqual({ written: 1, unchanged: 0 });
      expect(readFileSync(file('a'), 'utf8')).toBe(page('a', 'A', '<p>A, new layout</p>'));
    });

    it('makes a page whose recorded key is not its key, or whose recorded time is not trusted', () => {
      const first = firstBuild({ a: '<p>A</p>', b: '<p>B</p>' });
      const previous = new Map(first);
      previous.set('papers/a/index.html', { ...first.get('papers/a/index.html')!, key: 'another key' });
      previous.set('papers/b/index.html', { ...first.get('papers/b/index.html')!, mtimeMs: -1 });
      const again = rebuild({ a: '<p>A</p>', b: '<p>B</p>' }, previous, { reuseByKey: true });
      expect(again.made).toEqual(['a', 'b']);
      expect(again.counts).toEqual({ written: 0, unchanged: 2 });
      expect(again.recorded.get('papers/a/index.html')!.key).toBe('key of <p>A</p>');
    });
  });
});
