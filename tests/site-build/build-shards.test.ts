/**
 * Building past one machine: `npm run build:shard -- K/N` in N separate copies of the project (as
 * N CI runners would), then `npm run merge:shards`, must give the site one build makes with the
 * same search shards (RESEARCH_DIGEST_SEARCH_SHARD_SIZE = ⌈477 / 2⌉ = 239), byte for byte.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  filesThatDiffer,
  hashTree,
  makeSiteCopy,
  PROJECT_ROOT,
  runProjectScript,
  type SiteCopy,
} from './helpers.ts';

const paperDirs = (dist: string) => readdirSync(join(dist, 'papers'));

describe('a site built in two shards by two processes, then merged', () => {
  const copies: SiteCopy[] = [];
  const logs: string[] = [];
  let whole = '';
  let merged = '';
  let shardOutputs: string[] = [];

  beforeAll(async () => {
    const [first, second, single] = ['build-shard-1', 'build-shard-2', 'build-shards-whole'].map((label) =>
      makeSiteCopy(label),
    );
    copies.push(first!, second!, single!);
    for (const copy of copies) cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
    shardOutputs = [join(first!.root, 'dist-shards/1'), join(second!.root, 'dist-shards/2')];
    whole = join(single!.root, 'dist');
    const built = await Promise.all([
      runProjectScript(first!, ['scripts/build-shard.ts', '1/2']),
      runProjectScript(second!, ['scripts/build-shard.ts', '2/2']),
      buildSite(single!, whole, { RESEARCH_DIGEST_SEARCH_SHARD_SIZE: '239' }),
    ]);
    logs.push(...built);
    merged = join(first!.root, 'dist');
    logs.push(await runProjectScript(first!, ['scripts/merge-build-shards.ts', '--out', merged, ...shardOutputs]));
  }, 400_000);

  afterAll(() => {
    for (const copy of copies) copy.remove();
  }, 120_000);

  it('each process builds its own half of the paper pages and of the search index', () => {
    expect(logs[0]).toMatch(/Pagefind indexed 239 pages .*; shard 1 of 2, 0 from cache\)/);
    expect(logs[1]).toMatch(/Pagefind indexed 238 pages .*; shard 2 of 2, 0 from cache\)/);
    const [one, two] = shardOutputs.map(paperDirs);
    expect(one!.length + two!.length).toBe(477);
    expect(one!.filter((id) => two!.includes(id))).toEqual([]);
    expect(readdirSync(join(shardOutputs[1]!, 'pagefind'))).toEqual(expect.arrayContaining(['shard-1']));
    expect(readdirSync(join(shardOutputs[1]!, 'pagefind'))).not.toContain('pagefind.js');
    expect(logs[3]).toContain('Merged 2 build shards');
  });

  it('merges into the site one build makes, byte for byte', () => {
    const fromShards = hashTree(merged);
    const fromOne = hashTree(whole);
    expect(Object.keys(fromShards).length).toBeGreaterThan(500);
    expect(Object.keys(fromShards)).toEqual(Object.keys(fromOne));
    expect(filesThatDiffer(fromShards, fromOne)).toEqual([]);
  });
});
