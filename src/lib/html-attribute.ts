/** ` name="value"` as Astro writes an attribute: only `&` and `"` escaped; an empty value as the bare name. */
export function htmlAttribute(name: string, value: string): string {
  return value === '' ? ` ${name}` : ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}
