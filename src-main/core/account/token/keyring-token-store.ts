// The token in the operating system's credential store (macOS Keychain, Windows Credential
// Manager, Secret Service on Linux) through @napi-rs/keyring, a Node-API prebuild that needs no
// compiler. On Linux the entry is pinned to the Secret Service: the library's fallback, the
// kernel keyring, forgets everything at logout or reboot, which is not storage.
import type { AsyncEntry } from '@napi-rs/keyring';
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import { redact } from '../../logging/secret-redactor.ts';
import { TokenStoreError, type TokenStore } from './token-store.ts';
import { acceptToken } from './validate-token.ts';

export const KEYRING_SERVICE = 'Clearfacts Uploader';
export const KEYRING_ACCOUNT = 'api-token';

export interface KeyringLocation {
  service?: string;
  account?: string;
}

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
      reason: `The system keyring cannot be used here (${describe(error)}).`,
    };
  }
}

export function createKeyringTokenStore(location: KeyringLocation = {}): TokenStore {
  async function withEntry<T>(action: string, use: (entry: AsyncEntry) => Promise<T>): Promise<T> {
    try {
      return await use(await openEntry(location));
    } catch (error) {
      if (error instanceof TokenStoreError) throw error;
      throw new TokenStoreError(
        'unavailable',
        `Could not ${action} the system keyring: ${describe(error)}. Unlock the keyring or set CLEARFACTS_TOKEN.`,
      );
    }
  }
  return {
    load: () =>
      withEntry('read the token from', async (entry) => {
        const stored = await entry.getPassword();
        return stored === null ? null : acceptToken(stored, 'The token in the system keyring');
      }),
    save: (token) =>
      withEntry('save the token in', (entry) =>
        entry.setPassword(acceptToken(token, 'The token you entered')),
      ),
    clear: () =>
      withEntry('remove the token from', (entry) => entry.deletePassword()).then(() => {}),
    info(): TokenStorageInfo {
      return { backend: 'keyring', secure: true, warning: null };
    },
  };
}
