/**
 * A topic's side column and the month chart as strings (src/lib/topic-sidebar-html.ts,
 * src/lib/month-chart-html.ts) are the markup Astro rendered for the components they replaced:
 * text escaped as Astro escapes text (& < > " '), attribute values as it escapes attributes (& and
 * " only), numbers as `String(number)` writes them (fractions in full), an empty part as nothing
 * with the spaces around it left behind (compressHTML turned the template's white space into one
 * space). The expected strings are written by hand from those rules and from the side column of a
 * built topic page; the builds of the seeds (with the hostile fixtures) and of a 10,000-paper corpus
 * were byte for byte the same with the components and with these strings.
 */
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { paperRecord } from './paper-fixture.ts';
import { monthChartHtml } from '../../src/lib/month-chart-html.ts';
import { topicSidebarHtml, type TopicSidebarContext } from '../../src/lib/topic-sidebar-html.ts';

const paper = (overrides: Partial<PaperRecord>): PaperRecord => paperRecord({ topics: ['peft'], ...overrides });

const HOSTILE_ORGANISATION = `R&D "Lab" <AI> & Tom's`;

function context(papers: PaperRecord[], themes: TopicSidebarContext['themes'] = new Map()): TopicSidebarContext {
  return {
    papersByTopic: new Map([['peft', papers]]),
    themes,
    organisationIds: new Map([
      [HOSTILE_ORGANISATION, 'r-d-lab-ai-tom-s'],
      ['Beta', 'beta'],
      ['Alpha', 'alpha'],
    ]),
    dumpDates: new Map<string, string | null>([
      ['001_a.txt', null],
      ['002_b.txt', '2025-10-02'],
    ]),
  };
}

const CHART_NOTE = '<p class="muted small">By publication date, or the date of the dump that listed a paper first.</p>';
const ALL_ORGANISATIONS = '<p class="small"><a href="/orgs/">All organisations</a></p>';

describe('monthChartHtml', () => {
  it('says that no paper has a date, without a chart', () => {
    expect(monthChartHtml([], 0, 'chart-peft')).toBe(
      '<figure class="month-chart" data-month-chart>  <figcaption class="muted small"> No paper here has a date yet.  </figcaption> </figure>',
    );
    expect(monthChartHtml([], 3, 'chart-peft')).toBe(
      '<figure class="month-chart" data-month-chart>  <figcaption class="muted small"> No paper here has a date yet. ' +
        ' 3 papers without a date are not shown. </figcaption> </figure>',
    );
  });

  it('draws one month as one full-height bar', () => {
    expect(monthChartHtml([{ month: '2025-09', count: 3 }], 1, 'org-chart')).toBe(
      '<figure class="month-chart" data-month-chart> <svg viewBox="0 0 12 60" preserveAspectRatio="none" role="img" ' +
        'aria-labelledby="org-chart-title org-chart-desc" width="12" height="60"> ' +
        '<title id="org-chart-title">Papers per month, Sep 2025</title> <desc id="org-chart-desc">Sep 2025: 3</desc> ' +
        '<rect x="0" y="0" width="10" height="60"><title>Sep 2025: 3 papers</title></rect> </svg> ' +
        '<figcaption class="muted small"> Sep 2025: 3 papers.  1 paper without a date is not shown. </figcaption> </figure>',
    );
  });

  it('draws several months on a time axis: no bar for an empty month, at least 2 high, counts in thousands', () => {
    // Heights 60 × count / 1,234: 60; 60 × 1/1,234 = 0.049 → 2 (the least); 60 × 617/1,234 = 30.
    const counts = [
      { month: '2024-11', count: 1234 },
      { month: '2024-12', count: 0 },
      { month: '2025-01', count: 1 },
      { month: '2025-02', count: 617 },
    ];
    expect(monthChartHtml(counts, 0, 'chart-peft')).toBe(
      '<figure class="month-chart" data-month-chart> <svg viewBox="0 0 48 60" preserveAspectRatio="none" role="img" ' +
        'aria-labelledby="chart-peft-title chart-peft-desc" width="48" height="60"> ' +
        '<title id="chart-peft-title">Papers per month, Nov 2024 to Feb 2025</title> ' +
        '<desc id="chart-peft-desc">Nov 2024: 1234; Jan 2025: 1; Feb 2025: 617</desc> ' +
        '<rect x="0" y="0" width="10" height="60"><title>Nov 2024: 1,234 papers</title></rect>' +
        '<rect x="24" y="58" width="10" height="2"><title>Jan 2025: 1 paper</title></rect>' +
        '<rect x="36" y="30" width="10" height="30"><title>Feb 2025: 617 papers</title></rect> </svg> ' +
        '<figcaption class="muted small"> Nov 2024 – Feb 2025; highest month 1,234 papers.  </figcaption> </figure>',
    );
  });

  it('writes a fractional bar in full, as JavaScript prints the number', () => {
    // 60 × 1/7 = 8.571428571428571428… (16 digits: 8.571428571428571); y = 60 − that = 51.42857142857143.
    const chart = monthChartHtml(
      [
        { month: '2025-12', count: 7 },
        { month: '2026-01', count: 1 },
      ],
      1,
      'chart-moe',
    );
    expect(chart).toContain(
      '<rect x="12" y="51.42857142857143" width="10" height="8.571428571428571"><title>Jan 2026: 1 paper</title></rect> </svg> ',
    );
    expect(chart).toContain(
      '<figcaption class="muted small"> Dec 2025 – Jan 2026; highest month 7 papers.  1 paper without a date is not shown. </figcaption>',
    );
  });
});

describe('topicSidebarHtml', () => {
  it('lists themes, top organisations (most papers first, then by name) and the feed, escaping names', () => {
    const papers = [
      paper({ id: 'a', organization: 'Beta', published: '2025-09-03' }),
      paper({ id: 'b', organization: HOSTILE_ORGANISATION, published: '2025-09-20' }),
      paper({ id: 'c', organization: 'Alpha', firstSeen: '002_b.txt' }),
      paper({ id: 'd', organization: HOSTILE_ORGANISATION }),
      paper({ id: 'e', organization: 'Beta' }),
    ];
    const themes = new Map([
      ['peft', [{ slug: 'low-rank', label: `Tom's "low-rank" <adapters> & co`, paperIds: ['a', 'b'] }]],
    ]);
    expect(topicSidebarHtml(context(papers, themes), 'peft', `Tom's "Q&A" <tuning>`)).toBe(
      `<aside class="topic-side" aria-label="About Tom's &quot;Q&amp;A&quot; <tuning>"> ` +
        '<section aria-labelledby="themes-heading"> <h2 id="themes-heading">Themes</h2> <ul class="themes" data-themes> ' +
        '<li><a href="/topics/peft/themes/low-rank/">Tom&#39;s &quot;low-rank&quot; &lt;adapters&gt; &amp; co</a> <span class="muted">2</span></li> ' +
        '</ul> </section> ' +
        '<section aria-labelledby="over-time-heading"> <h2 id="over-time-heading">Over time</h2> ' +
        '<figure class="month-chart" data-month-chart> <svg viewBox="0 0 24 60" preserveAspectRatio="none" role="img" ' +
        'aria-labelledby="chart-peft-title chart-peft-desc" width="24" height="60"> ' +
        '<title id="chart-peft-title">Papers per month, Sep 2025 to Oct 2025</title> ' +
        '<desc id="chart-peft-desc">Sep 2025: 2; Oct 2025: 1</desc> ' +
        '<rect x="0" y="0" width="10" height="60"><title>Sep 2025: 2 papers</title></rect>' +
        '<rect x="12" y="30" width="10" height="30"><title>Oct 2025: 1 paper</title></rect> </svg> ' +
        '<figcaption class="muted small"> Sep 2025 – Oct 2025; highest month 2 papers.  2 papers without a date are not shown. </figcaption> </figure> ' +
        `${CHART_NOTE} </section> ` +
        '<section aria-labelledby="orgs-heading"> <h2 id="orgs-heading">Top organisations</h2> <ul class="side-list"> ' +
        '<li><a href="/orgs/beta/">Beta</a> <span class="muted">2</span></li>' +
        '<li><a href="/orgs/r-d-lab-ai-tom-s/">R&amp;D &quot;Lab&quot; &lt;AI&gt; &amp; Tom&#39;s</a> <span class="muted">2</span></li>' +
        '<li><a href="/orgs/alpha/">Alpha</a> <span class="muted">1</span></li> ' +
        `</ul> ${ALL_ORGANISATIONS} </section> ` +
        '<section aria-labelledby="follow-heading"> <h2 id="follow-heading">Follow</h2> ' +
        '<p><a href="/topics/peft/feed.xml" data-topic-feed>RSS feed of Tom&#39;s &quot;Q&amp;A&quot; &lt;tuning&gt;</a>: 5 papers, newest dump first.</p> ' +
        '</section> </aside>',
    );
  });

  it('says so when a topic has no themes, no organisations and no dated papers', () => {
    const papers = [paper({ id: 'a' })];
    expect(topicSidebarHtml(context(papers), 'peft', 'Plain')).toBe(
      '<aside class="topic-side" aria-label="About Plain">  ' +
        '<section aria-labelledby="over-time-heading"> <h2 id="over-time-heading">Over time</h2> ' +
        '<figure class="month-chart" data-month-chart>  <figcaption class="muted small"> No paper here has a date yet. ' +
        ' 1 paper without a date is not shown. </figcaption> </figure> ' +
        `${CHART_NOTE} </section> ` +
        '<section aria-labelledby="orgs-heading"> <h2 id="orgs-heading">Top organisations</h2> ' +
        `<p class="muted small">No paper here names its organisation.</p> ${ALL_ORGANISATIONS} </section> ` +
        '<section aria-labelledby="follow-heading"> <h2 id="follow-heading">Follow</h2> ' +
        '<p><a href="/topics/peft/feed.xml" data-topic-feed>RSS feed of Plain</a>: 1 paper, newest dump first.</p> ' +
        '</section> </aside>',
    );
  });

  it('names a topic without papers, and counts at most the 200 papers of the feed and the top 8 organisations', () => {
    expect(topicSidebarHtml(context([]), 'empty', 'Empty')).toContain(
      '<p><a href="/topics/empty/feed.xml" data-topic-feed>RSS feed of Empty</a>: 0 papers, newest dump first.</p>',
    );
    const many = Array.from({ length: 250 }, (_, index) =>
      paper({ id: `p${index}`, published: '2025-09-01', organization: `Org ${String(index % 10)}` }),
    );
    const ids = new Map(Array.from({ length: 10 }, (_, index) => [`Org ${String(index)}`, `org-${String(index)}`]));
    const column = topicSidebarHtml({ ...context(many), organisationIds: ids }, 'peft', 'Many');
    expect(column).toContain('data-topic-feed>RSS feed of Many</a>: 200 papers, newest dump first.</p>');
    expect(column.match(/<li><a href="\/orgs\//g)).toHaveLength(8);
    expect(column).toContain('<li><a href="/orgs/org-7/">Org 7</a> <span class="muted">25</span></li> </ul>');
  });

  it('makes a topic’s column once per site data', () => {
    const papers = [paper({ id: 'a', published: '2025-09-03' })];
    const siteData = context(papers);
    const first = topicSidebarHtml(siteData, 'peft', 'Plain');
    papers.push(paper({ id: 'b', published: '2025-09-04' }));
    expect(topicSidebarHtml(siteData, 'peft', 'Plain')).toBe(first);
    expect(topicSidebarHtml(context(papers), 'peft', 'Plain')).toContain('RSS feed of Plain</a>: 2 papers');
  });
});
