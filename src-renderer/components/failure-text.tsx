// A failure in words: its specific message in the UI's language, then Clearfacts' own reason if it
// gave one.
import { useRenderMessage } from './message-text.ts';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../src-main/contract/domain.ts';

export function FailureText({ failure }: { failure: Failure }): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  return (
    <span className="failure-text" title={t(`failures.${failure.code}`)}>
      {render(failure.message)}
      {failure.detail !== undefined && failure.detail !== '' && (
        <> {t('failures.serverSaid', { detail: failure.detail })}</>
      )}
    </span>
  );
}
