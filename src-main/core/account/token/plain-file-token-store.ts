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
  /** Why the keyring could not be used (its own words), told when consent is asked for. */
  keyringUnavailableReason?: string;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** What went wrong with the file, as the system names it (EROFS, EACCES, …), never a sentence. */
function problemOf(error: unknown): string {
  return errorCode(error) ?? redact(error instanceof Error ? error.message : String(error));
}

export function createPlainFileTokenStore(options: PlainFileTokenStoreOptions): TokenStore {
  const { filePath, consentToPlainFile } = options;
  const warning = msg('token_file_unprotected', { filePath });

  function failure(
    code: 'token_file_read_failed' | 'token_file_write_failed' | 'token_file_remove_failed',
    error: unknown,
  ): TokenStoreError {
    return new TokenStoreError(
      'unavailable',
      msg(code, { filePath, errorCode: problemOf(error) }),
      {
        cause: error,
      },
    );
  }

  return {
    async load() {
      let content: string;
      try {
        content = await readFile(filePath, 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw failure('token_file_read_failed', error);
      }
      return content.trim() === ''
        ? null
        : acceptToken(content, msg('token_in_file_malformed', { filePath }));
    },

    async save(token) {
      const accepted = acceptToken(token, msg('token_malformed'));
      if (!consentToPlainFile) {
        throw new TokenStoreError(
          'consent_required',
          msg('token_plain_file_consent', {
            filePath,
            problem: options.keyringUnavailableReason ?? '',
          }),
        );
      }
      try {
        await writePrivateFileAtomically(filePath, `${accepted}\n`);
      } catch (error) {
        throw failure('token_file_write_failed', error);
      }
    },

    async clear() {
      try {
        await rm(filePath, { force: true });
      } catch (error) {
        throw failure('token_file_remove_failed', error);
      }
    },

    info(): TokenStorageInfo {
      return { backend: 'file', secure: false, warning };
    },
  };
}
