// The follow-up's status (issue #16) as a screen shows it: whether it asks Clearfacts now, why
// not, and the unpaid purchase invoices per administration, kept live by `followUp.changed`.
import { useEffect, useState } from 'react';
import type { FollowUpStatus } from '../../src-main/contract/domain.ts';
import { useApi, useApiEvents, useApp } from './app-context.tsx';

/**
 * `followUp.get`'s answer, replaced by every `followUp.changed` (a pause, a resume, the setting
 * turned off or on) and asked again after a lost connection, since an event may have been missed.
 * With `askOnHistoryChange` it is also asked again on `history.changed`, for screens whose counts
 * change when a row's answer does (the Administrations screen's unpaid invoices).
 *
 * @returns null while loading or when the core could not answer.
 */
export function useFollowUpStatus(
  options: { askOnHistoryChange?: boolean } = {},
): FollowUpStatus | null {
  const api = useApi();
  const resyncCount = useApp().resyncCount;
  const [status, setStatus] = useState<FollowUpStatus | null>(null);
  const [historyRevision, setHistoryRevision] = useState(0);
  const askOnHistoryChange = options.askOnHistoryChange === true;
  useApiEvents((channel, payload) => {
    if (channel === 'followUp.changed') setStatus(payload as FollowUpStatus);
    else if (channel === 'history.changed' && askOnHistoryChange) setHistoryRevision((n) => n + 1);
  });
  useEffect(() => {
    let current = true;
    api.invoke('followUp.get', {}).then(
      (answer) => current && setStatus(answer),
      () => current && setStatus(null),
    );
    return () => {
      current = false;
    };
  }, [api, resyncCount, historyRevision]);
  return status;
}
