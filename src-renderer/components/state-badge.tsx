import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileState } from '../../src-main/contract/domain.ts';
import { toneOfState } from '../lib/history-status.ts';

export function StateBadge({ state }: { state: FileState }): ReactElement {
  const { t } = useTranslation();
  const tone = toneOfState(state);
  return (
    <span className={`badge badge-${tone}`}>
      {tone === 'busy' && <span className="spinner spinner-small" aria-hidden="true" />}
      {t(`states.${state}`)}
    </span>
  );
}
