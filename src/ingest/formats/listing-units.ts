/**
 * Splits the body of a listing into units: lines of text (titles and abstracts) and metadata
 * blocks (`• 8 authors` or an organisation line, then `·`, then a date with optional upvotes).
 */
import { looksLikeAbstract } from './text-shape.ts';

export interface NumberedLine {
  text: string;
  /** 1-based line number in the dump. */
  line: number;
}

export type ListingUnit =
  { kind: 'text'; text: string; line: number } | { kind: 'meta'; lines: NumberedLine[]; line: number };

export const METADATA_SEPARATOR = '·';
const AUTHORS_LINE = /^•/;

/** `lines` are the dump's lines; units are read from `start` on, skipping blank lines. */
export function splitListingUnits(lines: readonly string[], start: number, firstLine: string | null): ListingUnit[] {
  const numbered: NumberedLine[] = [];
  for (let index = start; index < lines.length; index++) {
    const text = (index === start && firstLine !== null ? firstLine : (lines[index] ?? '')).trim();
    if (text !== '') numbered.push({ text, line: index + 1 });
  }
  const units: ListingUnit[] = [];
  let index = 0;
  while (index < numbered.length) {
    const current = numbered[index]!;
    const next = numbered[index + 1];
    // A line before `·` is the block's organisation line, unless it is prose: then the block lost
    // its byline, and taking the abstract for one would drop the paper.
    const startsMeta =
      AUTHORS_LINE.test(current.text) ||
      current.text === METADATA_SEPARATOR ||
      (next?.text === METADATA_SEPARATOR && !looksLikeAbstract(current.text));
    if (!startsMeta) {
      units.push({ kind: 'text', text: current.text, line: current.line });
      index++;
      continue;
    }
    const block = readMetadataLines(numbered, index);
    units.push({ kind: 'meta', lines: block, line: current.line });
    index += block.length;
  }
  return units;
}

/** A block is its authors or organisation line, the separator, and the date line after it. */
function readMetadataLines(numbered: readonly NumberedLine[], start: number): NumberedLine[] {
  const block: NumberedLine[] = [];
  let index = start;
  if (numbered[index]?.text !== METADATA_SEPARATOR) block.push(numbered[index++]!);
  if (numbered[index]?.text === METADATA_SEPARATOR) {
    block.push(numbered[index++]!);
    const dateLine = numbered[index];
    if (dateLine && /^[A-Za-z]{3,9}\.?\s+-?\d/.test(dateLine.text)) block.push(dateLine);
  }
  return block;
}
