/**
 * A rebuild without Astro writes the pages of the shell routes from the kept shells in plain Node
 * (its type stripping, as the build's worker threads run): the modules it calls must load there,
 * with no Astro module and no TypeScript that Node cannot strip, whatever they import.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './seed-corpus.ts';

const MODULES = [
  'src/lib/shell-routes.ts',
  'src/integrations/saved-shells.ts',
  'src/integrations/shell-page-writer.ts',
  // The rebuild without Astro, which Node runs as it is (scripts/build.ts, src/rebuild/cli.ts).
  'src/rebuild/rebuild-site.ts',
  'src/rebuild/rebuilt-pages.ts',
];

describe('the modules of a rebuild without Astro', () => {
  it('load in plain Node', () => {
    const script = MODULES.map((module) => `await import(${JSON.stringify(join(PROJECT_ROOT, module))});`).join('');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `${script} console.log('loaded');`], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('loaded');
  });
});
