// The token travels with every request, so the screen checks an API address by core's rule
// (contract/domain.ts apiUrlProblem) as it is typed: https, or http on this machine only, and
// never a user name or password in it.
import { isLoopbackUrl } from '../../src-main/contract/domain.ts';

export type ApiUrlCheck = 'secure' | 'loopback' | 'insecure' | 'credentials' | 'invalid';

export function checkApiUrl(value: string): ApiUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.protocol === 'https:') return 'secure';
  return isLoopbackUrl(url) ? 'loopback' : 'insecure';
}

/** Core refuses every address but these (settings.update), so the screen does not offer to save it. */
export function canSaveApiUrl(check: ApiUrlCheck): boolean {
  return check === 'secure' || check === 'loopback';
}
