// Turns whatever a handler ran into into the contract's ApiError: a stable code for the UI and
// one sentence for the user. Nothing here ever quotes a token (the redactor guards messages too).
import { ApiError } from '../../contract/api-contract.ts';
import { ClearfactsApiError } from '../api/clearfacts-client.ts';
import { EngineBusyError } from '../store/engine-lock.ts';
import { redact } from '../logging/secret-redactor.ts';
import { TokenStoreError } from '../account/token/token-store.ts';
import { InvalidSettingsError } from '../store/conf-settings-store.ts';
import { InvalidHistoryFilterError } from '../store/history-filter-sql.ts';
import { StorageUnavailableError } from '../store/storage-guard.ts';

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return new ApiError(error.code, redact(error.message));
  const message = redact(error instanceof Error ? error.message : String(error));
  if (error instanceof ClearfactsApiError) {
    switch (error.kind) {
      case 'auth':
        return new ApiError('auth', `Clearfacts did not accept the token: ${message}`);
      case 'missing_scope':
        return new ApiError('missing_scope', message);
      case 'refused':
        return new ApiError('invalid_request', message);
      case 'transient':
      case 'ambiguous':
        return new ApiError('unavailable', `Clearfacts cannot be reached right now: ${message}`);
    }
  }
  if (error instanceof TokenStoreError) {
    return new ApiError(
      error.failure === 'invalid_token' ? 'invalid_request' : 'conflict',
      message,
    );
  }
  if (error instanceof InvalidSettingsError || error instanceof InvalidHistoryFilterError) {
    return new ApiError('invalid_request', message);
  }
  if (error instanceof StorageUnavailableError || error instanceof EngineBusyError) {
    return new ApiError('unavailable', message);
  }
  return new ApiError('internal', `Something went wrong: ${message}`);
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
