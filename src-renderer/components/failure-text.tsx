// A failure in words: the translated meaning of its code, then Clearfacts' own reason if it gave one.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../src-main/contract/domain.ts';

export function FailureText({ failure }: { failure: Failure }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className="failure-text">
      {t(`failures.${failure.code}`)}
      {failure.detail !== undefined && failure.detail !== '' && (
        <> {t('failures.serverSaid', { detail: failure.detail })}</>
      )}
    </span>
  );
}
