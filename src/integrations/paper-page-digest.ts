/**
 * A paper page's digest, which the output record (src/integrations/output-record.ts) keeps for each
 * page written, so that a rebuild knows a page is unchanged without reading its file back. A page
 * is the shell's pieces with each paper's texts between them (`paperPageSegments`); the pieces are
 * the same for every page of a build and most of its bytes (~15 of ~22 KB), so each is hashed once
 * per build and a page's digest hashes only its own texts with the pieces' digests: equal digests
 * mean equal segments, hence equal pages, whatever the code that made them.
 */
import { createHash } from 'node:crypto';
import type { PaperPageShell } from '../lib/paper-page-shell.ts';

/** SHA-1 hashes a page's texts (~8 KB) in ~10 µs here, SHA-256 in ~25 µs; nothing chooses a page's texts to collide. */
const ALGORITHM = 'sha1';

/** Makes the digest of a page of this shell from its segments (`paperPageSegments`: piece, text, piece…). */
export function paperPageDigester(shell: PaperPageShell): (segments: readonly string[]) => string {
  const pieces = shell.pieces;
  const pieceDigests = pieces.map((piece) => `p${createHash(ALGORITHM).update(piece).digest('base64')}`);
  return (segments) => {
    const hash = createHash(ALGORITHM);
    segments.forEach((segment, at) => {
      // The shell's own strings, at the even places: their digest stands for them (a tag keeps the
      // two kinds apart). Anything else is hashed whole, so a digest still means its bytes.
      const piece = at % 2 === 0 ? at / 2 : -1;
      if (piece >= 0 && segment === pieces[piece]) hash.update(pieceDigests[piece]!);
      else hash.update(`t${segment.length}:`).update(segment);
    });
    return hash.digest('base64');
  };
}
