/**
 * `/orgs/` as one string (src/lib/pages/orgs-page.ts) is the markup src/pages/orgs/index.astro
 * rendered: the organisations most papers first, then by name; the name escaped as Astro escapes
 * text, its slug as an attribute. Expected strings written by hand.
 */
import { describe, expect, it } from 'vitest';
import { orgsPage } from '../../src/lib/pages/orgs-page.ts';
import { paperRecord, siteFixture } from './site-fixture.ts';

const LEAD = '<h1>Organisations</h1> <p class="lead">The organisations named in the listings, most papers first. ';

describe('orgsPage', () => {
  it('is the page at /orgs/', () => {
    const page = orgsPage(siteFixture([], []));
    expect(page.path).toBe('/orgs/');
    expect(page.title).toBe('Organisations');
    expect(page.description).toBe('The organisations that the paper listings name, with their papers.');
  });

  it('lists the organisations most papers first, then by name, and counts the papers that name one', () => {
    const hostile = 'R&D "Lab" <AI>';
    const papers = [
      paperRecord({ id: 'a', organization: 'Beta' }),
      paperRecord({ id: 'b', organization: hostile }),
      paperRecord({ id: 'c' }),
      paperRecord({ id: 'd', organization: 'alpha' }),
      paperRecord({ id: 'e', organization: hostile }),
    ];
    expect(orgsPage(siteFixture(papers, [])).bodyHtml()).toBe(
      `${LEAD}4 papers of 5 name one: most dumps carry no organisation.</p> <ul class="org-list"> ` +
        '<li data-org="r-d-lab-ai"><a href="/orgs/r-d-lab-ai/">R&amp;D &quot;Lab&quot; &lt;AI&gt;</a> <span class="muted">2 papers</span></li>' +
        '<li data-org="alpha"><a href="/orgs/alpha/">alpha</a> <span class="muted">1 paper</span></li>' +
        '<li data-org="beta"><a href="/orgs/beta/">Beta</a> <span class="muted">1 paper</span></li> </ul>',
    );
  });

  it('says when no dump names an organisation, with thousands separated', () => {
    const papers = Array.from({ length: 1234 }, (_, index) => paperRecord({ id: `p-${index}` }));
    expect(orgsPage(siteFixture(papers, [])).bodyHtml()).toBe(
      `${LEAD}0 papers of 1,234 name one: most dumps carry no organisation.</p> <p>No dump names an organisation yet.</p>`,
    );
    expect(orgsPage(siteFixture([], [])).bodyHtml()).toBe(
      `${LEAD}0 papers of 0 name one: most dumps carry no organisation.</p> <p>No dump names an organisation yet.</p>`,
    );
  });
});
