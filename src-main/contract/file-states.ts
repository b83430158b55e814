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

type FileStateId = (typeof FILE_STATES)[number];

/**
 * The word a user types or reads for a state where ids are shown (`history --status`): the id,
 * except `moved` for `archived` (moved to `_uploaded`), which users read as Clearfacts' Archive
 * destination (issue #14 finding 13). The id stays the machine's name (`--json`, the history).
 */
export function stateWord(state: FileStateId): string {
  return state === 'archived' ? 'moved' : state;
}

/** The state a typed word names (`stateWord`'s words, and `archived` from older scripts). */
export function stateOfWord(word: string): FileStateId | null {
  if (word === 'moved') return 'archived';
  return (FILE_STATES as readonly string[]).includes(word) ? (word as FileStateId) : null;
}
