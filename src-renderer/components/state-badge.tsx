import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileState } from '../../src-main/contract/domain.ts';
import { toneOfState } from '../lib/history-status.ts';

/** The state in words and colour; a dismissed failure is neutral, no longer a red "Failed". */
export function StateBadge({
  state,
  dismissed = false,
}: {
  state: FileState;
  dismissed?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  if (dismissed)
    return (
      <span className="badge badge-neutral" title={t('states.dismissed')}>
        {t('states.dismissed')}
      </span>
    );
  const tone = toneOfState(state);
  // The whole state in a tooltip: a narrow History row may end it with an ellipsis.
  return (
    <span className={`badge badge-${tone}`} title={t(`states.${state}`)}>
      {tone === 'busy' && <span className="spinner spinner-small" aria-hidden="true" />}
      {t(`states.${state}`)}
    </span>
  );
}
