/**
 * Turns a dump's bytes into lines of text. Scrapes arrive as UTF-8 (with or without BOM), now
 * and then as UTF-16 or Latin-1, or with a few Latin-1 lines pasted into UTF-8, with any line
 * ending; binary files are refused, not guessed at, and binary stretches inside a text file
 * are left out line by line.
 */
import { isAscii } from './ascii.ts';

/** How the bytes were read, when it was not plain UTF-8: a sentence, at a line or (null) for the whole file. */
export interface DecodeNote {
  line: number | null;
  message: string;
}

export interface DecodedDump {
  /** Lines without their line ends and trailing white space; null when the file is not text. */
  lines: string[] | null;
  /** Why the file was refused (when `lines` is null). */
  refusal: string | null;
  /** Everything about the reading a user should know: encodings, binary lines (blanked), padding. */
  notes: DecodeNote[];
  /** The bytes stop inside a multi-byte character: the file was cut off there (the partial character is dropped). */
  endsMidCharacter: boolean;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
/** C0 controls other than tab, line feed, form feed and carriage return; C1 controls; U+FFFD. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g;

export function decodeDump(bytes: Uint8Array): DecodedDump {
  const notes: DecodeNote[] = [];
  const refuse = (refusal: string): DecodedDump => ({ lines: null, refusal, notes: [], endsMidCharacter: false });

  let text: string;
  let endsMidCharacter = false;
  let latin1Lines: number[] = [];
  let utf8NonAscii = false;
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    text = new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.bom ? 2 : 0));
    notes.push({
      line: null,
      message: `read as UTF-16 (${utf16.encoding === 'utf-16le' ? 'little' : 'big'}-endian${utf16.bom ? ' BOM' : ', no BOM'})`,
    });
  } else {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bytes.subarray(hasBom ? 3 : 0);
    // A crashed or pre-allocated write leaves the end of the file as NUL bytes: the text before them is intact.
    let end = body.length;
    while (end > 0 && body[end - 1] === 0) end--;
    const padding = body.length - end;
    if (end === 0 && padding > 0) return refuse('the file is binary, not text');
    const content = body.subarray(0, end);
    if (looksBinary(content)) return refuse('the file is binary, not text');
    const decoded = decodeUtf8OrLatin1(content);
    text = decoded.text;
    endsMidCharacter = decoded.endsMidCharacter;
    latin1Lines = decoded.latin1Lines;
    utf8NonAscii = decoded.utf8NonAscii;
    if (padding > 0) {
      notes.push({
        line: splitLines(text).length,
        message: `the file ends in ${padding} NUL bytes from this line on (an interrupted write?); they were ignored`,
      });
    }
  }

  if (looksBinaryText(text)) return refuse('the file is binary, not text');
  const lines = splitLines(text);
  const binaryLines = blankBinaryLines(lines, text);
  if (binaryLines.length > 0) {
    const which =
      binaryLines.length === 1 ? 'this line holds' : `this line and ${listLines(binaryLines.slice(1))} hold`;
    notes.push({ line: binaryLines[0]!, message: `${which} binary data, not text; skipped` });
  }
  // Binary lines are no Latin-1 text either: they were reported as binary.
  const latin1 = latin1Lines.filter((line) => !binaryLines.includes(line));
  if (latin1.length > 0) notes.push(latin1Note(latin1, utf8NonAscii));
  notes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { lines, refusal: null, notes, endsMidCharacter };
}

/** A BOM, or (without one) text whose every other byte is NUL: ASCII letters in UTF-16. */
function utf16Encoding(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (bytes[2 * pair] === 0) evenZeros++;
    if (bytes[2 * pair + 1] === 0) oddZeros++;
  }
  if (oddZeros / pairs >= 0.7 && evenZeros / pairs <= 0.02) return { encoding: 'utf-16le', bom: false };
  if (evenZeros / pairs >= 0.7 && oddZeros / pairs <= 0.02) return { encoding: 'utf-16be', bom: false };
  return null;
}

/** NUL bytes or a high share of control characters in the first 8 KiB mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/** The same test on decoded text (for UTF-16, whose bytes say little before decoding). */
function looksBinaryText(text: string): boolean {
  const sample = text.slice(0, 8192);
  return sample.includes('\u0000') || (sample.match(CONTROL)?.length ?? 0) / (sample.length || 1) > 0.05;
}

/** UTF-8 that may stop inside a character; null when any other byte sequence is not UTF-8. */
function strictUtf8(bytes: Uint8Array): { text: string; endsMidCharacter: boolean } | null {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    text = decoder.decode(bytes, { stream: true });
  } catch {
    return null;
  }
  try {
    text += decoder.decode();
    return { text, endsMidCharacter: false };
  } catch {
    return { text, endsMidCharacter: true };
  }
}

const windows1252 = new TextDecoder('windows-1252');

/**
 * UTF-8 as a whole when it is; otherwise line by line, each line that is not UTF-8 read as Latin-1
 * (Windows-1252, which any byte decodes as): a whole Latin-1 export and a UTF-8 scrape with a few
 * pasted Latin-1 lines both come out right, and the note names the line where it began.
 */
function decodeUtf8OrLatin1(bytes: Uint8Array): {
  text: string;
  endsMidCharacter: boolean;
  latin1Lines: number[];
  utf8NonAscii: boolean;
} {
  const whole = strictUtf8(bytes);
  if (whole) return { ...whole, latin1Lines: [], utf8NonAscii: true };

  const segments: string[] = [];
  const latin1Lines: number[] = [];
  let utf8NonAscii = false;
  let endsMidCharacter = false;
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    const raw = bytes.subarray(start, end);
    const last = end >= bytes.length;
    const utf8 = strictUtf8(raw);
    let segment: string;
    if (utf8 && (!utf8.endsMidCharacter || last)) {
      segment = utf8.text;
      endsMidCharacter = utf8.endsMidCharacter;
      if (!isAscii(segment)) utf8NonAscii = true;
    } else {
      segment = windows1252.decode(raw);
      latin1Lines.push(line);
    }
    segments.push(segment);
    line += 1 + (segment.match(/[\u2028\u2029]/g)?.length ?? 0);
    if (last) break;
    start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
  }

  return { text: segments.join('\n'), endsMidCharacter, latin1Lines, utf8NonAscii };
}

/** Where the Latin-1 began: for a Latin-1 export, its first such line; for a mixed file, every such line. */
function latin1Note(lines: readonly number[], utf8NonAscii: boolean): DecodeNote {
  const first = lines[0]!;
  if (!utf8NonAscii)
    return {
      line: first,
      message: 'the file is not UTF-8 (the first such character is on this line); it was read as Latin-1',
    };
  const which = lines.length === 1 ? 'this line is' : `this line and ${listLines(lines.slice(1))} are`;
  return { line: first, message: `${which} not UTF-8, unlike the rest of the file; read as Latin-1` };
}

/** `line 30`, `lines 30 and 41`, `lines 30, 41, 52 and 6 more`. */
function listLines(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  if (lines.length <= 4) return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  return `lines ${lines.slice(0, 3).join(', ')} and ${lines.length - 3} more`;
}

/** Whether the text holds any `CONTROL` character (the same class, tested once on the whole text). */
const ANY_CONTROL = new RegExp(CONTROL.source);

/** A line of many control characters is a stretch of binary data inside the text: it is blanked. */
function blankBinaryLines(lines: string[], text: string): number[] {
  const binary: number[] = [];
  // Nearly every dump has no control character at all: then no line is binary.
  if (!ANY_CONTROL.test(text)) return binary;
  lines.forEach((line, index) => {
    const controls = line.match(CONTROL)?.length ?? 0;
    if (controls >= 2 && controls / line.length > 0.1) {
      binary.push(index + 1);
      lines[index] = '';
    }
  });
  return binary;
}

/** Line ends other than LF: when a text has none, splitting at LF alone gives the same lines, faster. */
const OTHER_LINE_BREAK = /[\r\u2028\u2029]/;
const TRAILING_SPACE = /[\s\u00a0\ufeff]+$/u;

function splitLines(text: string): string[] {
  const lines = OTHER_LINE_BREAK.test(text) ? text.split(LINE_BREAK) : text.split('\n');
  // Most lines end in a visible character; only the others need the regular expression.
  return lines.map((line) =>
    line === '' || !mayEndInSpace(line.charCodeAt(line.length - 1)) ? line : line.replace(TRAILING_SPACE, ''),
  );
}

/** False only for characters that `[\s\u00a0\ufeff]` does not match. */
function mayEndInSpace(code: number): boolean {
  return code <= 0x20 || (code >= 0x80 && (code === 0x85 || code === 0xa0 || code >= 0x1680));
}
