// One sentence for an error in the reader's language: core's specific message for an ApiError,
// else the meaning of the internal code.
import type { TFunction } from 'i18next';
import { ApiError } from '../../src-main/contract/api-contract.ts';
import { renderMessage } from '../../src-main/contract/messages/render-message.ts';
import { isUiLanguage } from '../i18n/locale.ts';

export function errorText(t: TFunction, error: unknown, uiLanguage: string): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  return renderMessage(error.userMessage, isUiLanguage(uiLanguage) ? uiLanguage : 'en');
}
