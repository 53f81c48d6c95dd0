/**
 * The page of each theme of each topic: the papers of the topic that use one of its theme phrases
 * (src/pages/topics/[topic]/themes/[theme].astro), as `ShellPage`s (src/lib/shell-page.ts), with the
 * markup, white space and escaping the route's template had, as Astro rendered it (astro-markup.ts).
 */
import { attribute, text } from './astro-markup.ts';
import { plural, topicUrl } from './format.ts';
import { paperListHtml } from './paper-list-html.ts';
import type { ShellPage } from './shell-page.ts';
import type { SiteData } from './site-data.ts';

/** The newest 50: a theme of a large corpus can hold thousands of papers; the search finds the rest. */
const SHOWN = 50;

type ThemeData = Pick<SiteData, 'themes' | 'topicNames' | 'byId' | 'dumpDates' | 'organisationIds'>;

export function themePages(siteData: ThemeData): ShellPage[] {
  return [...siteData.themes].flatMap(([topicId, themes]) =>
    themes.map((theme): ShellPage => {
      const name = siteData.topicNames.get(topicId) ?? topicId;
      return {
        path: `/topics/${topicId}/themes/${theme.slug}/`,
        title: `“${theme.label}” in ${name}`,
        description: `Papers of the ${name} topic that mention ${theme.label}.`,
        feeds: [],
        bodyHtml: () => {
          const papers = theme.paperIds.slice(0, SHOWN).map((id) => siteData.byId.get(id)!);
          const searchUrl = `/search/?${new URLSearchParams({ q: `"${theme.label}"`, topic: name })}`;
          const count = theme.paperIds.length;
          const rest =
            count > SHOWN
              ? `; the ${text(SHOWN)} newest are listed here, <a${attribute('href', searchUrl)}>search for the rest</a>`
              : ', newest first';
          return (
            `<p class="muted"><a${attribute('href', topicUrl(topicId))}>${text(name)}</a> › Themes</p> ` +
            `<h1>“${text(theme.label)}” in ${text(name)}</h1> ` +
            `<p class="muted"><span data-topic-count>${text(plural(count, 'paper'))}</span> of ${text(name)} ` +
            `mention “${text(theme.label)}” in the title or abstract${rest}.</p> ` +
            paperListHtml(papers, siteData, () => ({ currentTopic: topicId, headingLevel: 'h2' }))
          );
        },
      };
    }),
  );
}
