/** URL slugs for papers: readable, ASCII, short, and unique within the corpus. */
import { comparableWords } from './normalize-text.ts';

const MAX_SLUG_LENGTH = 64;

function slugFromTitle(title: string): string {
  let slug = '';
  for (const word of comparableWords(title)) {
    const ascii = word.replace(/[^a-z0-9]/g, '');
    if (ascii === '') continue;
    const next = slug === '' ? ascii : `${slug}-${ascii}`;
    if (next.length > MAX_SLUG_LENGTH && slug !== '') break;
    slug = next.slice(0, MAX_SLUG_LENGTH);
  }
  return slug === '' ? 'paper' : slug;
}

/** Hands out slugs, suffixing `-2`, `-3`… when two papers would share one. */
export class SlugRegistry {
  private readonly taken: Set<string>;

  /** `taken`: the slugs handed out already (`claimed()` of the registry this one continues). */
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  claimed(): string[] {
    return [...this.taken];
  }

  claim(title: string): string {
    const base = slugFromTitle(title);
    let slug = base;
    for (let suffix = 2; this.taken.has(slug); suffix++) slug = `${base}-${suffix}`;
    this.taken.add(slug);
    return slug;
  }
}
