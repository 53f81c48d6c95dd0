/**
 * Browser tests' global setup: builds the site once into `.test-dist` and serves it on an
 * ephemeral port of 127.0.0.1. Tests read the address with `inject('baseUrl')`.
 *
 * `REUSE_TEST_DIST=1` skips the build and serves the existing `.test-dist` (for quick reruns
 * while writing tests; never in CI).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { changedInputs, fingerprintInputs, type Fingerprint } from './inputs.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served, e.g. `http://127.0.0.1:41234` (no trailing slash). */
    baseUrl: string;
    /** Absolute path of the built site. */
    distDir: string;
    /** Absolute path of the project root. */
    projectRoot: string;
    /** The ingest's inputs as the build read them. */
    builtInputs: Fingerprint;
  }
}

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TEST_DIST = '.test-dist';

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => fail(new Error(`could not run ${command} ${args.join(' ')}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = join(PROJECT_ROOT, TEST_DIST);
  let inputs = fingerprintInputs(PROJECT_ROOT);
  if (process.env.REUSE_TEST_DIST === '1' && existsSync(join(distDir, 'index.html'))) {
    console.log(`[browser tests] REUSE_TEST_DIST=1: serving the existing ${TEST_DIST}`);
  } else {
    // Other people may be editing the seeds, topics or ingest while this builds: build again
    // (a few times at most) until a build saw the same inputs from start to end.
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      await run('npx', ['astro', 'build', '--outDir', TEST_DIST], PROJECT_ROOT);
      const after = fingerprintInputs(PROJECT_ROOT);
      const changed = changedInputs(inputs, after);
      console.log(
        `[browser tests] built the site into ${TEST_DIST} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      inputs = after;
      if (changed.length === 0) break;
      if (attempt === 3) throw new Error(`the ingest's inputs kept changing during the build: ${changed.join(', ')}`);
      console.log(`[browser tests] ${changed.join(', ')} changed during the build; building again`);
    }
  }
  for (const required of ['index.html', '404.html', 'sw.js', 'pagefind/pagefind.js']) {
    if (!existsSync(join(distDir, required))) throw new Error(`the build did not produce ${TEST_DIST}/${required}`);
  }
  const server = await startStaticServer(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('projectRoot', PROJECT_ROOT);
  project.provide('builtInputs', inputs);
  return () => server.close();
}
