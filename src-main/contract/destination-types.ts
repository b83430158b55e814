// Where a document goes in an administration: its purchases or sales, or an archive type (whose
// category is chosen apart). Plain values, so the CLI's `--type` choices need no schema library;
// domain.ts's DestinationType schema takes them.
export const DESTINATION_TYPES = ['purchase', 'sale', 'various', 'permanent'] as const;
