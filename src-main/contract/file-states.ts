// The states a file goes through, listed once: the contract's FileState schema, the catalogues'
// state words and the CLI's live view all derive from this list.

/**
 * Every state a file's history row can be in, in the order a file meets them. `held` waits for
 * the user's choice: an e-invoice addressed to another administration, an inbox file no single
 * administration matches, a PDF that differs from its XML twin (issue #18). `split` is a scanned
 * batch cut into parts (issue #17): it waits, unmoved, until every part is uploaded. `bundling`
 * is a file of a folder that bundles scan sessions (issue #19): it waits in the open session,
 * then, unmoved, until the document it was combined into is uploaded.
 */
export const FILE_STATES = [
  'detected',
  'waiting_stability',
  'ready',
  'uploading',
  'uploaded',
  'archived',
  'failed',
  'duplicate',
  'unconfirmed',
  'held',
  'split',
  'bundling',
] as const;
