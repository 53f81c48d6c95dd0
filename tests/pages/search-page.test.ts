/**
 * `/search/` as one string (src/lib/pages/search-page.ts) is the markup src/pages/search.astro
 * rendered before its script: the topic checkboxes in the topics' order, the years newest first
 * after "Undated", the organisations by name, each value escaped as an attribute (& and ") and as
 * text (& < > " '). Expected strings written by hand from those rules and from the built page.
 */
import { describe, expect, it } from 'vitest';
import { searchPage } from '../../src/lib/pages/search-page.ts';
import { OTHER, paperRecord, siteFixture } from './site-fixture.ts';

const FORM_START =
  '<h1>Search papers</h1> <form id="search-form" class="search-form" role="search" action="/search/" method="get"> ' +
  '<div class="row"> <label class="field" for="search-query">Words or title\n' +
  '<input id="search-query" type="search" name="q" autocomplete="off" placeholder="e.g. LoRA, DPO, mixture of experts"> </label> ' +
  '<label class="field" for="search-sort">Sort by\n<select id="search-sort" name="sort"> ' +
  '<option value="relevance">Relevance</option> <option value="date">Newest first</option> <option value="date-asc">Oldest first</option> ' +
  '<option value="upvotes">Most upvoted</option> <option value="upvotes-asc">Least upvoted</option> </select> </label> ' +
  '<button type="submit">Search</button> </div> <fieldset id="filter-topic"> <legend>Topics</legend> ';
const YEARS =
  '<div class="row"> <label class="field" for="filter-year">Year\n<select id="filter-year" name="year"> <option value="">Any year</option> ';
const ORGANISATIONS =
  '<label class="field" for="filter-organization">Organisation\n<select id="filter-organization" name="organization"> ' +
  '<option value="">Any organisation</option> ';
const FORM_END =
  ' </select> </label> </div> </form> <p id="search-status" role="status" aria-live="polite" class="muted" tabindex="-1"> ' +
  '<noscript>Search runs in your browser and needs JavaScript; every other page works without it.</noscript> </p> ' +
  '<p id="search-suggestions" hidden></p> <ol id="search-results" class="search-results"></ol> ' +
  '<button id="search-more" type="button" hidden>Show more results</button> <p id="search-topic" hidden></p>';

describe('searchPage', () => {
  it('is the page at /search/', () => {
    const page = searchPage(siteFixture([], []));
    expect(page.path).toBe('/search/');
    expect(page.title).toBe('Search');
    expect(page.description).toBe(
      "Search the digest's papers by title and abstract, filtered by topic, year and organisation.",
    );
  });

  it('offers the topics, years and organisations of the papers, escaped', () => {
    const qa = { id: 'qa', name: `Q&A "tricks" <x>`, description: '' };
    const papers = [
      paperRecord({ id: 'a', published: '2024-05-02', organization: 'Beta' }),
      paperRecord({ id: 'b', published: '2025-10-01', organization: 'R&D "Lab" <AI>' }),
      paperRecord({ id: 'c', published: null, organization: 'alpha' }),
      paperRecord({ id: 'd', published: '2025-01-01', organization: 'Beta' }),
    ];
    expect(searchPage(siteFixture(papers, [], [qa, OTHER])).bodyHtml()).toBe(
      FORM_START +
        '<label><input type="checkbox" name="topic" value="Q&amp;A &quot;tricks&quot; <x>"> Q&amp;A &quot;tricks&quot; &lt;x&gt;</label>' +
        '<label><input type="checkbox" name="topic" value="Other"> Other</label> </fieldset> ' +
        YEARS +
        '<option value="Undated">Undated</option><option value="2025">2025</option><option value="2024">2024</option> </select> </label> ' +
        ORGANISATIONS +
        '<option value="alpha">alpha</option><option value="Beta">Beta</option>' +
        '<option value="R&amp;D &quot;Lab&quot; <AI>">R&amp;D &quot;Lab&quot; &lt;AI&gt;</option>' +
        FORM_END,
    );
  });

  it('offers no year and no organisation in an empty digest', () => {
    expect(searchPage(siteFixture([], [], [OTHER])).bodyHtml()).toBe(
      FORM_START +
        '<label><input type="checkbox" name="topic" value="Other"> Other</label> </fieldset> ' +
        YEARS +
        ' </select> </label> ' +
        ORGANISATIONS +
        FORM_END,
    );
  });
});
