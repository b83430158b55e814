// Core's messages in the UI's language, from the shared catalogues (src-main/contract/messages),
// so the renderer shows the same specific sentence the CLI prints, in nl, fr or en.
import { useTranslation } from 'react-i18next';
import type { Message } from '../../src-main/contract/messages/message.ts';
import { renderMessage } from '../../src-main/contract/messages/render-message.ts';
import { isUiLanguage } from '../i18n/locale.ts';

/** A function that renders a Message in the language the UI currently shows. */
export function useRenderMessage(): (message: Message) => string {
  const { i18n } = useTranslation();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
  return (message) => renderMessage(message, language);
}
