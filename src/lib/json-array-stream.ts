/**
 * `JSON.stringify(items, null, 2)` followed by a newline, as a stream of UTF-8 bytes made a few
 * items at a time, so that a large array is never one string in memory (nor that string's
 * encoding beside it). The bytes are the same as the one-string form's.
 */

const ITEMS_PER_CHUNK = 200;

/** One item as an element of a pretty-printed array: indented one level. */
const element = (item: object): string => `  ${JSON.stringify(item, null, 2).replaceAll('\n', '\n  ')}`;

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
      // JSON.stringify prints no raw line break inside a value (it escapes them), so every '\n'
      // of an item's text is layout, to be indented one more level.
      let text = next === 0 ? '[\n' : ',\n';
      text += items.slice(next, end).map(element).join(',\n');
      next = end;
      if (next === items.length) {
        controller.enqueue(encoder.encode(`${text}\n]\n`));
        controller.close();
      } else controller.enqueue(encoder.encode(text));
    },
  });
}
