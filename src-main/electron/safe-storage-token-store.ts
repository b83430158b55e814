// The desktop token store: the token encrypted with Electron's safeStorage (the OS keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet on Linux), only the ciphertext written
// to `<userData>/token.enc`. On Linux without a keyring safeStorage falls back to `basic_text`
// (a fixed key: no real protection), so the user is told and decides: store it anyway, or keep
// it in memory for this session only.
import { msg } from '../contract/messages/message.ts';
import { readFile, rm } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { TokenStorageInfo } from '../contract/domain.ts';
import {
  TokenStoreError,
  acceptToken,
  redact,
  writePrivateFileAtomically,
  type TokenStore,
} from '../core/index.ts';

export type SafeStorageApi = Pick<
  SafeStorage,
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
>;

export interface SafeStorageTokenStoreOptions {
  safeStorage: SafeStorageApi;
  filePath: string;
  platform: NodeJS.Platform;
  /** Asks the user whether to write a token that basic_text cannot really protect. */
  confirmInsecureStorage(): Promise<boolean>;
}

const TokenFile = z.object({
  format: z.literal(1),
  /** base64 of safeStorage's ciphertext. */
  ciphertext: z.string().min(1),
});

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** What went wrong, as the system names it (EROFS, EACCES, …), else its own words, redacted. */
function reason(error: unknown): string {
  return errorCode(error) ?? redact(error instanceof Error ? error.message : String(error));
}

/** Created after `ready`: safeStorage knows its backend only then. */
export async function createSafeStorageTokenStore(
  options: SafeStorageTokenStoreOptions,
): Promise<TokenStore> {
  const { safeStorage, filePath } = options;
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend = options.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  const weak = backend === 'basic_text';
  /** The user's answer to the basic_text question, asked at most once per run. */
  let weakStorageAllowed: boolean | null = null;
  /** The token kept only in memory when the user declined weak storage. */
  let sessionToken: string | null = null;

  async function writeCiphertext(token: string): Promise<void> {
    const ciphertext = await safeStorage.encryptStringAsync(token);
    const content = `${JSON.stringify({ format: 1, ciphertext: ciphertext.toString('base64') })}\n`;
    try {
      await writePrivateFileAtomically(filePath, content);
    } catch (error) {
      throw new TokenStoreError(
        'unavailable',
        msg('token_file_write_failed', { filePath, errorCode: reason(error) }),
      );
    }
  }

  return {
    async load() {
      if (sessionToken !== null) return sessionToken;
      let content: string;
      try {
        content = await readFile(filePath, 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw new TokenStoreError(
          'unavailable',
          msg('token_file_read_failed', { filePath, errorCode: reason(error) }),
        );
      }
      let parsed: z.infer<typeof TokenFile>;
      try {
        parsed = TokenFile.parse(JSON.parse(content));
      } catch {
        throw new TokenStoreError('unavailable', msg('token_file_damaged', { filePath }));
      }
      if (!available) {
        throw new TokenStoreError('unavailable', msg('safe_storage_cannot_decrypt'));
      }
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await safeStorage.decryptStringAsync(Buffer.from(parsed.ciphertext, 'base64'));
      } catch (error) {
        throw new TokenStoreError(
          'unavailable',
          msg('safe_storage_decrypt_failed', { problem: reason(error) }),
        );
      }
      const token = acceptToken(decrypted.result, msg('token_in_file_malformed', { filePath }));
      // The key was rotated or a stronger one became available: store it under the new key.
      if (decrypted.shouldReEncrypt) await writeCiphertext(token);
      return token;
    },

    async save(candidate) {
      const token = acceptToken(candidate, msg('token_malformed'));
      // Without encryption the token is never written: it lives in memory for this run.
      if (!available) {
        sessionToken = token;
        return;
      }
      if (weak) {
        weakStorageAllowed ??= await options.confirmInsecureStorage();
        if (!weakStorageAllowed) {
          sessionToken = token;
          await rm(filePath, { force: true });
          return;
        }
      }
      sessionToken = null;
      await writeCiphertext(token);
    },

    async clear() {
      sessionToken = null;
      try {
        await rm(filePath, { force: true });
      } catch (error) {
        throw new TokenStoreError(
          'unavailable',
          msg('token_file_remove_failed', { filePath, errorCode: reason(error) }),
        );
      }
    },

    info(): TokenStorageInfo {
      if (!available) {
        return {
          backend: 'safeStorage',
          secure: false,
          warning: msg('safe_storage_unavailable'),
        };
      }
      if (!weak) return { backend: 'safeStorage', secure: true, warning: null };
      return {
        backend: 'safeStorage (basic_text)',
        secure: false,
        warning:
          weakStorageAllowed === false
            ? msg('safe_storage_session_only')
            : msg('safe_storage_basic_text'),
      };
    },
  };
}
