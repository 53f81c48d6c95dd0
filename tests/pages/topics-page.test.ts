/**
 * `/topics/` as one string (src/lib/pages/topics-page.ts) is the markup src/pages/topics/index.astro
 * rendered: a card per topic, "Other" last, with its paper count. Expected strings written by hand.
 */
import { describe, expect, it } from 'vitest';
import { topicsPage } from '../../src/lib/pages/topics-page.ts';
import { paperRecord, siteFixture } from './site-fixture.ts';

const OTHER_CARD = (count: string) =>
  '<li class="topic-card" data-topic-card="other"> <h2><a href="/topics/other/">Other</a></h2> ' +
  `<p class="muted"><span data-topic-count>${count}</span> · Papers that fit none of the topics.</p> </li>`;

describe('topicsPage', () => {
  it('is the page at /topics/', () => {
    const page = topicsPage(siteFixture([], []));
    expect(page.path).toBe('/topics/');
    expect(page.title).toBe('Topics');
    expect(page.description).toBe('The topics of the digest and how many papers each holds.');
  });

  it('has a card per topic with its count, the name and description escaped', () => {
    const papers = [
      ...Array.from({ length: 1234 }, (_, index) => paperRecord({ id: `p-${index}`, topics: ['peft'] })),
      paperRecord({ id: 'alone' }),
    ];
    expect(topicsPage(siteFixture(papers, [])).bodyHtml()).toBe(
      '<h1>Topics</h1> <ul class="topic-grid"> ' +
        '<li class="topic-card" data-topic-card="peft"> <h2><a href="/topics/peft/">Parameter-efficient fine-tuning</a></h2> ' +
        '<p class="muted"><span data-topic-count>1,234 papers</span> · Adapting &lt;big&gt; models &amp; &quot;more&quot;.</p> </li>' +
        OTHER_CARD('1 paper') +
        ' </ul>',
    );
  });

  it('counts no papers for a topic with none', () => {
    const body = topicsPage({
      topicSummaries: [{ id: 'other', name: 'Other', description: 'Papers that fit none of the topics.' }],
      papersByTopic: new Map(),
    }).bodyHtml();
    expect(body).toBe(`<h1>Topics</h1> <ul class="topic-grid"> ${OTHER_CARD('0 papers')} </ul>`);
  });
});
