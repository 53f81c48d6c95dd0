/**
 * Publishing a merged search index into the site's `pagefind/` folder: fragments linked from the
 * shard cache unless already there (the same file), stale ones deleted, the rest replaced whole.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { publishSearchIndex } from '../../src/integrations/search-index-publish.ts';
import { indexShards } from '../../src/integrations/search-shard-index.ts';
import { arrivalShards } from '../../src/lib/search-shards.ts';
import { PROJECT_ROOT, SEEDS_DIR } from '../ingest/helpers.ts';
import { filesThatDiffer, hashTree } from '../site-build/helpers.ts';

function folderWith(root: string, name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

const inode = (file: string) => statSync(file).ino;
const listed = (folder: string) => readdirSync(folder).sort();

describe('publishing the search index', () => {
  it('links every fragment into an empty site and moves the rest of the index in', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const shardA = folderWith(root, 'cache/a/fragment', { 'a0.pf_fragment': 'A0', 'a1.pf_fragment': 'A1' });
    const shardB = folderWith(root, 'cache/b/fragment', { 'b0.pf_fragment': 'B0' });
    const staging = folderWith(root, 'staging', {
      'pagefind-entry.json': '{}',
      'index/c0.pf_index': 'chunk',
      'pagefind.js': 'script',
    });
    mkdirSync(join(staging, 'fragment'));
    const site = join(root, 'dist', 'pagefind');

    expect(publishSearchIndex(staging, site, [shardA, shardB], 3)).toEqual({ written: 3, deleted: 0 });
    expect(listed(site)).toEqual(['fragment', 'index', 'pagefind-entry.json', 'pagefind.js']);
    expect(listed(join(site, 'fragment'))).toEqual(['a0.pf_fragment', 'a1.pf_fragment', 'b0.pf_fragment']);
    // Links, not copies: the cache's very files.
    expect(inode(join(site, 'fragment', 'a1.pf_fragment'))).toBe(inode(join(shardA, 'a1.pf_fragment')));
    expect(readFileSync(join(site, 'index', 'c0.pf_index'), 'utf8')).toBe('chunk');
    expect(existsSync(staging)).toBe(false);
  });

  it('keeps the fragments already there, replaces other files of their names, deletes stale ones and the old index', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const shardA = folderWith(root, 'cache/a/fragment', { 'a0.pf_fragment': 'A0', 'a1.pf_fragment': 'A1' });
    const shardB = folderWith(root, 'cache/b/fragment', { 'b0.pf_fragment': 'B0' });
    const site = join(root, 'dist', 'pagefind');
    publishSearchIndex(folderWith(root, 'staging1', { 'index/old.pf_index': 'old chunk' }), site, [shardA, shardB], 3);
    const keptInode = inode(join(site, 'fragment', 'a0.pf_fragment'));
    // A file of a1's name that is not the cache's (a copy, say, or edited by hand).
    writeFileSync(join(site, 'fragment', 'a1.pf_fragment.tmp'), 'edited');
    renameSync(join(site, 'fragment', 'a1.pf_fragment.tmp'), join(site, 'fragment', 'a1.pf_fragment'));
    const shardC = folderWith(root, 'cache/c/fragment', { 'c0.pf_fragment': 'C0' });

    const staging = folderWith(root, 'staging2', { 'index/new.pf_index': 'new chunk' });
    // Shard b is gone from the index, shard c new.
    expect(publishSearchIndex(staging, site, [shardA, shardC], 3)).toEqual({ written: 2, deleted: 1 });
    expect(listed(join(site, 'fragment'))).toEqual(['a0.pf_fragment', 'a1.pf_fragment', 'c0.pf_fragment']);
    expect(inode(join(site, 'fragment', 'a0.pf_fragment'))).toBe(keptInode);
    expect(readFileSync(join(site, 'fragment', 'a1.pf_fragment'), 'utf8')).toBe('A1');
    expect(inode(join(site, 'fragment', 'a1.pf_fragment'))).toBe(inode(join(shardA, 'a1.pf_fragment')));
    expect(listed(join(site, 'index'))).toEqual(['new.pf_index']);
  });

  it('moves in the fragments a merge staged (shards built apart), beside the cached ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const shardA = folderWith(root, 'cache/a/fragment', { 'a0.pf_fragment': 'A0' });
    const staging = folderWith(root, 'staging', { 'fragment/s0.pf_fragment': 'S0' });
    const site = join(root, 'dist', 'pagefind');
    expect(publishSearchIndex(staging, site, [shardA], 2)).toEqual({ written: 2, deleted: 0 });
    expect(listed(join(site, 'fragment'))).toEqual(['a0.pf_fragment', 's0.pf_fragment']);
    expect(readFileSync(join(site, 'fragment', 's0.pf_fragment'), 'utf8')).toBe('S0');
  });

  it('refuses fragments that are not one a page (one missing, a stray file) before touching the site', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const shardA = folderWith(root, 'cache/a/fragment', { 'a0.pf_fragment': 'A0', 'a1.pf_fragment': 'A1' });
    const site = join(root, 'dist', 'pagefind');
    publishSearchIndex(folderWith(root, 'staging1', { 'index/c.pf_index': 'chunk' }), site, [shardA], 2);
    const staging = folderWith(root, 'staging2', { 'index/d.pf_index': 'other chunk' });
    expect(() => publishSearchIndex(staging, site, [shardA], 3)).toThrow(
      /the search shards hold 2 fragments for 3 pages/,
    );
    writeFileSync(join(shardA, '.DS_Store'), 'stray');
    expect(() => publishSearchIndex(staging, site, [shardA], 2)).toThrow(
      /the search shards hold 3 fragments for 2 pages/,
    );
    expect(listed(join(site, 'index'))).toEqual(['c.pf_index']);
  });

  it('refuses two shards with a fragment of one name', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const shardA = folderWith(root, 'cache/a/fragment', { 'x0.pf_fragment': 'A' });
    const shardB = folderWith(root, 'cache/b/fragment', { 'x0.pf_fragment': 'B' });
    expect(() => publishSearchIndex(folderWith(root, 'staging', {}), join(root, 'site'), [shardA, shardB], 2)).toThrow(
      'two search shards have a fragment named x0.pf_fragment',
    );
  });
});

describe('the build publishing its index over the last build', () => {
  const topics = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
  const corpus = ingestDumps(readDumpFolder(SEEDS_DIR), topics);
  const names = topicNames(topics);
  // The last shard of 200 papers loses ten papers, as a rebuild's shard changes; the others stay.
  const [first, second, last] = arrivalShards(corpus.papers, 200);
  const gone = new Set(last!.slice(0, 10).map((paper) => paper.id));
  const fewer = corpus.papers.filter((paper) => !gone.has(paper.id));

  it('gives the index of a clean build, leaving the unchanged shards\u2019 fragments as they were', async () => {
    const work = mkdtempSync(join(tmpdir(), 'publish-build-'));
    const site = join(work, 'dist', 'pagefind');
    const options = { cacheDirectory: join(work, 'cache'), pagefindVersion: 'test', shardSize: 200, publishTo: site };
    const staging = join(work, 'staging');
    const built = await indexShards({ papers: corpus.papers, topicNames: names }, staging, options);
    expect(built.fromCache).toBe(0);
    const clean = join(work, 'clean');
    await indexShards({ papers: corpus.papers, topicNames: names }, clean, {
      ...options,
      cacheDirectory: join(work, 'clean-cache'),
      publishTo: undefined,
    });
    expect(filesThatDiffer(hashTree(site), hashTree(clean))).toEqual([]);
    expect(filesThatDiffer(hashTree(clean), hashTree(site))).toEqual([]);
    const inodes = new Map(
      readdirSync(join(site, 'fragment')).map((name) => [name, inode(join(site, 'fragment', name))]),
    );
    expect(inodes.size).toBe(corpus.papers.length);

    const rebuilt = await indexShards({ papers: fewer, topicNames: names }, staging, options);
    expect(rebuilt.fromCache).toBe(2);
    const cleanFewer = join(work, 'clean-fewer');
    await indexShards({ papers: fewer, topicNames: names }, cleanFewer, {
      ...options,
      cacheDirectory: join(work, 'clean-fewer-cache'),
      publishTo: undefined,
    });
    expect(filesThatDiffer(hashTree(site), hashTree(cleanFewer))).toEqual([]);
    expect(filesThatDiffer(hashTree(cleanFewer), hashTree(site))).toEqual([]);
    const after = readdirSync(join(site, 'fragment'));
    expect(after).toHaveLength(fewer.length);
    // The unchanged shards' fragments are the very files of the first build; the changed shard's are new.
    const kept = after.filter((name) => inodes.get(name) === inode(join(site, 'fragment', name)));
    expect(kept).toHaveLength(first!.length + second!.length);
    expect(existsSync(staging)).toBe(false);
  }, 120_000);
});
