/**
 * Papers per month as an inline SVG bar chart, with the counts as text for screen readers (a
 * topic's side column, an organisation's page), as an HTML string: the markup, white space and
 * escaping of the component it replaced, as Astro rendered it (see astro-markup.ts), numbers as
 * Astro writes them (`String(number)`, fractions in full).
 */
import { attribute, text } from './astro-markup.ts';
import { plural } from './format.ts';
import { monthLabel, type MonthCount } from './month-counts.ts';

const BAR = 10;
const GAP = 2;
const HEIGHT = 60;

/**
 * `undated`: papers with neither a publication date nor a dated listing. `id` prefixes the ids of
 * the chart's title and description (unique on the page).
 */
export function monthChartHtml(counts: readonly MonthCount[], undated: number, id: string): string {
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  const first = counts.length > 0 ? monthLabel(counts[0]!.month) : '';
  const last = counts.length > 0 ? monthLabel(counts.at(-1)!.month) : '';
  let svg = '';
  if (counts.length > 0) {
    const width = String(counts.length * (BAR + GAP));
    const described = counts
      .filter((entry) => entry.count > 0)
      .map((entry) => `${monthLabel(entry.month)}: ${entry.count}`)
      .join('; ');
    const bars = counts
      .map((entry, index) => {
        if (entry.count <= 0) return '';
        const height = Math.max(2, (entry.count / max) * HEIGHT);
        return (
          `<rect${attribute('x', String(index * (BAR + GAP)))}${attribute('y', String(HEIGHT - height))}` +
          `${attribute('width', String(BAR))}${attribute('height', String(height))}>` +
          `<title>${text(monthLabel(entry.month))}: ${text(plural(entry.count, 'paper'))}</title></rect>`
        );
      })
      .join('');
    svg =
      `<svg${attribute('viewBox', `0 0 ${width} ${HEIGHT}`)} preserveAspectRatio="none" role="img"` +
      `${attribute('aria-labelledby', `${id}-title ${id}-desc`)}${attribute('width', width)}${attribute('height', String(HEIGHT))}> ` +
      `<title${attribute('id', `${id}-title`)}>Papers per month, ${text(counts.length === 1 ? first : `${first} to ${last}`)}</title> ` +
      `<desc${attribute('id', `${id}-desc`)}>${text(described)}</desc> ${bars} </svg>`;
  }
  const caption =
    counts.length === 0
      ? 'No paper here has a date yet.'
      : counts.length === 1
        ? `${text(first)}: ${text(plural(max, 'paper'))}.`
        : `${text(first)} – ${text(last)}; highest month ${text(plural(max, 'paper'))}.`;
  const undatedNote =
    undated > 0 ? ` ${text(plural(undated, 'paper'))} without a date ${undated === 1 ? 'is' : 'are'} not shown.` : '';
  return (
    `<figure class="month-chart" data-month-chart> ${svg} ` +
    `<figcaption class="muted small"> ${caption} ${undatedNote} </figcaption> </figure>`
  );
}
