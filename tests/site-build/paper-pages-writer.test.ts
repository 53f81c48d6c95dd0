/**
 * The writer of the paper pages (src/integrations/paper-pages.ts) on a hand-made `dist/`: it fills
 * the shell for each paper, removes the shell, leaves a page that already holds the same bytes
 * untouched (its file is not written again), writes one whose bytes differ, and says which paper's
 * page failed or that there is no shell.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePaperPages } from '../../src/integrations/paper-pages.ts';
import type { PaperPageSource } from '../../src/integrations/paper-page-channel.ts';
import { SHELL_BODY, SHELL_DESCRIPTION, SHELL_TITLE } from '../../src/lib/paper-page-shell.ts';

const SHELL =
  `<html><head><title>${SHELL_TITLE} · Research Digest</title><meta content="${SHELL_DESCRIPTION}">` +
  `<link href="https://x.org/papers/_shell_/"></head><body>${SHELL_BODY}</body></html>`;
const page = (id: string, title: string, body: string) =>
  `<html><head><title>${title} · Research Digest</title><meta content="about ${id}">` +
  `<link href="https://x.org/papers/${id}/"></head><body>${body}</body></html>`;

const source = (bodies: Record<string, string>): PaperPageSource => ({
  ids: Object.keys(bodies),
  parts: (id) => {
    if (bodies[id] === 'fail') throw new Error('no such paper');
    return { id, title: id.toUpperCase(), description: `about ${id}`, bodyHtml: bodies[id]! };
  },
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
});
