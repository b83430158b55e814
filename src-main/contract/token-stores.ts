// Where a token is kept, named for people: core and the shells name their token stores by an id
// (`TokenStorageInfo.backend`: "keyring", "token file", "memory (demo)", …) that reads as English
// on a nl or fr screen (issue #14 finding 13). Every surface turns the id into its own words
// through this one list.

/** The term keys of the token stores, in the catalogues' `tokenStore` tables. */
export const TOKEN_STORES = [
  'keyring',
  'file',
  'tokenFile',
  'environment',
  'memory',
  'memoryDemo',
  'safeStorage',
  'safeStorageBasic',
] as const;
export type TokenStore = (typeof TOKEN_STORES)[number];

/** Each store's id as its module reports it (core/account/token/, electron/, the demo). */
const STORE_OF_ID: ReadonlyMap<string, TokenStore> = new Map([
  ['keyring', 'keyring'],
  ['file', 'file'],
  ['token file', 'tokenFile'],
  ['environment', 'environment'],
  ['memory', 'memory'],
  ['memory (demo)', 'memoryDemo'],
  ['safeStorage', 'safeStorage'],
  ['safeStorage (basic_text)', 'safeStorageBasic'],
]);

/** The term key of a store's id, or null for an id this list does not know (shown as it is). */
export function tokenStoreOf(backend: string): TokenStore | null {
  return STORE_OF_ID.get(backend) ?? null;
}
