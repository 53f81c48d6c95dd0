/**
 * Builds the site in an isolated temporary copy of the project (never in /work/main, where other
 * people build at the same time): the config, sources, content, public files and seeds are copied,
 * extra dumps are added to the copy's seeds, and `node_modules/` is a folder of links to the real
 * packages except the caches (`.cache` holds the parse cache, `.vite` and `.astro` the bundlers'),
 * so nothing the build writes lands in the real project.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HOSTILE_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/hostile');
const ASTRO_CLI = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const PRIVATE_NODE_MODULES = new Set(['.cache', '.vite', '.astro']);

export interface IsolatedBuild {
  /** The temporary project copy. */
  root: string;
  /** Its seeds folder (the project's seeds plus the extra dumps). */
  seeds: string;
  /** The built site. */
  dist: string;
  /** The build's output. */
  log: string;
  remove(): void;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => fail(new Error(`could not run ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) done(output);
      else fail(new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

/** Copies the project, adds `extraDumps` (paths) to the copy's seeds and runs `astro build` in it. */
export async function buildIsolatedSite(label: string, extraDumps: readonly string[]): Promise<IsolatedBuild> {
  const root = mkdtempSync(join(tmpdir(), `rd-${label}-`));
  const remove = () => {
    if (process.env.KEEP_SITE_COPIES !== '1') rmSync(root, { recursive: true, force: true });
  };
  try {
    for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(PROJECT_ROOT, file), join(root, file));
    for (const folder of ['src', 'content', 'public', 'seeds']) cpSync(join(PROJECT_ROOT, folder), join(root, folder), { recursive: true });
    mkdirSync(join(root, 'node_modules'));
    for (const entry of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
      if (!PRIVATE_NODE_MODULES.has(entry)) symlinkSync(join(PROJECT_ROOT, 'node_modules', entry), join(root, 'node_modules', entry));
    }
    const seeds = join(root, 'seeds');
    for (const dump of extraDumps) copyFileSync(dump, join(seeds, basename(dump)));
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
    delete env.RESEARCH_DIGEST_SEEDS;
    // process.execPath: the Node 22 that runs the tests (the `node` devDependency), never the system one.
    const log = await run(process.execPath, [ASTRO_CLI, 'build'], root, { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' });
    return { root, seeds, dist: join(root, 'dist'), log, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
