// The unconfirmed files of one outage under one banner in History: when the outage began, how
// many uploads Clearfacts did not confirm, how to check them in Clearfacts, and the two decisions
// taken for all of them at once (history.resendIncident / history.markIncidentDone).
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { markInvisible } from '../../src-main/contract/file-names.ts';
import type { UnconfirmedIncident } from '../../src-main/contract/domain.ts';
import { incidentHeading } from '../../src-main/contract/incidents.ts';
import { msg, type Message } from '../../src-main/contract/messages/message.ts';
import { useApi, useApiEvents, useApp } from '../state/app-context.tsx';
import { errorText } from './error-text.ts';
import { Icon } from './icons.tsx';
import { useRenderMessage } from './message-text.ts';
import { useToast } from './toasts.tsx';

/** How long History waits after a change before asking for the incidents again (ms). */
const RELOAD_DELAY_MS = 300;

/**
 * The open incidents, asked again shortly after history changes (a file becoming unconfirmed, or
 * decided on elsewhere, the CLI included) and after a resync. `reload` asks at once.
 */
export function useIncidents(): { incidents: UnconfirmedIncident[]; reload: () => void } {
  const api = useApi();
  const app = useApp();
  const [incidents, setIncidents] = useState<UnconfirmedIncident[]>([]);
  const generation = useRef(0);
  const reload = useCallback(() => {
    const own = ++generation.current;
    api.invoke('history.incidents', {}).then(
      (answer) => own === generation.current && setIncidents(answer),
      // The banner is an extra: the rows still show each unconfirmed file and its actions.
      () => {},
    );
  }, [api]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    reload();
    return () => {
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, [reload, app.resyncCount]);
  useApiEvents((channel) => {
    if (channel !== 'history.changed' || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, RELOAD_DELAY_MS);
  });
  return { incidents, reload };
}

/**
 * One banner per incident, newest first. `onDecided` runs after either decision succeeded, so
 * the screen can ask for the incidents again (the rows change through history.changed).
 */
export function IncidentBanners({
  incidents,
  onDecided,
}: {
  incidents: UnconfirmedIncident[];
  onDecided: () => void;
}): ReactElement | null {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const renderMessage = useRenderMessage();
  if (incidents.length === 0) return null;

  async function decide(action: () => Promise<Message>): Promise<void> {
    try {
      toast(renderMessage(await action()));
      onDecided();
    } catch (error) {
      toast(t('status.actionFailed', { reason: errorText(t, error, i18n.language) }), 'error');
    }
  }

  return (
    <div className="incident-banners">
      {incidents.map((incident) => {
        const count = incident.files.length;
        const { incidentAt } = incident;
        return (
          <section
            key={incidentAt}
            className="incident-banner"
            role="region"
            aria-label={t('history.incident.label')}
            data-incident-at={incidentAt}
          >
            <p className="incident-heading">
              <Icon name="alert" /> {renderMessage(incidentHeading(incident))}
            </p>
            <p className="incident-guide">{renderMessage(msg('incident_guide'))}</p>
            <ul className="incident-files" data-user-data>
              {incident.files.map((file) => (
                <li key={file.id} title={file.path}>
                  {markInvisible(file.fileName)}
                </li>
              ))}
            </ul>
            <p className="incident-actions">
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() =>
                  void decide(async () => {
                    const done = await api.invoke('history.markIncidentDone', { incidentAt });
                    return msg('incident_marked_done', { count: done.count });
                  })
                }
              >
                <Icon name="check" /> {t('history.incident.markAllDone', { count })}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  void decide(async () => {
                    const resent = await api.invoke('history.resendIncident', { incidentAt });
                    return msg('incident_resent', { count: resent.count });
                  })
                }
              >
                <Icon name="send" /> {t('history.incident.resendAll', { count })}
              </button>
            </p>
          </section>
        );
      })}
    </div>
  );
}
