/**
 * Renders search results with DOM text nodes only. Titles and excerpts come from dump text,
 * which may contain markup; the only element taken from Pagefind's excerpt is its <mark>.
 */
export interface ResultView {
  url: string;
  title: string;
  excerpt: string;
  /** The page's indexed text, unescaped: what the excerpt's words are taken from. */
  content: string;
  date: string;
  upvotes: string;
  topics: string[];
}

/** Pagefind's word separators, as it splits the content to build excerpts. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
const escapeAngles = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Pagefind's excerpt is a run of the content's words, with `<` and `>` escaped (but not `&`, so it
 * cannot be decoded as HTML: `&amp;` in a dump would show as `&`) and matched words in <mark>.
 * The words are taken back from the content itself; text, and marks around the matched words.
 */
function excerptNodes(excerpt: string, content: string): Node[] {
  const tokens = excerpt.split(' ').map((token) => {
    const marked = /^<mark>(.*)<\/mark>$/s.exec(token);
    return { escaped: marked ? marked[1]! : token, marked: marked !== null };
  });
  const words = content.split(WORD_SEPARATORS);
  const start = words.findIndex((_, at) => tokens.every((token, offset) => escapeAngles(words[at + offset] ?? '') === token.escaped));
  const nodes: Node[] = [];
  tokens.forEach((token, offset) => {
    // Should the excerpt not be found in the content, its own escapes are undone (lossy only for a literal `&lt;`).
    const text = start >= 0 ? words[start + offset]! : token.escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (offset > 0) nodes.push(document.createTextNode(' '));
    if (token.marked) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  });
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
      excerpt.append(...excerptNodes(result.excerpt, result.content));
      item.append(heading, meta, excerpt);
      return item;
    }),
  );
}
