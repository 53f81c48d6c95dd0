/**
 * Pairs the units of a listing into entries. Titles and abstracts alternate, each optionally
 * followed by a metadata block; a missing half is reported and never swallows its neighbour.
 */
import type { RawEntry } from '../types.ts';
import type { ListingUnit } from './listing-units.ts';
import { parseMetadataBlock, type ParsedMetadata } from './metadata-block.ts';
import { looksLikeAbstract, shorten } from './text-shape.ts';

export interface PairedEntry extends Omit<RawEntry, 'meta'> {
  meta: ParsedMetadata | null;
}

export interface PairingProblem {
  line: number;
  message: string;
}

export function pairListingUnits(units: readonly ListingUnit[]): {
  entries: PairedEntry[];
  problems: PairingProblem[];
} {
  const entries: PairedEntry[] = [];
  const problems: PairingProblem[] = [];
  let pendingTitle: { text: string; line: number } | null = null;
  let lastEntryHasMeta = true;

  const reportOrphanTitle = (title: { text: string; line: number }) =>
    problems.push({ line: title.line, message: `title "${shorten(title.text)}" has no abstract; entry skipped` });

  units.forEach((unit, index) => {
    if (unit.kind === 'meta') {
      const meta = parseMetadataBlock(unit.lines);
      problems.push(...meta.problems);
      const last = entries[entries.length - 1];
      if (pendingTitle === null && last && !lastEntryHasMeta) {
        last.meta = meta;
        lastEntryHasMeta = true;
      } else {
        problems.push({
          line: unit.line,
          message: `metadata block "${shorten(unit.lines[0]?.text ?? '')}" follows no abstract; ignored`,
        });
      }
      return;
    }
    const isAbstract = looksLikeAbstract(unit.text) || (pendingTitle !== null && !startsNextEntry(units, index));
    if (!isAbstract) {
      if (pendingTitle) reportOrphanTitle(pendingTitle);
      pendingTitle = { text: unit.text, line: unit.line };
      return;
    }
    if (pendingTitle === null) {
      problems.push({ line: unit.line, message: 'abstract has no title before it; kept with a derived title' });
    }
    entries.push({
      title: pendingTitle?.text ?? null,
      abstract: unit.text,
      line: pendingTitle?.line ?? unit.line,
      meta: null,
    });
    pendingTitle = null;
    lastEntryHasMeta = false;
  });
  if (pendingTitle) reportOrphanTitle(pendingTitle);
  return { entries, problems };
}

/** A short line after a title is its (short) abstract unless an abstract follows it. */
function startsNextEntry(units: readonly ListingUnit[], index: number): boolean {
  const next = units[index + 1];
  return next?.kind === 'text' && looksLikeAbstract(next.text);
}
