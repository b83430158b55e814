// What the CLI says about the follow-up of delivered invoices (issue #16): nothing while it asks
// Clearfacts as planned, else why it does not (offline, refused token, missing scope,
// rate-limited, turned off), in the CLI's language. `status` and `history` both print it.
import type { FollowUpStatus } from '../contract/domain.ts';
import { inCliLanguage } from './cli-language.ts';

/** The reason the follow-up is not asking, rendered; null while it is active. */
export function followUpNotice(status: FollowUpStatus): string | null {
  if (status.state === 'active' || status.reason === null) return null;
  return inCliLanguage(status.reason);
}
