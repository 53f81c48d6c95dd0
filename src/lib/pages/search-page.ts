/**
 * `/search/`: the search form, whose topic, year and organisation filters list what the papers
 * hold, and the empty places the search script (src/scripts/search-page.ts) fills. As one string,
 * as src/pages/search.astro rendered it; the script stays in the route, after this.
 */
import { attribute, text } from '../astro-markup.ts';
import { searchYear } from '../search-facets.ts';
import type { ShellPage } from '../shell-page.ts';
import type { SiteData } from '../site-data.ts';

/** What of the site data the page reads. */
export type SearchPageData = Pick<SiteData, 'topicSummaries' | 'papers'>;

export function searchPage(siteData: SearchPageData): ShellPage {
  return {
    path: '/search/',
    title: 'Search',
    description: "Search the digest's papers by title and abstract, filtered by topic, year and organisation.",
    feeds: [],
    bodyHtml: () => searchBodyHtml(siteData),
  };
}

const SORT_OPTIONS =
  '<option value="relevance">Relevance</option> <option value="date">Newest first</option> ' +
  '<option value="date-asc">Oldest first</option> <option value="upvotes">Most upvoted</option> ' +
  '<option value="upvotes-asc">Least upvoted</option>';

const option = (value: string) => `<option${attribute('value', value)}>${text(value)}</option>`;

function searchBodyHtml(siteData: SearchPageData): string {
  const topics = siteData.topicSummaries
    .map(
      (topic) =>
        `<label><input type="checkbox" name="topic"${attribute('value', topic.name)}> ${text(topic.name)}</label>`,
    )
    .join('');
  // "Undated" sorts after the digits, so it comes first once reversed.
  const years = [...new Set(siteData.papers.map(searchYear))].sort().reverse();
  const organisations = [
    ...new Set(siteData.papers.flatMap((paper) => (paper.organization ? [paper.organization] : []))),
  ].sort((a, b) => a.localeCompare(b));
  return (
    `<h1>Search papers</h1> <form id="search-form" class="search-form" role="search" action="/search/" method="get"> ` +
    `<div class="row"> <label class="field" for="search-query">Words or title\n` +
    `<input id="search-query" type="search" name="q" autocomplete="off" placeholder="e.g. LoRA, DPO, mixture of experts"> </label> ` +
    `<label class="field" for="search-sort">Sort by\n<select id="search-sort" name="sort"> ${SORT_OPTIONS} </select> </label> ` +
    `<button type="submit">Search</button> </div> ` +
    `<fieldset id="filter-topic"> <legend>Topics</legend> ${topics} </fieldset> ` +
    `<div class="row"> <label class="field" for="filter-year">Year\n<select id="filter-year" name="year"> ` +
    `<option value="">Any year</option> ${years.map(option).join('')} </select> </label> ` +
    `<label class="field" for="filter-organization">Organisation\n<select id="filter-organization" name="organization"> ` +
    `<option value="">Any organisation</option> ${organisations.map(option).join('')} </select> </label> </div> </form> ` +
    `<p id="search-status" role="status" aria-live="polite" class="muted" tabindex="-1"> ` +
    `<noscript>Search runs in your browser and needs JavaScript; every other page works without it.</noscript> </p> ` +
    `<p id="search-suggestions" hidden></p> <ol id="search-results" class="search-results"></ol> ` +
    `<button id="search-more" type="button" hidden>Show more results</button> <p id="search-topic" hidden></p>`
  );
}
