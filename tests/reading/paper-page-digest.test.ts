/**
 * A paper page's digest (src/integrations/paper-page-digest.ts), which lets a rebuild leave a page
 * unwritten without reading it back: pages of other bytes must get other digests.
 */
import { describe, expect, it } from 'vitest';
import { paperPageDigester } from '../../src/integrations/paper-page-digest.ts';
import type { PaperPageShell } from '../../src/lib/paper-page-shell.ts';

const shell: PaperPageShell = { pieces: ['<head><title>', '</title>', '">', '</a><main>', '</main>'] };
const digestOf = paperPageDigester(shell);
/** A page's segments as `paperPageSegments` lays them out: piece, text, piece… */
const page = (title: string, description: string, address: string, body: string) => [
  shell.pieces[0],
  title,
  shell.pieces[1],
  description,
  shell.pieces[2],
  address,
  shell.pieces[3],
  body,
  shell.pieces[4],
];

describe("a paper page's digest", () => {
  const base = page('LoRA', 'Low-rank adapters.', '/papers/lora/', '<p>Abstract</p>');

  it('is the same for the same page, whichever strings hold the shell', () => {
    expect(digestOf(page('LoRA', 'Low-rank adapters.', '/papers/lora/', '<p>Abstract</p>'))).toBe(digestOf(base));
    // The pieces as other string objects of the same text (a shell read again, say).
    const copied = base.map((segment) => [...segment].join(''));
    expect(digestOf(copied)).toBe(digestOf(base));
  });

  it('differs when a text differs, by one character, or moves to another place', () => {
    const others = [
      page('LoRA!', 'Low-rank adapters.', '/papers/lora/', '<p>Abstract</p>'),
      page('LoRB', 'Low-rank adapters.', '/papers/lora/', '<p>Abstract</p>'),
      page('LoRA', 'Low-rank adapters.', '/papers/lora/', '<p>Abstracts</p>'),
      page('LoRA', '', 'Low-rank adapters./papers/lora/', '<p>Abstract</p>'),
    ];
    const digests = new Set([base, ...others].map(digestOf));
    expect(digests.size).toBe(5);
  });

  it('differs when a shell piece differs (another layout), and a text equal to a piece is not taken for it', () => {
    const otherShell = [...base];
    otherShell[4] = '</main><footer></footer>';
    expect(digestOf(otherShell)).not.toBe(digestOf(base));
    // A paper whose title is the text of a piece: a page of other bytes than one with an empty title.
    const titledLikeAPiece = page('</title>', 'd', '/papers/x/', '');
    const empty = page('', 'd', '/papers/x/', '');
    expect(titledLikeAPiece.join('')).not.toBe(empty.join(''));
    expect(digestOf(titledLikeAPiece)).not.toBe(digestOf(empty));
  });
});
