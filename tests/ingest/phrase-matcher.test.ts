/**
 * The one-pass phrase matcher the classifier uses: for any phrase and text it must find exactly
 * what the phrase's own pattern finds with `matchAll`, only faster. Also the word counter that
 * replaced slicing and matching for `near`/`notNear` windows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWordsUpTo } from '../../src/ingest/count-words.ts';
import { PhraseIndex, PhraseScan, phraseKey, prefixTrie } from '../../src/ingest/phrase-matcher.ts';
import { literalPhrase, matchLiteralAt } from '../../src/ingest/phrase-literal.ts';
import { compilePhrase } from '../../src/ingest/phrase-pattern.ts';

const PHRASES = [
  'LoRA*',
  'low rank adapt*',
  'fine-tuning',
  'mixture of expert*',
  'MoE*',
  'AI feedback',
  'top k gating',
  'T2I',
  'k',
  'x*',
  'C++ models',
  "S'MoRE",
  '(IA)3',
  'über*',
  '-leading hyphen',
  'rout*',
  'expert*',
  'text to image',
  'selective layer* tuning',
  'instruction tun*',
  'top k',
  'AI',
  'CLIP',
  'LLM*',
  'mixture of LoRA*',
];

/** What the classifier used to do: run the phrase's pattern over the whole text. */
function reference(phrase: string, text: string) {
  return [...text.matchAll(compilePhrase(phrase))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}

function scanned(phrases: readonly string[], text: string) {
  const index = new PhraseIndex();
  const compiled = phrases.map((phrase) => index.add(phrase));
  const scan = new PhraseScan(index, text);
  return compiled.map((phrase) => scan.matches(phrase));
}

describe('PhraseScan', () => {
  it('finds whole-word occurrences in any spelling of spaces and hyphens, with smart case', () => {
    const text = 'We fine-tune LoRA-Pro and LoRAs; Finetuning with lora is not LoRA. Fine tuning, fine - tuning.';
    const [lora, fineTuning] = scanned(['LoRA*', 'fine-tuning'], text);
    expect(lora!.map((match) => match.text)).toEqual(['LoRA', 'LoRAs', 'LoRA']);
    expect(fineTuning!.map((match) => match.text)).toEqual(['Finetuning', 'Fine tuning', 'fine - tuning']);
  });

  it('does not match inside words', () => {
    const [moe, expert] = scanned(['MoE*', 'expert*'], 'SMoE and inexpert models; MoEs of experts');
    expect(moe!.map((match) => match.text)).toEqual(['MoEs']);
    expect(expert!.map((match) => match.text)).toEqual(['experts']);
  });

  it('agrees with the pattern on phrases that start with no letter or with non-ASCII letters', () => {
    const text = 'The (IA)3 method, C++ models and Über-fast überall models.';
    const results = scanned(PHRASES, text);
    PHRASES.forEach((phrase, index) => expect(results[index]).toEqual(reference(phrase, text)));
    expect(phraseKey('(IA)3')).toBeNull();
    expect(phraseKey('über*')).toBeNull();
    expect(phraseKey('LoRA*')).toMatchObject({ length: 3, prefix: 'lora' });
  });

  it('finds the same matches as matchAll on random texts', () => {
    const pieces = [
      'LoRA',
      'lora',
      'LoRAs',
      'low',
      'rank',
      'Low-Rank',
      'adaptation',
      'fine',
      'tuning',
      '-',
      ' ',
      '  ',
      '\u2011',
      'MoE',
      'SMoE',
      'mixture',
      'of',
      'experts',
      'Mixture-of-Experts',
      'AI',
      'feedback',
      'top',
      'k',
      'x',
      'xx',
      'gating',
      'T2I',
      'é',
      'über',
      'Über',
      '(',
      ')',
      '(IA)3',
      'C++',
      'models',
      "S'MoRE",
      '𝐀',
      'routing',
      'expert',
      'k-',
      '2',
      '.',
      'text',
      'to',
      'image',
      'Text-to-Image',
      'selective',
      'layer',
      'layers',
      'layertuning',
      'tuning',
      'instruction',
      'Instruction',
      'tun',
      '\u00a0',
      '\n',
      'ai',
      'CLIP',
      'clip',
      'LLM',
      'LLMs',
      'LLMé',
      'é',
      '\u{1d400}',
      '\u2011',
      'Mixture-of-LoRA',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const results = scanned(PHRASES, text);
        PHRASES.forEach((phrase, index) => expect(results[index]).toEqual(reference(phrase, text)));
      }),
      { numRuns: 500 },
    );
  });

  it('skips places where only the first word of a phrase occurs, and still finds the phrase spelt any way', () => {
    const text =
      'text and image; text-to-image, Text to\u00a0Image, text toimage, text to images; selective layers tuning';
    const [textToImage, selective] = scanned(['text to image', 'selective layer* tuning'], text);
    expect(textToImage!.map((match) => match.text)).toEqual(['text-to-image', 'Text to\u00a0Image', 'text toimage']);
    expect(selective!.map((match) => match.text)).toEqual(['selective layers tuning']);
  });

  it('compiles a phrase once however often it is added', () => {
    const index = new PhraseIndex();
    expect(index.add('LoRA*')).toBe(index.add('LoRA*'));
  });
});

describe('countWordsUpTo', () => {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

  it('counts runs of letters and digits in part of a text', () => {
    expect(countWordsUpTo('one two, three-four 5', 0, 21)).toBe(5);
    expect(countWordsUpTo('one two, three-four 5', 4, 13)).toBe(2);
    expect(countWordsUpTo('Zürich 𝐀𝐁 naïve', 0, 16)).toBe(3);
  });

  it('stops counting once past the limit', () => {
    expect(countWordsUpTo('a b c d e f g', 0, 13, 2)).toBe(3);
  });

  it('agrees with matching the slice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat(30), fc.nat(30), (text, a, b) => {
        const [from, to] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
        expect(countWordsUpTo(text, from, to)).toBe(words(text.slice(from, to)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matchLiteralAt', () => {
  it('follows simple phrases as their pattern would, and declines the others', () => {
    const llm = literalPhrase('LLM*')!;
    expect(matchLiteralAt('big LLMs, here', 4, llm)).toBe(8);
    expect(matchLiteralAt('big llms', 4, llm)).toBe(-1); // a capital in the phrase asks for that case
    expect(matchLiteralAt('éLLM', 1, llm)).toBe(-1); // a letter before it
    const vqa = literalPhrase('visual question answering')!;
    const text = 'Visual-Question\u00a0Answering';
    expect(matchLiteralAt(text, 0, vqa)).toBe(text.length);
    expect(matchLiteralAt(`${text}s`, 0, vqa)).toBe(-1);
    expect(literalPhrase('selective layer* tuning')).toBeNull();
    expect(literalPhrase('über*')).toBeNull();
  });
});

describe('prefixTrie', () => {
  it('matches where any of the prefixes starts, and nowhere else', () => {
    const prefixes = ['align', 'alignment', 'adapter', 'ai', 'c++', 'text', 'textual', 't2i', "s'more"];
    const pattern = new RegExp(prefixTrie(prefixes), 'iy');
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Align',
            'aligned',
            'ADA',
            'adapter',
            'A',
            'i',
            'C++',
            'c+',
            'text',
            'T2I',
            "S'MoRE",
            ' ',
            '-',
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const text = parts.join('');
          for (let at = 0; at <= text.length; at++) {
            pattern.lastIndex = at;
            expect(pattern.test(text)).toBe(
              prefixes.some((prefix) => text.slice(at, at + prefix.length).toLowerCase() === prefix),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
