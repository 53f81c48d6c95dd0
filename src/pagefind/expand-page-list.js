// @ts-check
/*
 * Runs inside Pagefind's own script (src/integrations/pagefind-script.ts puts it there): turns the
 * page list (`pagefind.<hash>.pf_pages`, src/integrations/search-page-list.ts) back into Pagefind's
 * metadata, byte for byte the CBOR of `pagefind.<hash>.pf_meta`, for Pagefind's WebAssembly.
 * Self-contained on purpose (no imports): its text is appended to Pagefind's module as it is.
 *
 * The page list is CBOR: [format, version, [[prefix, [count delta…]] per shard], chunk prefix,
 * [from, to, …] per index chunk ('' for a `to` that follows from the next `from`: `rangeEndBefore`),
 * filters, sorts, fields]; each page's fragment is named
 * `<its shard's prefix><its number in the shard, base 36>`, each index chunk
 * `<chunk prefix><its number, base 36>`, and each word count is written as its difference from the
 * previous page's count of the same shard (zigzag: 2n for n ≥ 0, -2n - 1 for n < 0).
 */

/** @typedef {number | string | CborArray} CborValue */
/** @typedef {CborValue[]} CborArray */

export const PAGE_LIST_FORMAT = 1;

/**
 * @param {Uint8Array} bytes
 * @returns {CborValue}
 */
function decodeCbor(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;
  /** @returns {CborValue} */
  const read = () => {
    const initial = bytes[at++];
    if (initial === undefined) throw new Error('page list ends early');
    const major = initial >> 5;
    const info = initial & 31;
    let value = info;
    if (info === 24) value = /** @type {number} */ (bytes[at++]);
    else if (info === 25) [value, at] = [view.getUint16(at), at + 2];
    else if (info === 26) [value, at] = [view.getUint32(at), at + 4];
    else if (info > 24) throw new Error(`page list: CBOR length ${info}`);
    if (major === 0) return value;
    if (major === 3) {
      const string = text.decode(bytes.subarray(at, at + value));
      at += value;
      return string;
    }
    if (major === 4) {
      const items = new Array(value);
      for (let item = 0; item < value; item += 1) items[item] = read();
      return items;
    }
    throw new Error(`page list: CBOR type ${major}`);
  };
  const value = read();
  if (at !== bytes.length) throw new Error('page list: bytes after its value');
  return value;
}

/**
 * Minicbor's encoding (each head in its shortest form), as Pagefind writes its metadata.
 * @param {CborValue} value
 * @returns {Uint8Array}
 */
function encodeCbor(value) {
  const utf8 = new TextEncoder();
  let out = new Uint8Array(1 << 16);
  let length = 0;
  /** @param {number} more */
  const reserve = (more) => {
    if (length + more <= out.length) return;
    const grown = new Uint8Array(Math.max(out.length * 2, length + more));
    grown.set(out.subarray(0, length));
    out = grown;
  };
  /** @param {number} major @param {number} argument */
  const head = (major, argument) => {
    reserve(5);
    const type = major << 5;
    if (argument < 24) out[length++] = type | argument;
    else if (argument < 0x100) {
      out[length++] = type | 24;
      out[length++] = argument;
    } else if (argument < 0x10000) {
      out[length++] = type | 25;
      out[length++] = argument >> 8;
      out[length++] = argument & 0xff;
    } else {
      out[length++] = type | 26;
      for (const shift of [24, 16, 8, 0]) out[length++] = (argument >>> shift) & 0xff;
    }
  };
  /** @param {CborValue} item */
  const write = (item) => {
    if (typeof item === 'number') head(0, item);
    else if (typeof item === 'string') {
      // Names and words are mostly printable ASCII: written as they are, without an encoder's array per string.
      if (/^[ -~]*$/.test(item)) {
        head(3, item.length);
        reserve(item.length);
        for (let at = 0; at < item.length; at += 1) out[length++] = item.charCodeAt(at);
        return;
      }
      const bytes = utf8.encode(item);
      head(3, bytes.length);
      reserve(bytes.length);
      out.set(bytes, length);
      length += bytes.length;
    } else {
      head(4, item.length);
      for (const child of item) write(child);
    }
  };
  write(value);
  return out.subarray(0, length);
}

/**
 * The end of the range of the index chunk before one whose range starts at `from`: `from` with its
 * last character one lower (below U+E000 come UTF-16's surrogates, which are no characters: U+D7FF),
 * then the highest character; '' if there is none. The merge ends ranges so
 * (src/integrations/search-index-words.ts, `chunkRangeCut`), and the page list writes '' for such
 * an end.
 * @param {string} from
 * @returns {string}
 */
export function rangeEndBefore(from) {
  const characters = Array.from(from);
  const lower = (characters.pop()?.codePointAt(0) ?? 0) - 1;
  if (lower < 0) return '';
  const below = lower >= 0xd800 && lower <= 0xdfff ? 0xd7ff : lower;
  return `${characters.join('')}${String.fromCodePoint(below)}\u{10FFFF}`;
}

/**
 * Pagefind's metadata (CBOR bytes) from the page list's CBOR bytes; each page's word count is also
 * put in `wordCounts`, by fragment name, in page order (see `tieRanks`).
 * @param {Uint8Array} pageList
 * @param {Map<string, number>} [wordCounts]
 * @returns {Uint8Array}
 */
export function expandPageList(pageList, wordCounts) {
  const list = decodeCbor(pageList);
  if (!Array.isArray(list) || list.length !== 8 || list[0] !== PAGE_LIST_FORMAT)
    throw new Error('not a page list of this format');
  const [, version, shards, chunkPrefix, ranges, filters, sorts, fields] = /** @type {CborValue[]} */ (list);
  if (!Array.isArray(shards) || !Array.isArray(ranges) || version === undefined)
    throw new Error('page list: no shards or chunks');
  /** @type {CborValue[]} */
  const pages = [];
  for (const shard of shards) {
    const [prefix, deltas] = /** @type {[string, number[]]} */ (shard);
    let count = 0;
    deltas.forEach((zigzag, page) => {
      count += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
      const name = `${prefix}${page.toString(36)}`;
      wordCounts?.set(name, count);
      pages.push([name, count, '']);
    });
  }
  /** @type {CborValue[]} */
  const chunks = [];
  for (let chunk = 0; chunk < ranges.length; chunk += 2)
    chunks.push([
      /** @type {string} */ (ranges[chunk]),
      ranges[chunk + 1] || rangeEndBefore(/** @type {string} */ (ranges[chunk + 2])),
      `${String(chunkPrefix)}${(chunk / 2).toString(36)}`,
    ]);
  return encodeCbor([version, pages, chunks, .../** @type {CborValue[]} */ ([filters, sorts, fields])]);
}

/**
 * Each page's rank among results that tie: in order of length, equal lengths in page order, from
 * `wordCounts` as `expandPageList` fills it (in page order). A shard's pages are numbered by length,
 * equal lengths by arrival, and shards follow one another by arrival, so this is the order of length
 * then arrival whatever the shards: the search page lists results that tie in it. Made as
 * length × pages + page, an order without a sort (on the first search's way).
 * @param {Map<string, number>} wordCounts
 * @returns {Map<string, number>}
 */
export function tieRanks(wordCounts) {
  const pages = wordCounts.size;
  let page = 0;
  const ranks = new Map();
  for (const [name, words] of wordCounts) ranks.set(name, words * pages + page++);
  return ranks;
}
