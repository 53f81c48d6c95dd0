/**
 * `JSON.stringify(items, null, 2)` followed by a newline, as a stream of UTF-8 bytes made a few
 * items at a time, so that a large array is never one string in memory (nor that string's
 * encoding beside it). The bytes are the same as the one-string form's.
 */

const ITEMS_PER_CHUNK = 200;

/**
 * Items as the elements of a pretty-printed array, joined: the array's own text without its
 * brackets (one call into JSON.stringify for a chunk, not one per item and its re-indenting).
 */
const elements = (items: readonly object[]): string => JSON.stringify(items, null, 2).slice(2, -2);

export function prettyJsonArrayStream(items: readonly object[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (items.length === 0) {
        controller.enqueue(encoder.encode('[]\n'));
        controller.close();
        return;
      }
      const end = Math.min(next + ITEMS_PER_CHUNK, items.length);
      let text = next === 0 ? '[\n' : ',\n';
      text += elements(items.slice(next, end));
      next = end;
      if (next === items.length) {
        controller.enqueue(encoder.encode(`${text}\n]\n`));
        controller.close();
      } else controller.enqueue(encoder.encode(text));
    },
  });
}
