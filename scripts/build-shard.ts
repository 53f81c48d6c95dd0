/**
 * `npm run build:shard -- K/N [--out DIR]`: builds shard K of N (1-based) of the site in this
 * process: every page but the paper pages, the paper pages of the shard's papers (the N search
 * shards cut the papers in order of arrival) and the shard's search index, into DIR
 * (`dist-shards/K/` unless given). `npm run merge:shards` then assembles `dist/` from the N
 * outputs. Each shard can build on its own machine (see README, "Building on several machines").
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_SHARD_VARIABLE, parseBuildShard } from '../src/lib/search-shards.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const shard = args.find((arg, at) => !arg.startsWith('--') && args[at - 1] !== '--out');
let parsed;
try {
  parsed = parseBuildShard(shard ?? '');
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (!parsed) {
  console.error('usage: npm run build:shard -- K/N [--out DIR]');
  process.exit(2);
}
const outDir = out ?? join('dist-shards', String(parsed.index + 1));
const child = spawn(
  process.execPath,
  [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
  {
    cwd: process.cwd(),
    env: { ...process.env, [BUILD_SHARD_VARIABLE]: shard },
    stdio: 'inherit',
  },
);
child.on('close', (code) => process.exit(code ?? 1));
