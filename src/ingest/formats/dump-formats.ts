/**
 * The layouts in which Hugging Face Papers listings have been scraped, each with the name the
 * Sources page gives it. Recognising a layout is detect-format.ts's job; reading its entries,
 * listing-units.ts, metadata-block.ts and pair-entries.ts's.
 */
export const DUMP_FORMAT_NAMES = {
  'abstract-lines': 'Abstract lines',
  'daily-page': 'Daily page',
  'line-pairs': 'Line pairs',
  'daily-page-metadata': 'Daily page with metadata',
} as const;

export type DumpFormat = keyof typeof DUMP_FORMAT_NAMES;

export const DUMP_FORMATS = Object.keys(DUMP_FORMAT_NAMES) as [DumpFormat, ...DumpFormat[]];
