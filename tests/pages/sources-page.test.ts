/**
 * `/sources/` as one string (src/lib/pages/sources-page.ts) is the markup src/pages/sources.astro
 * rendered: a row per dump (its counts as `{number}` writes them, without separators), the totals
 * through `plural` (with them), and the warnings of the dumps that have any, escaped as Astro
 * escapes text. Expected strings written by hand from those rules and from built pages (the seeds,
 * folders with broken and binary dumps, an empty folder).
 */
import { describe, expect, it } from 'vitest';
import { sourcesPage } from '../../src/lib/pages/sources-page.ts';
import { dumpReport, paperRecord, siteFixture } from './site-fixture.ts';

const LEAD =
  '<h1>Sources</h1> <p class="lead">The digest is rebuilt from these dumps of Hugging Face Papers listings, oldest first. ';
const TABLE =
  '<div class="table-wrap"> <table> <caption class="visually-hidden">Dumps in arrival order</caption> <thead> ' +
  '<tr><th scope="col">Dump</th><th scope="col">Format</th><th scope="col">Date</th><th scope="col" class="number">Entries</th>' +
  '<th scope="col" class="number">New papers</th><th scope="col" class="number">Merged</th><th scope="col" class="number">Warnings</th></tr> ' +
  '</thead> <tbody> ';
const row = (file: string, format: string, date: string, counts: number[]) =>
  `<tr id="${file}"> <th scope="row">${file}</th> <td>${format}</td> <td>${date}</td> ` +
  counts.map((count) => `<td class="number">${count}</td>`).join(' ') +
  ' </tr>';

describe('sourcesPage', () => {
  it('is the page at /sources/', () => {
    const page = sourcesPage(siteFixture([], []));
    expect(page.path).toBe('/sources/');
    expect(page.title).toBe('Sources');
    expect(page.feeds).toEqual([]);
  });

  it('has a row per dump, the totals, and the warnings of each dump that has any', () => {
    const dumps = [
      dumpReport({ file: '001_a.txt', entries: 3, newPapers: 2, mergedEntries: 1 }),
      dumpReport({
        file: '002_b.txt',
        format: 'daily-page-metadata',
        dumpDate: '2025-10-02',
        entries: 1234,
        newPapers: 1,
        warnings: [
          { dump: '002_b.txt', line: 7, message: 'title "A & B" <x> has no abstract' },
          { dump: '002_b.txt', line: null, message: "it's odd" },
        ],
      }),
      dumpReport({
        file: '003_c.txt',
        format: null,
        warnings: [{ dump: '003_c.txt', line: null, message: 'skipped: the file is binary, not text' }],
      }),
    ];
    const papers = ['a', 'b', 'c'].map((id) => paperRecord({ id }));
    expect(sourcesPage(siteFixture(papers, dumps)).bodyHtml()).toBe(
      `${LEAD}1,237 entries gave 3 distinct papers; 3 warnings.</p> ${TABLE}` +
        row('001_a.txt', 'Line pairs', '—', [3, 2, 1, 0]) +
        row('002_b.txt', 'Daily page with metadata', '2 Oct 2025', [1234, 1, 0, 2]) +
        row('003_c.txt', 'not read', '—', [0, 0, 0, 1]) +
        ' </tbody> </table> </div>  <h2>Warnings</h2> ' +
        ' <h3>002_b.txt</h3> <ul> <li>Line 7: title &quot;A &amp; B&quot; &lt;x&gt; has no abstract</li>' +
        '<li>Whole file: it&#39;s odd</li> </ul> ' +
        ' <h3>003_c.txt</h3> <ul> <li>Whole file: skipped: the file is binary, not text</li> </ul> ',
    );
  });

  it('has no warnings section when no dump has a warning, and says one entry, paper, warning', () => {
    const dumps = [dumpReport({ file: '001_a.txt', format: 'abstract-lines', entries: 1, newPapers: 1 })];
    expect(sourcesPage(siteFixture([paperRecord({})], dumps)).bodyHtml()).toBe(
      `${LEAD}1 entry gave 1 distinct paper; 0 warnings.</p> ${TABLE}` +
        row('001_a.txt', 'Abstract lines', '—', [1, 1, 0, 0]) +
        ' </tbody> </table> </div>',
    );
    const warned = [dumpReport({ file: '001_a.txt', warnings: [{ dump: '001_a.txt', line: 2, message: 'x' }] })];
    expect(sourcesPage(siteFixture([], warned)).bodyHtml()).toContain(
      '0 entries gave 0 distinct papers; 1 warning.</p>',
    );
  });

  it('has an empty table for an empty digest', () => {
    expect(sourcesPage(siteFixture([], [])).bodyHtml()).toBe(
      `${LEAD}0 entries gave 0 distinct papers; 0 warnings.</p> ${TABLE} </tbody> </table> </div>`,
    );
  });
});
