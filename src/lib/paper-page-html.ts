/**
 * A paper page's body (the `<article>` of src/pages/papers/[id].astro) as one HTML string, from the
 * site data and the paper alone. At 10,000 papers Astro's machinery cost ~1.8 ms of each page's
 * ~2.3 ms; made as a string, the body costs a few microseconds, and the pages can be written from
 * one page Astro rendered. The markup, its white space (the page's template compiled with
 * `compressHTML`) and its escaping are what the Astro components rendered (text escaped as Astro
 * escapes text, attribute values as it escapes attributes; an empty value as a bare attribute),
 * so the pages stay byte for byte the same.
 */
import { OTHER_TOPIC, type PaperRecord } from '../ingest/index.ts';
import { attribute, text } from './astro-markup.ts';
import { abstractLinkKind, findItLinks } from './find-links.ts';
import { formatDate, paperDescription, paperUrl, plural, topicUrl } from './format.ts';
import { organisationUrl } from './organisations.ts';
import { saveButtonHtml } from './paper-card-html.ts';
import { topicNeighbours } from './paper-neighbours.ts';
import type { PaperPageParts } from './paper-page-shell.ts';
import { paperProvenanceHtml } from './paper-provenance-html.ts';
import { relatedPapersHtml } from './related-papers-html.ts';
import { searchYear, typedTitleVariant } from './search-facets.ts';
import type { SiteData } from './site-data.ts';

/** What of the site data a paper page reads. */
export type PaperPageData = Pick<
  SiteData,
  'bibtex' | 'byId' | 'dumpDates' | 'organisationIds' | 'papersByTopic' | 'related' | 'topicNames'
>;

interface KnownFact {
  text: string;
  time?: string;
}

function knownFacts(data: PaperPageData, paper: PaperRecord, date: string | null): KnownFact[] {
  const listedDate = data.dumpDates.get(paper.firstSeen) ?? null;
  const facts: (KnownFact | null)[] = [
    date && paper.published ? { time: paper.published, text: date } : null,
    paper.upvotes !== null ? { text: plural(paper.upvotes, 'upvote') } : null,
    paper.authorCount !== null ? { text: plural(paper.authorCount, 'author') } : null,
    !date && listedDate ? { text: `listed ${formatDate(listedDate)}` } : null,
  ];
  return facts.filter((fact) => fact !== null);
}

function aliasesHtml(aliases: readonly string[]): string {
  if (aliases.length === 0) return '';
  const cites = aliases.map((alias, index) => `${index > 0 ? '; ' : ''}<cite>${text(alias)}</cite>`).join('');
  return `<p class="muted" data-pagefind-weight="8">Also listed as: ${cites}</p>`;
}

/**
 * One line: white space before </p> would run the organisation into the next heading in the search
 * index ("Liquid AI Abstract"), unlike the search record (src/pages/papers/_search-record.ts).
 */
function factsHtml(data: PaperPageData, paper: PaperRecord, date: string | null): string {
  const facts = knownFacts(data, paper, date);
  if (facts.length === 0 && !paper.organization) return '';
  const factHtml = (fact: KnownFact) =>
    fact.time ? `<time${attribute('datetime', fact.time)}>${text(fact.text)}</time>` : text(fact.text);
  const factsText = facts.map((fact, index) => `${index > 0 ? ' · ' : ''}${factHtml(fact)}`).join('');
  let organisation = '';
  if (paper.organization) {
    const organisationId = data.organisationIds.get(paper.organization);
    const href = organisationId ? organisationUrl(organisationId) : '/orgs/';
    organisation = `<a${attribute('href', href)} data-pagefind-filter="organization">${text(paper.organization)}</a>`;
  }
  const separator = paper.organization && facts.length > 0 ? ' · ' : '';
  return `<p class="paper-facts"><span data-pagefind-ignore>${factsText}${separator}</span>${organisation}</p>`;
}

/** Labels such as "Topics" are not what readers search for; the topic names are (lightly weighted). */
function topicsHtml(data: PaperPageData, paper: PaperRecord): string {
  const links =
    paper.topics.length === 0
      ? `<a${attribute('href', topicUrl(OTHER_TOPIC.id))} data-pagefind-ignore>${text(OTHER_TOPIC.name)}</a>`
      : paper.topics
          .map(
            (topic, index) =>
              `${index > 0 ? ', ' : ''}<a${attribute('href', topicUrl(topic))} data-pagefind-filter="topic">` +
              `${text(data.topicNames.get(topic) ?? topic)}</a>`,
          )
          .join('');
  const otherFilter =
    paper.topics.length === 0
      ? `<span hidden${attribute('data-pagefind-filter', `topic:${OTHER_TOPIC.name}`)}></span>`
      : '';
  return (
    `<dl class="facts"> <dt data-pagefind-ignore>Topics</dt> ` +
    `<dd data-pagefind-weight="2"> ${links} ${otherFilter} </dd> </dl>`
  );
}

function findLinksHtml(paper: PaperRecord): string {
  const searches = findItLinks(paper.title)
    .map(
      (link) =>
        `<li><a${attribute('href', link.href)} rel="noopener noreferrer"${attribute('data-find-link', link.label)}>` +
        `${text(link.label)}</a></li>`,
    )
    .join('');
  const links = paper.links
    .map(
      (link) =>
        `<li><span class="link-kind">${text(abstractLinkKind(link))}</span>: ` +
        `<a${attribute('href', link)} rel="noopener noreferrer">${text(link)}</a></li>`,
    )
    .join('');
  return (
    `<h2>Find the paper</h2> <ul class="find-links" aria-label="Search for this title"> ${searches} </ul> ` +
    (paper.links.length > 0 ? ` <h2>Links</h2> <ul class="abstract-links"> ${links} </ul> ` : '')
  );
}

/**
 * The BibTeX entry as selectable text; with JavaScript, a Copy button. The button is hidden until
 * src/scripts/copy-buttons.ts shows it, so a page without JavaScript offers nothing that does not work.
 */
function citeHtml(entry: string): string {
  return (
    `<section class="cite" aria-labelledby="cite-heading"> <div class="cite-head"> <h2 id="cite-heading">Cite</h2> ` +
    `<button type="button" class="copy-button" data-copy-target="bibtex-entry" hidden>Copy BibTeX</button> ` +
    `<span class="copy-status" role="status"></span> </div> <pre id="bibtex-entry" class="bibtex">${text(entry)}</pre> ` +
    `<p class="muted small">Also in <a href="/papers.bib" download>papers.bib</a>, with every paper of the digest.</p> </section>`
  );
}

/** Newer and older papers in the paper's first topic. */
function neighboursHtml(data: PaperPageData, paper: PaperRecord): string {
  const { topic, previous, next } = topicNeighbours(paper, data.papersByTopic, OTHER_TOPIC.id);
  if (!previous && !next) return '';
  const name = data.topicNames.get(topic);
  const newer = previous
    ? `<a${attribute('href', paperUrl(previous.id))} rel="prev">← Newer in ${text(name)}</a>`
    : '<span></span>';
  const older = next
    ? `<a${attribute('href', paperUrl(next.id))} rel="next">Older in ${text(name)} →</a>`
    : '<span></span>';
  return (
    `<nav class="pagination paper-neighbours"${attribute('aria-label', `More in ${name ?? topic}`)}> ` +
    `${newer} ${older} </nav>`
  );
}

function evidenceHtml(data: PaperPageData, paper: PaperRecord): string {
  if (paper.topics.length === 0) return '';
  const items = paper.topics.map((topic) => {
    const phrases = (paper.topicEvidence[topic] ?? [])
      .map((evidence, index) => `${index > 0 ? ', ' : ''}“${text(evidence.phrase)}” in the ${text(evidence.field)}`)
      .join('');
    return `<li> <a${attribute('href', topicUrl(topic))}>${text(data.topicNames.get(topic) ?? topic)}</a>:  ${phrases} </li>`;
  });
  return ` <h2>Why these topics</h2> <ul class="evidence"> ${items.join('')} </ul> `;
}

export function paperPageBodyHtml(data: PaperPageData, paper: PaperRecord): string {
  const date = formatDate(paper.published);
  const typedTitle = typedTitleVariant(paper.title);
  const sameWork = paper.possiblySameWork.map((id) => data.byId.get(id)).filter((other) => other !== undefined);
  return (
    `<article data-pagefind-body${attribute('data-pagefind-filter', `year:${searchYear(paper)}`)}> ` +
    `<span hidden${attribute('data-pagefind-meta', `date:${date ?? ''}`)}></span> ` +
    `<h1 data-pagefind-weight="10"${attribute('data-pagefind-meta', `title:${paper.title}`)}>${paper.titleHtml}</h1> ` +
    `${saveButtonHtml(paper, data.topicNames)} ` +
    `${typedTitle ? `<span hidden data-pagefind-weight="10">${text(typedTitle)}</span>` : ''} ` +
    `${aliasesHtml(paper.aliases)} ` +
    (paper.titleDerived
      ? '<p class="muted" data-pagefind-ignore>No dump gave this paper a title yet; the title above is derived from its abstract.</p>'
      : '') +
    ` ${factsHtml(data, paper, date)}  ${topicsHtml(data, paper)} ` +
    `<h2>Abstract</h2> <p class="abstract" data-pagefind-weight="5">${paper.abstractHtml}</p> ` +
    `<div data-pagefind-ignore> ${findLinksHtml(paper)} ${citeHtml(data.bibtex(paper))} ` +
    `${relatedPapersHtml(data.related.get(paper.id) ?? [], sameWork, data.byId)} ` +
    `${neighboursHtml(data, paper)} ${evidenceHtml(data, paper)} ${paperProvenanceHtml(paper)} </div> </article>`
  );
}

/** What one paper's page puts into the layout (src/pages/papers/[id].astro, and its shell's pages). */
export const paperPageParts = (data: PaperPageData, paper: PaperRecord): PaperPageParts => ({
  id: paper.id,
  title: paper.title,
  description: paperDescription(paper.abstract),
  bodyHtml: paperPageBodyHtml(data, paper),
});
