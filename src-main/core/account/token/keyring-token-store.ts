// The token in the operating system's credential store (macOS Keychain, Windows Credential
// Manager, Secret Service on Linux) through @napi-rs/keyring, a Node-API prebuild that needs no
// compiler. On Linux the entry is pinned to the Secret Service: the library's fallback, the
// kernel keyring, forgets everything at logout or reboot, which is not storage.
import type { AsyncEntry } from '@napi-rs/keyring';
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import { msg } from '../../../contract/messages/message.ts';
import { redact } from '../../logging/secret-redactor.ts';
import { TokenStoreError, type TokenStore } from './token-store.ts';
import { acceptToken } from './validate-token.ts';

export const KEYRING_SERVICE = 'Clearfacts Uploader';
export const KEYRING_ACCOUNT = 'api-token';

export interface KeyringLocation {
  service?: string;
  account?: string;
}

/** Whether the keyring answers; `reason` is what it said when not (its own words, redacted). */
export type KeyringProbe = { usable: true } | { usable: false; reason: string };

async function openEntry(location: KeyringLocation): Promise<AsyncEntry> {
  // Imported on first use so a platform without a prebuild still runs with the other stores.
  const { AsyncEntry: Entry } = await import('@napi-rs/keyring');
  return new Entry(location.service ?? KEYRING_SERVICE, location.account ?? KEYRING_ACCOUNT, {
    linux: { store: 'secret-service' },
  });
}

function describe(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}

/** Whether the keyring answers a read; a headless Linux box without a Secret Service does not. */
export async function probeKeyring(location: KeyringLocation = {}): Promise<KeyringProbe> {
  try {
    const entry = await openEntry(location);
    await entry.getPassword();
    return { usable: true };
  } catch (error) {
    return {
      usable: false,
      reason: describe(error),
    };
  }
}

export function createKeyringTokenStore(location: KeyringLocation = {}): TokenStore {
  async function withEntry<T>(use: (entry: AsyncEntry) => Promise<T>): Promise<T> {
    try {
      return await use(await openEntry(location));
    } catch (error) {
      if (error instanceof TokenStoreError) throw error;
      throw new TokenStoreError(
        'unavailable',
        msg('keyring_failed_said', { problem: describe(error) }),
        {
          cause: error,
        },
      );
    }
  }
  return {
    load: () =>
      withEntry(async (entry) => {
        const stored = await entry.getPassword();
        return stored === null ? null : acceptToken(stored, msg('token_in_keyring_malformed'));
      }),
    save: (token) =>
      withEntry((entry) => entry.setPassword(acceptToken(token, msg('token_malformed')))),
    clear: () => withEntry((entry) => entry.deletePassword()).then(() => {}),
    info(): TokenStorageInfo {
      return { backend: 'keyring', secure: true, warning: null };
    },
  };
}
