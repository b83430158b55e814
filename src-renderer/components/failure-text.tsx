// A failure in words: its specific message in the UI's language, then its detail, labelled by
// whose words they are: "Clearfacts said" only for text the Clearfacts API answered, a technical
// detail for anything the app made itself (an error code, what the parser found).
import { useRenderMessage } from './message-text.ts';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../src-main/contract/domain.ts';

export function FailureText({ failure }: { failure: Failure }): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { detail } = failure;
  return (
    <span className="failure-text" title={t(`failures.${failure.code}`)}>
      {render(failure.message)}
      {detail !== undefined && detail !== '' && (
        <>
          {' '}
          {failure.detailFrom === 'clearfacts'
            ? t('failures.serverSaid', { detail })
            : t('failures.appDetail', { detail })}
        </>
      )}
    </span>
  );
}
