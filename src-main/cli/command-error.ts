// How an error that ends a command is said: one sentence in the CLI's language, and the exit code
// scripts rely on. Loaded only when a command failed, since it needs core's errors.
import { CommanderError } from 'commander';
import { ApiError } from '../contract/api-contract.ts';
import {
  authHoldReason,
  ConfigDirUnwritableError,
  TokenStoreError,
  tokenFromEnvironment,
  toApiError,
} from '../core/index.ts';
import { inCliLanguage } from './cli-language.ts';
import { CliError, EXIT, type ExitCode } from './exit-codes.ts';
import { unreachableSentence } from './unreachable-sentence.ts';

/** The exit code for an error that ended a command (see exit-codes.ts). */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof CommanderError) return EXIT.usage;
  if (error instanceof ConfigDirUnwritableError) return EXIT.usage;
  if (error instanceof TokenStoreError) {
    if (error.failure === 'given_token_unusable') return EXIT.auth;
    return error.failure === 'unavailable' ? EXIT.failure : EXIT.usage;
  }
  const apiError = toApiError(error);
  switch (apiError.code) {
    case 'auth':
    case 'not_signed_in':
    case 'missing_scope':
      return EXIT.auth;
    case 'invalid_request':
    case 'not_found':
    case 'conflict':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}

/**
 * The sentence for an error that ends a command. An unreachable Clearfacts names the address
 * tried and what to check: the engine's own words ("tried again later") are for a running queue,
 * and nothing is tried again once a command has ended.
 */
export function sentenceOf(error: unknown, apiAddress: string): string {
  if (error instanceof TokenStoreError) return inCliLanguage(error.userMessage);
  if (error instanceof CliError) return error.message;
  if (error instanceof ConfigDirUnwritableError) return inCliLanguage(error.userMessage);
  const apiError = error instanceof ApiError ? error : toApiError(error);
  // A refused CLEARFACTS_TOKEN is changed where the variable is set: `token set` would not help.
  if (apiError.code === 'auth' && tokenFromEnvironment() !== null) {
    return inCliLanguage(authHoldReason('environment'));
  }
  return inCliLanguage(unreachableSentence(apiError, apiAddress) ?? apiError.userMessage);
}
