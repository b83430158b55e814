// One sentence for an error in the reader's language: the meaning of its code. Core's own
// (English) words stay in the Details disclosure of ErrorMessage, not in a toast.
import type { TFunction } from 'i18next';
import { ApiError } from '../../src-main/contract/api-contract.ts';

export function errorText(t: TFunction, error: unknown): string {
  return t(`errors.${error instanceof ApiError ? error.code : 'internal'}`);
}
