/** Valid HTML: every page the harness built passes the Nu HTML checker with zero errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { expectedDigest } from '../browser/helpers.ts';
import { htmlFiles, pageTypes, requireHarness, validateHtml } from './helpers.ts';

beforeAll(() => requireHarness());

test('every built HTML file (every page type among them) has zero Nu checker errors', async () => {
  const dist = inject('distDir');
  const { result, idsByTopic, topicNames } = expectedDigest();
  const files = htmlFiles(dist);
  // Each page type's file is among those checked; the papers alone are 477 pages.
  for (const type of pageTypes({ papers: result.papers, idsByTopic, topicNames })) {
    expect(files, `${type.name} (${type.file})`).toContain(type.file);
  }
  expect(files.length).toBeGreaterThan(result.papers.length);
  const errors = await validateHtml(files.map((file) => join(dist, file)));
  expect(errors).toEqual([]);
}, 300_000);

test('the Nu checker run reports errors when there are some (the check can fail)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-vnu-'));
  try {
    const broken = join(folder, 'broken.html');
    writeFileSync(
      broken,
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>block in p</p></span></body></html>',
    );
    const errors = await validateHtml([broken]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain('broken.html');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);
