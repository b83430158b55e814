// The API cannot list a token's scopes (core probes them); this says what each one unlocks, so
// the sign-in screen can name the features a missing scope disables.
import type { Scope } from '../../src-main/contract/domain.ts';

export const ALL_SCOPES: readonly Scope[] = [
  'read_administrations',
  'upload_document',
  'archive_read',
  'archive_actions',
];

export function missingScopes(granted: readonly Scope[]): Scope[] {
  return ALL_SCOPES.filter((scope) => !granted.includes(scope));
}
