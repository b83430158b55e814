// Turns whatever a handler ran into into the contract's ApiError: a stable code for the UI and
// a Message for the user. Nothing here ever quotes a token (the redactor guards messages too).
import { ApiError } from '../../contract/api-contract.ts';
import { msg } from '../../contract/messages/message.ts';
import { ClearfactsApiError } from '../api/clearfacts-client.ts';
import { EngineBusyError } from '../store/engine-lock.ts';
import { redact } from '../logging/secret-redactor.ts';
import { TokenStoreError } from '../account/token/token-store.ts';
import { InvalidSettingsError } from '../store/conf-settings-store.ts';
import { InvalidHistoryFilterError } from '../store/history-filter-sql.ts';
import { StorageUnavailableError } from '../store/storage-guard.ts';

/**
 * The ApiError for whatever a handler threw: a category, a Message for the user and, where the
 * error had its own words (a file system error, a bug), those words as untranslated detail.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return new ApiError(
      error.code,
      error.userMessage,
      error.detail === undefined ? undefined : redact(error.detail),
    );
  }
  const detail = redact(error instanceof Error ? error.message : String(error));
  if (error instanceof ClearfactsApiError) {
    switch (error.kind) {
      case 'auth':
        return new ApiError('auth', error.userMessage);
      case 'missing_scope':
        return new ApiError('missing_scope', error.userMessage);
      case 'refused':
        return new ApiError('invalid_request', error.userMessage);
      case 'transient':
      case 'ambiguous':
        return new ApiError('unavailable', error.userMessage);
    }
  }
  if (error instanceof TokenStoreError) {
    // The store's message names the file, variable or keyring and says the system's error code,
    // so no English detail goes with it.
    switch (error.failure) {
      case 'given_token_unusable':
        return new ApiError('not_signed_in', error.userMessage);
      case 'invalid_token':
        return new ApiError('invalid_request', error.userMessage);
      default:
        return new ApiError('conflict', error.userMessage);
    }
  }
  if (error instanceof InvalidSettingsError) {
    return new ApiError('invalid_request', msg('settings_invalid'), detail);
  }
  if (error instanceof InvalidHistoryFilterError) {
    return new ApiError('invalid_request', msg('history_filter_invalid'), detail);
  }
  if (error instanceof StorageUnavailableError) {
    return new ApiError('unavailable', error.reason);
  }
  if (error instanceof EngineBusyError)
    return new ApiError('unavailable', msg('engine_busy'), detail);
  return new ApiError('internal', msg('internal'), detail);
}

/** Wraps every handler so each one throws only ApiError. */
export function withApiErrors<Args extends unknown[], Result>(
  handler: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      throw toApiError(error);
    }
  };
}
