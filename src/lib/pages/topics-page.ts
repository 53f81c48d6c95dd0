/** `/topics/`: a card per topic with its paper count. As one string, as src/pages/topics/index.astro rendered it. */
import { attribute, text } from '../astro-markup.ts';
import { plural, topicUrl } from '../format.ts';
import type { ShellPage } from '../shell-page.ts';
import type { SiteData } from '../site-data.ts';

/** What of the site data the page reads. */
export type TopicsPageData = Pick<SiteData, 'topicSummaries' | 'papersByTopic'>;

export function topicsPage(siteData: TopicsPageData): ShellPage {
  return {
    path: '/topics/',
    title: 'Topics',
    description: 'The topics of the digest and how many papers each holds.',
    feeds: [],
    bodyHtml: () => {
      const cards = siteData.topicSummaries.map(
        (topic) =>
          `<li class="topic-card"${attribute('data-topic-card', topic.id)}> <h2><a${attribute('href', topicUrl(topic.id))}>${text(topic.name)}</a></h2> ` +
          `<p class="muted"><span data-topic-count>${text(plural(siteData.papersByTopic.get(topic.id)?.length ?? 0, 'paper'))}</span> · ${text(topic.description)}</p> </li>`,
      );
      return `<h1>Topics</h1> <ul class="topic-grid"> ${cards.join('')} </ul>`;
    },
  };
}
