// `Authorization: Bearer <token>` as the OAuth2 resource server in front of the API checks it.
// A missing, unknown or revoked token never reaches GraphQL: it is answered with an OAuth-style
// JSON error (RFC 6750) on HTTP 401 (configurable, since the live status is unconfirmed).
import type { IncomingMessage } from 'node:http';
import type { TokenRecord, TokenRegistry } from './tokens.ts';

export type BearerCheck =
  | { ok: true; token: TokenRecord }
  | { ok: false; body: { error: string; error_description: string }; challenge: string };

function refusal(error: string, description: string): BearerCheck {
  return {
    ok: false,
    body: { error, error_description: description },
    challenge: `Bearer realm="Clearfacts", error="${error}", error_description="${description}"`,
  };
}

export function checkBearer(request: IncomingMessage, tokens: TokenRegistry): BearerCheck {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    return refusal('invalid_request', 'The request has no Authorization: Bearer <token> header.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) {
    return refusal('invalid_request', 'The Authorization header must be "Bearer <token>".');
  }
  const lookup = tokens.lookup(match[1]);
  if (lookup.status === 'unknown') {
    return refusal('invalid_token', 'The access token is invalid.');
  }
  if (lookup.status === 'revoked') {
    return refusal('invalid_token', 'The access token has been revoked.');
  }
  return { ok: true, token: lookup.record };
}
