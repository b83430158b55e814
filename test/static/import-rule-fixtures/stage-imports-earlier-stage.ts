// As src-main/core/account/…: its own modules and earlier stages are fine.
import { ClearfactsApiError } from '../api/clearfacts-client.ts';
import { toHistoryEntry } from '../store/file-record.ts';
import { ApiToken } from './token/api-token.ts';
import { registerSecret } from '../logging/secret-redactor.ts';

export const used = [ClearfactsApiError, toHistoryEntry, ApiToken, registerSecret];
