/** How a rule phrase of the topic definitions is read: its words, and the regular expression it becomes. */

export interface PhraseWord {
  /** The word without its `*`. */
  stem: string;
  /** The word ends in `*` (and is more than the `*`): any word ending may follow the stem. */
  wildcard: boolean;
}

/** The phrase's words: split at spaces and hyphens. */
export function phraseWords(phrase: string): PhraseWord[] {
  return phrase
    .trim()
    .split(/[\s-]+/)
    .map((word) => {
      const wildcard = word.length > 1 && word.endsWith('*');
      return { stem: wildcard ? word.slice(0, -1) : word, wildcard };
    });
}

/**
 * A rule phrase becomes a pattern: whole words only; a space or hyphen in the phrase matches a
 * space, a hyphen or nothing ("fine-tuning" = "fine tuning" = "finetuning"); a `*` at the end of a
 * word matches any word ending ("adapter*", "selective layer* tuning"). Case is "smart", word by
 * word: a word written with a capital letter must match exactly ("MoE", "LoRA"), a word written in
 * lower case matches any case ("mixture of LoRA" matches "Mixture-of-LoRA" but not "mixture of lora").
 */
export function compilePhrase(phrase: string): RegExp {
  return new RegExp(phrasePatternSource(phrase), 'gu');
}

/** The source of `compilePhrase`'s pattern, to be compiled with the `u` flag (and `g` or `y`). */
export function phrasePatternSource(phrase: string): string {
  const source = phraseWords(phrase)
    .map(({ stem, wildcard }) => {
      const exact = /\p{Lu}/u.test(stem);
      const escaped = [...stem].map((char) => anyCase(char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), !exact)).join('');
      return wildcard ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
    })
    .join('[\\s\\-\\u2010\\u2011\\u2013]*');
  return `(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`;
}

/** A (regex-escaped) character as a pattern matching it in either case, when `fold` and it has case. */
function anyCase(char: string, fold: boolean): string {
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  return fold && lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : char;
}
