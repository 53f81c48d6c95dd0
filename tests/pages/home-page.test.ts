/**
 * The home page as one string (src/lib/pages/home-page.ts) is the markup src/pages/index.astro
 * rendered: text escaped as Astro escapes it (& < > " '), attribute values with & and " escaped,
 * titles as their HTML, counts with thousands separators where the template used
 * `toLocaleString`/`plural`, one space where the template had white space, and an empty part as
 * nothing with the spaces around it left. The expected strings are written by hand from those
 * rules and from the page of a built site; the builds of the seeds, of an empty folder, of edge
 * folders and of a 10,000-paper corpus gave the same bytes as the template did.
 */
import { describe, expect, it } from 'vitest';
import { homePage } from '../../src/lib/pages/home-page.ts';
import { paperListHtml } from '../../src/lib/paper-list-html.ts';
import { dumpReport, paperRecord, siteFixture } from './site-fixture.ts';

const LEAD =
  '<p class="lead">Recent papers on parameter-efficient fine-tuning, alignment, Mixture-of-Experts and multimodal models, ' +
  'gathered from Hugging Face Papers listings and grouped by topic.</p>';
const NOTE = (dumps: string) =>
  `<p id="new-since-visit" class="new-since-visit" role="status" hidden data-dumps="${dumps}"><span></span> ` +
  '<button type="button" class="save-button">Dismiss</button></p>';
const PEFT_CARD_HEAD =
  '<li class="topic-card" data-topic-card="peft"> <h3><a href="/topics/peft/">Parameter-efficient fine-tuning</a></h3> ';
const PEFT_DESCRIPTION = 'Adapting &lt;big&gt; models &amp; &quot;more&quot;.';
const OTHER_CARD_HEAD = '<li class="topic-card" data-topic-card="other"> <h3><a href="/topics/other/">Other</a></h3> ';

const first = dumpReport({ file: '001_a.txt', entries: 3, newPapers: 2, mergedEntries: 1 });
const second = dumpReport({
  file: '002_b.txt',
  order: 1,
  format: 'daily-page-metadata',
  dumpDate: '2025-10-02',
  entries: 1234,
  newPapers: 1,
});
const tricks = paperRecord({
  id: 'r-d-tricks',
  title: 'R&D "Tricks" <for> LoRA',
  titleHtml: 'R&amp;D &quot;Tricks&quot; &lt;for&gt; LoRA',
  topics: ['peft'],
  firstSeen: '002_b.txt',
});
const oldOne = paperRecord({ id: 'old-one', title: 'Old one', titleHtml: 'Old one', topics: ['peft'] });
const oldTwo = paperRecord({ id: 'old-two', title: 'Old two', titleHtml: 'Old two' });

describe('homePage', () => {
  it('is the page at / with the layout’s title and description, and no feed of its own', () => {
    const page = homePage(siteFixture([], []));
    expect(page.path).toBe('/');
    expect(page.title).toBe('Research Digest');
    expect(page.description).toMatch(/^A searchable digest of recent machine-learning papers/);
    expect(page.feeds).toEqual([]);
  });

  it('counts the papers and dumps, names the latest dump and marks what it brought', () => {
    const site = siteFixture([tricks, oldOne, oldTwo], [first, second]);
    expect(homePage(site).bodyHtml()).toBe(
      `<h1>Research Digest</h1> ${NOTE('[[&quot;001_a.txt&quot;,2],[&quot;002_b.txt&quot;,1]]')} ${LEAD} ` +
        '<ul class="stats"> <li><strong>3</strong> papers</li> <li><strong>2</strong> <a href="/sources/">dumps</a></li> ' +
        '<li>latest dump of <strong>2 Oct 2025</strong>, 1,234 entries: <a href="/new/">1 paper new to the digest</a></li> </ul> ' +
        '<h2 id="topics">Topics</h2> <ul class="topic-grid"> ' +
        `${PEFT_CARD_HEAD}<p class="muted"><span data-topic-count>2 papers</span>, <a href="/new/" data-topic-new-count>1 new</a> · ${PEFT_DESCRIPTION}</p> ` +
        '<ul> <li><a href="/papers/r-d-tricks/">R&amp;D &quot;Tricks&quot; &lt;for&gt; LoRA</a></li><li><a href="/papers/old-one/">Old one</a></li> </ul> </li>' +
        `${OTHER_CARD_HEAD}<p class="muted"><span data-topic-count>1 paper</span> · Papers that fit none of the topics.</p> ` +
        '<ul> <li><a href="/papers/old-two/">Old two</a></li> </ul> </li> </ul> ' +
        '<h2>Newest papers</h2> <p class="muted small new-note"><span class="new-badge">New</span> marks papers new to the digest: ' +
        'first listed by the latest dump, of 2 Oct 2025 (<a href="/new/">what it brought</a>).</p>' +
        paperListHtml([tricks, oldOne, oldTwo], site, (paper) => ({ isNew: paper === tricks })),
    );
  });

  it('has no "New" marks when every paper is new, and a latest dump without a date says none', () => {
    const only = dumpReport({ file: '001_a.txt', entries: 1 });
    const papers = [tricks, oldOne].map((paper) => ({ ...paper, firstSeen: '001_a.txt' }));
    const body = homePage(siteFixture(papers, [only])).bodyHtml();
    expect(body).toContain('<li>latest dump, 1 entry: <a href="/new/">2 papers new to the digest</a></li> </ul>');
    // The card still counts the topic's new papers; only the cards of the list are not marked.
    expect(body).toContain('<span data-topic-count>2 papers</span>, <a href="/new/" data-topic-new-count>2 new</a> · ');
    expect(body).not.toContain('new-badge');
    expect(body).toContain('<h2>Newest papers</h2> <div class="paper-list"> ');
  });

  it('shows three papers per topic card and the twelve newest papers, with 1,000 and more in full', () => {
    const papers = Array.from({ length: 1001 }, (_, index) =>
      paperRecord({ id: `p-${index}`, titleHtml: `P${index}`, topics: ['peft'] }),
    );
    const body = homePage(siteFixture(papers, [dumpReport({ file: '001_a.txt', entries: 1001 })])).bodyHtml();
    expect(body).toContain('<li><strong>1,001</strong> papers</li>');
    expect(body).toContain(
      '<span data-topic-count>1,001 papers</span>, <a href="/new/" data-topic-new-count>1001 new</a> · ',
    );
    expect(body).toContain(
      '<ul> <li><a href="/papers/p-0/">P0</a></li><li><a href="/papers/p-1/">P1</a></li><li><a href="/papers/p-2/">P2</a></li> </ul>',
    );
    expect(body.match(/<article /g)).toHaveLength(12);
    expect(body).toContain('data-paper-id="p-11"');
    expect(body).not.toContain('data-paper-id="p-12"');
  });

  it('is the page of an empty digest: no latest dump, empty cards, an empty list', () => {
    expect(homePage(siteFixture([], [])).bodyHtml()).toBe(
      `<h1>Research Digest</h1> ${NOTE('[]')} ${LEAD} ` +
        '<ul class="stats"> <li><strong>0</strong> papers</li> <li><strong>0</strong> <a href="/sources/">dumps</a></li>  </ul> ' +
        '<h2 id="topics">Topics</h2> <ul class="topic-grid"> ' +
        `${PEFT_CARD_HEAD}<p class="muted"><span data-topic-count>0 papers</span> · ${PEFT_DESCRIPTION}</p> <ul>  </ul> </li>` +
        `${OTHER_CARD_HEAD}<p class="muted"><span data-topic-count>0 papers</span> · Papers that fit none of the topics.</p> <ul>  </ul> </li> </ul> ` +
        '<h2>Newest papers</h2> <div class="paper-list">  </div>',
    );
  });
});
