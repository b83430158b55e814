// The one place a token entering a store is checked and registered for redaction.
import { ApiToken } from './api-token.ts';
import { registerSecret } from '../../logging/secret-redactor.ts';
import { TokenStoreError } from './token-store.ts';

/**
 * The trimmed token, registered with the redactor; a TokenStoreError naming `subject` (e.g.
 * "The CLEARFACTS_TOKEN environment variable") when it is malformed.
 */
export function acceptToken(candidate: string, subject: string): string {
  // Registered before validation: even a malformed token must never reach a log line.
  registerSecret(candidate.trim());
  const parsed = ApiToken.safeParse(candidate);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? 'it has the wrong length or characters';
    throw new TokenStoreError('invalid_token', `${subject} is not a Clearfacts token: ${reason}.`);
  }
  return parsed.data;
}
