// A token kept for this run only, never written anywhere: the demo's sign-in, and every test and
// benchmark that must leave nothing of the token on disk.
import type { TokenStore } from './token-store.ts';

export function createMemoryTokenStore(
  options: { initial?: string | null; backend?: string } = {},
): TokenStore {
  let token = options.initial ?? null;
  const backend = options.backend ?? 'memory';
  return {
    givenWithProcess: true,
    load: () => Promise.resolve(token),
    save: (value) => {
      token = value;
      return Promise.resolve();
    },
    clear: () => {
      token = null;
      return Promise.resolve();
    },
    info: () => ({ backend, secure: true, warning: null }),
  };
}
