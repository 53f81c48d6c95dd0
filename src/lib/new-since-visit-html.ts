/**
 * "N papers added since your last visit", for home and topic pages, with the cards of those
 * papers marked (src/scripts/new-since-visit.ts). The page carries every dump in arrival order
 * with the number of papers it brought first: the reader's browser keeps the last dump it was
 * shown, so the mark works across any number of rebuilds. Hidden without JavaScript or storage.
 * As one string, as the component it replaced rendered it.
 */
import { attribute } from './astro-markup.ts';
import type { SiteData } from './site-data.ts';

export const newSinceLastVisitHtml = (siteData: Pick<SiteData, 'dumpArrivals'>): string =>
  `<p id="new-since-visit" class="new-since-visit" role="status" hidden${attribute('data-dumps', JSON.stringify(siteData.dumpArrivals))}><span></span> <button type="button" class="save-button">Dismiss</button></p>`;
