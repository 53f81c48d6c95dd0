/**
 * Renders search results with DOM text nodes only. Titles and excerpts come from dump text,
 * which may contain markup; the only element taken from Pagefind's excerpt is its <mark>.
 */
export interface ResultView {
  url: string;
  title: string;
  excerpt: string;
  date: string;
  upvotes: string;
  topics: string[];
}

/** Pagefind's excerpt is escaped text with <mark> around matches; rebuild it as text and marks. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const nodes: Node[] = [];
  for (const node of parsed.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return nodes;
}

export function renderResults(list: HTMLOListElement, results: readonly ResultView[], { append = false } = {}): void {
  list[append ? 'append' : 'replaceChildren'](
    ...results.map((result) => {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      heading.className = 'paper-card-title';
      const link = document.createElement('a');
      link.href = new URL(result.url, location.origin).pathname;
      link.textContent = result.title;
      heading.append(link);
      const meta = document.createElement('p');
      meta.className = 'paper-meta';
      const facts = [result.date, result.upvotes && `${result.upvotes} ${result.upvotes === '1' ? 'upvote' : 'upvotes'}`, result.topics.join(', ')].filter(Boolean);
      meta.textContent = facts.join(' · ');
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(result.excerpt));
      item.append(heading, meta, excerpt);
      return item;
    }),
  );
}
