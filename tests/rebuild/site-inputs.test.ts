/**
 * The key of everything a build depends on but the dumps (src/rebuild/site-inputs.ts): a rebuild
 * without Astro is only taken when it is the last full build's, so every input that changes the
 * site must change it, and the dumps (and where they are) must not.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runningNode, siteInputsKey } from '../../src/rebuild/site-inputs.ts';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rd-inputs-'));
  for (const folder of ['src/lib', 'content/topics', 'public', 'seeds'])
    mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, 'src/lib/format.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'content/topics/peft.mdx'), '---\nname: PEFT\n---\n');
  writeFileSync(join(root, 'public/favicon.svg'), '<svg/>');
  writeFileSync(join(root, 'seeds/0001.txt'), 'Daily Papers\n');
  for (const file of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
    writeFileSync(join(root, file), `${file}\n`);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { SITE_URL: 'https://example.org', RESEARCH_DIGEST_SEEDS: '/somewhere', PATH: '/bin' };

describe('siteInputsKey', () => {
  it('is the same for the same inputs, whatever the dumps and where they are', () => {
    const key = siteInputsKey(root, env);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(root, 'seeds/0002.txt'), 'Daily Papers\nAnother\n');
    expect(
      siteInputsKey(root, {
        ...env,
        RESEARCH_DIGEST_SEEDS: '/elsewhere',
        RESEARCH_DIGEST_VERBOSE: '1',
        PATH: '/usr/bin',
      }),
    ).toBe(key);
  });

  it.each([
    ['code', 'src/lib/format.ts'],
    ['a topic definition', 'content/topics/peft.mdx'],
    ['a static file', 'public/favicon.svg'],
    ['the Astro configuration', 'astro.config.mjs'],
    ['the installed packages', 'package-lock.json'],
    ['the TypeScript configuration', 'tsconfig.json'],
  ])('changes with %s', (_what, file) => {
    const key = siteInputsKey(root, env);
    appendFileSync(join(root, file), ' ');
    expect(siteInputsKey(root, env)).not.toBe(key);
  });

  it.each([
    ['version', { node: 'v22.99.0' }],
    ['ICU tables', { icu: '99.1' }],
    ['Unicode tables', { unicode: '99.0' }],
  ])('changes with the Node running the build: its %s', (_what, change) => {
    const node = runningNode();
    const key = siteInputsKey(root, env, node);
    expect(siteInputsKey(root, env, { ...node })).toBe(key);
    expect(siteInputsKey(root, env, { ...node, ...change })).not.toBe(key);
  });

  it('changes with a .env file, which Astro loads into the build', () => {
    const key = siteInputsKey(root, env);
    writeFileSync(join(root, '.env.production'), 'SITE_URL=https://other.example.org\n');
    expect(siteInputsKey(root, env)).not.toBe(key);
  });

  it('changes when a file is added to the code', () => {
    const key = siteInputsKey(root, env);
    cpSync(join(root, 'src/lib/format.ts'), join(root, 'src/lib/other.ts'));
    expect(siteInputsKey(root, env)).not.toBe(key);
  });

  it.each([
    ['the site URL', { SITE_URL: 'https://other.example.org' }],
    ['the citations mode', { RESEARCH_DIGEST_CITATIONS: 'warn' }],
    ['a Pagefind setting', { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '100' }],
    ['the paper pages mode', { RESEARCH_DIGEST_PAPER_PAGES: 'astro' }],
  ])('changes with %s', (_what, variables) => {
    expect(siteInputsKey(root, { ...env, ...variables })).not.toBe(siteInputsKey(root, env));
  });

  it('is null when a configuration file cannot be read (no rebuild without Astro then)', () => {
    rmSync(join(root, 'package-lock.json'));
    expect(siteInputsKey(root, env)).toBeNull();
  });
});
