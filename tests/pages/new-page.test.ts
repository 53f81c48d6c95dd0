/**
 * `/new/` as one string (src/lib/pages/new-page.ts) is the markup src/pages/new.astro rendered:
 * the lead keeps its template's line breaks (compressHTML leaves one in text that had one), the
 * changes are those of the latest dump only, numbers as the template wrote them (`{1234}` has no
 * separator, `plural` has), text escaped as Astro escapes it. Expected strings written by hand
 * from those rules and from built pages (the seeds, an empty folder, a dump re-counting upvotes).
 */
import { describe, expect, it } from 'vitest';
import { newPage } from '../../src/lib/pages/new-page.ts';
import { paperListHtml } from '../../src/lib/paper-list-html.ts';
import { dumpReport, paperRecord, siteFixture } from './site-fixture.ts';

const first = dumpReport({ file: '001_a.txt', entries: 3 });
const second = dumpReport({ file: '002_b.txt', order: 1, dumpDate: '2025-10-02', entries: 1234 });
const tricks = paperRecord({
  id: 'r-d-tricks',
  title: 'R&D "Tricks" <for> LoRA',
  titleHtml: 'R&amp;D &quot;Tricks&quot; &lt;for&gt; LoRA',
  firstSeen: '002_b.txt',
});
const recounted = paperRecord({
  id: 'old-one',
  titleHtml: 'Old <em>one</em>',
  changes: [
    { dump: '001_a.txt', field: 'upvotes', from: 1, to: 3 },
    { dump: '002_b.txt', field: 'upvotes', from: 3, to: 1234 },
  ],
});
const renamed = paperRecord({
  id: 'old-two',
  titleHtml: 'Old two',
  changes: [
    { dump: '002_b.txt', field: 'title', from: 'Old <2> & "two"', to: 'Old two' },
    { dump: '002_b.txt', field: 'upvotes', from: null, to: 5 },
  ],
});
const untouched = paperRecord({ id: 'old-three', changes: [{ dump: '001_a.txt', field: 'upvotes', from: 0, to: 1 }] });

const EMPTY_SECTIONS =
  '<section id="new-papers"> <h2>New to the digest</h2> <p>None: every paper of the latest dump was already known.</p> </section> ' +
  '<section id="changed-papers"> <h2>Changed papers</h2> <p>None.</p> </section>';

describe('newPage', () => {
  it('is the page at /new/', () => {
    const page = newPage(siteFixture([], []));
    expect(page.path).toBe('/new/');
    expect(page.title).toBe('New in the latest dump');
    expect(page.description).toBe('Papers the latest dump added to the digest, and papers it renamed or re-counted.');
    expect(page.feeds).toEqual([]);
  });

  it('lists the new papers as cards and each changed paper with the latest dump’s changes only', () => {
    const site = siteFixture([tricks, recounted, renamed, untouched], [first, second]);
    expect(newPage(site).bodyHtml()).toBe(
      '<h1>New in the latest dump</h1> <p class="lead">\nThe latest dump, of 2 Oct 2025, listed 1,234 entries: it brought\n' +
        '<strong> 1 paper new to the digest</strong> and changed 2 known papers.\n' +
        '      Its file and format are on <a href="/sources/#002_b.txt">the Sources page</a>.\n</p>' +
        `<section id="new-papers"> <h2>New to the digest</h2> ${paperListHtml([tricks], site)} </section> ` +
        '<section id="changed-papers"> <h2>Changed papers</h2> <ul class="changed-list"> ' +
        '<li data-paper-id="old-one"> <a href="/papers/old-one/">Old <em>one</em></a> <ul> <li>Upvotes 3 → 1234</li> </ul> </li>' +
        '<li data-paper-id="old-two"> <a href="/papers/old-two/">Old two</a> <ul> ' +
        '<li>Renamed from “Old &lt;2&gt; &amp; &quot;two&quot;”</li><li>Upvotes  → 5</li> </ul> </li> </ul> </section>',
    );
  });

  it('names a latest dump without a date that brought nothing', () => {
    const site = siteFixture([renamed], [dumpReport({ file: '001_a.txt', entries: 1 })]);
    // The paper is new here (first listed by the only dump); its changes name another dump.
    expect(newPage(site).bodyHtml()).toBe(
      '<h1>New in the latest dump</h1> <p class="lead">\nThe latest dump listed 1 entry: it brought\n' +
        '<strong> 1 paper new to the digest</strong> and changed 0 known papers.\n' +
        '      Its file and format are on <a href="/sources/#001_a.txt">the Sources page</a>.\n</p>' +
        `<section id="new-papers"> <h2>New to the digest</h2> ${paperListHtml([renamed], site)} </section> ` +
        '<section id="changed-papers"> <h2>Changed papers</h2> <p>None.</p> </section>',
    );
    const quiet = siteFixture([untouched], [first, dumpReport({ file: '002_b.txt', order: 1, entries: 1 })]);
    expect(newPage(quiet).bodyHtml()).toBe(
      '<h1>New in the latest dump</h1> <p class="lead">\nThe latest dump listed 1 entry: it brought\n' +
        '<strong> 0 papers new to the digest</strong> and changed 0 known papers.\n' +
        '      Its file and format are on <a href="/sources/#002_b.txt">the Sources page</a>.\n</p>' +
        EMPTY_SECTIONS,
    );
  });

  it('says that no dump has been read in an empty digest', () => {
    expect(newPage(siteFixture([], [])).bodyHtml()).toBe(
      '<h1>New in the latest dump</h1> <p>No dump has been read yet.</p>' + EMPTY_SECTIONS,
    );
  });
});
