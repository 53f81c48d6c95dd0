/**
 * Turns a dump's bytes into lines of text. Scrapes arrive as UTF-8 (with or without BOM), now
 * and then as UTF-16 or Latin-1, with any line ending; binary files are refused, not guessed at.
 */

export interface DecodedDump {
  /** Lines without their line ends and trailing white space; null when the file is not text. */
  lines: string[] | null;
  /** A sentence about how the bytes were read, when it was not plain UTF-8, or why they were refused. */
  note: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeDump(bytes: Uint8Array): DecodedDump {
  const { text, note } = decodeBytes(bytes);
  if (text === null) return { lines: null, note };
  return { lines: splitLines(text), note };
}

function decodeBytes(bytes: Uint8Array): { text: string | null; note: string | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16 (little-endian BOM)' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16 (big-endian BOM)' };
  }
  if (looksBinary(bytes)) {
    return { text: null, note: 'the file is binary, not text' };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): { text: string; note: string | null } {
  try {
    return { text: utf8.decode(bytes), note: null };
  } catch {
    // Not valid UTF-8: the usual culprit is a Latin-1 (Windows-1252) export, which any byte decodes as.
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8; read as Latin-1' };
  }
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

export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  return lines.map((line) => line.replace(/[\s\u00a0\ufeff]+$/u, ''));
}
