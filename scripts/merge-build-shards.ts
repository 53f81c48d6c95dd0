/**
 * `npm run merge:shards [-- --out DIR] [SHARD_DIR…]`: assembles the site from the outputs of
 * `npm run build:shard -- K/N` for K = 1…N (`dist-shards/*` unless given), into DIR (`dist/`).
 * Every shard's output holds every page but the other shards' paper pages, so the outputs are laid
 * over one another, shard 1 last; then what needs every shard is made: the search shards are merged
 * into one index (src/integrations/search-index-merge.ts), beside it the sort values, and the
 * service worker.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeServiceWorkerFor } from '../src/integrations/pagefind-index.ts';
import { mergeStagedShards, writeSearchValues } from '../src/integrations/search-shard-index.ts';
import { pendingSearchValuesFile } from '../src/lib/search-shards.ts';
import { removeSiteState } from '../src/rebuild/site-state.ts';
import type { ShardValues } from '../src/lib/search-values.ts';

async function mergeBuildShards(shardDirs: readonly string[], outDir: string): Promise<void> {
  const pending = shardDirs.map((dir) =>
    readdirSync(join(dir, 'pagefind')).filter((name) => /^search-values\.\d+\.pending\.json$/.test(name)),
  );
  const order = shardDirs.map((dir, at) => {
    if (pending[at]!.length !== 1)
      throw new Error(`${dir} is not the output of one build shard (npm run build:shard -- K/N)`);
    return Number(/\.(\d+)\./.exec(pending[at]![0]!)![1]);
  });
  const expected = shardDirs.map((_, at) => at);
  if ([...order].sort((a, b) => a - b).join() !== expected.join())
    throw new Error(
      `the shards given are ${order.map((k) => k + 1).join(', ')}; expected 1 to ${shardDirs.length}, each once`,
    );
  rmSync(outDir, { recursive: true, force: true });
  // dist/ is no longer what the last full build left: the next npm run build is a full one.
  removeSiteState(resolve('.'));
  const byShard = shardDirs.map((dir, at) => ({ dir, shard: order[at]! })).sort((a, b) => b.shard - a.shard);
  for (const { dir } of byShard) cpSync(dir, outDir, { recursive: true });
  const values = expected.map((shard) => {
    const file = join(outDir, pendingSearchValuesFile(shard));
    const shardValues = JSON.parse(readFileSync(file, 'utf8')) as ShardValues;
    rmSync(file);
    return shardValues;
  });
  await mergeStagedShards(join(outDir, 'pagefind'), shardDirs.length);
  writeSearchValues(join(outDir, 'pagefind'), values);
  writeServiceWorkerFor(outDir);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = resolve(outAt >= 0 ? args[outAt + 1]! : 'dist');
  let shardDirs = args
    .filter((arg, at) => !arg.startsWith('--') && args[at - 1] !== '--out')
    .map((dir) => resolve(dir));
  if (shardDirs.length === 0 && existsSync('dist-shards')) {
    shardDirs = readdirSync('dist-shards')
      .sort((a, b) => Number(a) - Number(b))
      .map((name) => resolve('dist-shards', name));
  }
  if (shardDirs.length === 0) {
    console.error('usage: npm run merge:shards -- [--out DIR] SHARD_DIR…  (default: dist-shards/*)');
    process.exit(2);
  }
  await mergeBuildShards(shardDirs, outDir);
  console.log(`Merged ${shardDirs.length} build shards into ${outDir}`);
}

await main();
