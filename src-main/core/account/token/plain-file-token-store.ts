// The last resort for headless machines with no keyring: the token in a file only the user can
// read (mode 0600). Anyone with the user's account or a copy of the disk can read it, so it is
// written only after the user agreed to exactly that, and info() says so every time.
import { msg } from '../../../contract/messages/message.ts';
import { readFile, rm } from 'node:fs/promises';
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import { writePrivateFileAtomically } from './private-file.ts';
import { redact } from '../../logging/secret-redactor.ts';
import { TokenStoreError, type TokenStore } from './token-store.ts';
import { acceptToken } from './validate-token.ts';

export interface PlainFileTokenStoreOptions {
  /** The file, e.g. `<config dir>/token`. */
  filePath: string;
  /** True only when the user explicitly agreed to an unencrypted token file. */
  consentToPlainFile: boolean;
  /** Why the keyring could not be used, told to the user when consent is asked for. */
  keyringUnavailableReason?: string;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export function createPlainFileTokenStore(options: PlainFileTokenStoreOptions): TokenStore {
  const { filePath, consentToPlainFile } = options;
  const warning = msg('token_file_unprotected', { filePath });

  function failure(action: string, error: unknown): TokenStoreError {
    const reason = redact(error instanceof Error ? error.message : String(error));
    return new TokenStoreError('unavailable', `Could not ${action} ${filePath}: ${reason}`);
  }

  return {
    async load() {
      let content: string;
      try {
        content = await readFile(filePath, 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw failure('read the token from', error);
      }
      return content.trim() === '' ? null : acceptToken(content, `The token in ${filePath}`);
    },

    async save(token) {
      const accepted = acceptToken(token, 'The token you entered');
      if (!consentToPlainFile) {
        throw new TokenStoreError(
          'consent_required',
          `${options.keyringUnavailableReason ?? 'No system keyring is available.'} Storing the token in a plain file (${filePath}) needs your explicit agreement: agree to that, or set the CLEARFACTS_TOKEN environment variable instead.`,
        );
      }
      try {
        await writePrivateFileAtomically(filePath, `${accepted}\n`);
      } catch (error) {
        throw failure('write the token to', error);
      }
    },

    async clear() {
      try {
        await rm(filePath, { force: true });
      } catch (error) {
        throw failure('remove', error);
      }
    },

    info(): TokenStorageInfo {
      return { backend: 'file', secure: false, warning };
    },
  };
}
