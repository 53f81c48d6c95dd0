/**
 * `/sources/`: every dump the digest was built from, in arrival order, with its format, counts and
 * warnings. As one string, as src/pages/sources.astro rendered it.
 */
import { DUMP_FORMAT_NAMES, type DumpReport } from '../../ingest/index.ts';
import { attribute, text } from '../astro-markup.ts';
import { formatDate, plural } from '../format.ts';
import type { ShellPage } from '../shell-page.ts';
import type { SiteData } from '../site-data.ts';

/** What of the site data the page reads. */
export type SourcesPageData = Pick<SiteData, 'dumps' | 'papers'>;

export function sourcesPage(siteData: SourcesPageData): ShellPage {
  return {
    path: '/sources/',
    title: 'Sources',
    description: 'Every dump the digest was built from, with its format, entries, new and merged papers, and warnings.',
    feeds: [],
    bodyHtml: () => sourcesBodyHtml(siteData),
  };
}

const HEADER_ROW =
  '<tr><th scope="col">Dump</th><th scope="col">Format</th><th scope="col">Date</th><th scope="col" class="number">Entries</th>' +
  '<th scope="col" class="number">New papers</th><th scope="col" class="number">Merged</th><th scope="col" class="number">Warnings</th></tr>';

function sourcesBodyHtml(siteData: SourcesPageData): string {
  const totalEntries = siteData.dumps.reduce((sum, dump) => sum + dump.entries, 0);
  const totalWarnings = siteData.dumps.reduce((sum, dump) => sum + dump.warnings.length, 0);
  return (
    `<h1>Sources</h1> <p class="lead">The digest is rebuilt from these dumps of Hugging Face Papers listings, oldest first. ` +
    `${text(plural(totalEntries, 'entry', 'entries'))} gave ${text(plural(siteData.papers.length, 'distinct paper'))}; ` +
    `${text(plural(totalWarnings, 'warning'))}.</p> ` +
    `<div class="table-wrap"> <table> <caption class="visually-hidden">Dumps in arrival order</caption> ` +
    `<thead> ${HEADER_ROW} </thead> <tbody> ${siteData.dumps.map(dumpRowHtml).join('')} </tbody> </table> </div>` +
    warningsHtml(siteData.dumps)
  );
}

function dumpRowHtml(dump: DumpReport): string {
  return (
    `<tr${attribute('id', dump.file)}> <th scope="row">${text(dump.file)}</th> ` +
    `<td>${text(dump.format ? DUMP_FORMAT_NAMES[dump.format] : 'not read')}</td> ` +
    `<td>${text(formatDate(dump.dumpDate) ?? '—')}</td> ` +
    `<td class="number">${text(dump.entries)}</td> <td class="number">${text(dump.newPapers)}</td> ` +
    `<td class="number">${text(dump.mergedEntries)}</td> <td class="number">${text(dump.warnings.length)}</td> </tr>`
  );
}

/** The warnings of each dump that has any, under its name; nothing when none has. */
function warningsHtml(dumps: readonly DumpReport[]): string {
  const withWarnings = dumps.filter((dump) => dump.warnings.length > 0);
  if (withWarnings.length === 0) return '';
  const groups = withWarnings.map((dump) => {
    const items = dump.warnings
      .map(
        (warning) =>
          `<li>${text(warning.line === null ? 'Whole file' : `Line ${warning.line}`)}: ${text(warning.message)}</li>`,
      )
      .join('');
    return ` <h3>${text(dump.file)}</h3> <ul> ${items} </ul> `;
  });
  return `  <h2>Warnings</h2> ${groups.join('')}`;
}
