// Picks where a headless run (CLI, server) keeps its token, in order of how well it is protected
// and how explicitly the user chose it: CLEARFACTS_TOKEN, then the file CLEARFACTS_TOKEN_FILE names,
// then the system keyring, then a plain 0600 file only with consent. The desktop shell does not use this: it has safeStorage.
import path from 'node:path';
import { createEnvTokenStore, tokenFromEnvironment } from './env-token-store.ts';
import {
  createKeyringTokenStore,
  probeKeyring,
  type KeyringLocation,
  type KeyringProbe,
} from './keyring-token-store.ts';
import { createPlainFileTokenStore } from './plain-file-token-store.ts';
import { createTokenFileEnvStore, tokenFilePathFromEnvironment } from './token-file-env-store.ts';
import type { TokenStore } from './token-store.ts';

export const PLAIN_TOKEN_FILE_NAME = 'token';

export interface HeadlessTokenStoreOptions {
  /** The config directory; the plain file, when used, is `<configDir>/token`. */
  configDir: string;
  /** The user agreed to an unencrypted token file where no keyring is available. */
  consentToPlainFile: boolean;
  env?: NodeJS.ProcessEnv;
  keyring?: KeyringLocation;
  /** Replaceable so tests can stand for a machine with or without a keyring. */
  probeKeyring?: (location: KeyringLocation) => Promise<KeyringProbe>;
}

export async function createHeadlessTokenStore(
  options: HeadlessTokenStoreOptions,
): Promise<TokenStore> {
  const env = options.env ?? process.env;
  if (tokenFromEnvironment(env) !== null) return createEnvTokenStore(env);
  if (tokenFilePathFromEnvironment(env) !== null) return createTokenFileEnvStore(env);
  const keyringLocation = options.keyring ?? {};
  const probe = await (options.probeKeyring ?? probeKeyring)(keyringLocation);
  if (probe.usable) return createKeyringTokenStore(keyringLocation);
  return createPlainFileTokenStore({
    filePath: path.join(options.configDir, PLAIN_TOKEN_FILE_NAME),
    consentToPlainFile: options.consentToPlainFile,
    keyringUnavailableReason: probe.reason,
  });
}
