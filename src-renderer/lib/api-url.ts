// The token travels with every request, so anything but HTTPS (or this machine) is a risk.

export type ApiUrlCheck = 'secure' | 'loopback' | 'insecure' | 'invalid';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkApiUrl(value: string): ApiUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'https:') return 'secure';
  if (url.protocol !== 'http:') return 'invalid';
  return LOOPBACK_HOSTS.has(url.hostname) ? 'loopback' : 'insecure';
}
