// Always visible at the bottom: what the queue is doing, and when it is blocked, why and the fix.
import { useRenderMessage } from './message-text.ts';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusSnapshot } from '../../src-main/contract/domain.ts';
import { useApi, useApp, useStore } from '../state/app-context.tsx';
import { navigate, routeHref } from '../state/route.ts';
import { Icon, type IconName } from './icons.tsx';
import { useToast } from './toasts.tsx';
import { errorText } from './error-text.ts';

type Tone = 'neutral' | 'busy' | 'warning' | 'danger' | 'success';

function describe(
  status: StatusSnapshot,
  connected: boolean,
  t: ReturnType<typeof useTranslation>['t'],
): { tone: Tone; icon: IconName; text: string; fixToken: boolean } {
  if (!connected)
    return { tone: 'danger', icon: 'wifiOff', text: t('status.disconnected'), fixToken: false };
  switch (status.state) {
    case 'uploading':
      return {
        tone: 'busy',
        icon: 'upload',
        text: t('status.uploading', { done: status.batch.done, total: status.batch.total }),
        fixToken: false,
      };
    case 'paused':
      return {
        tone: 'warning',
        icon: 'pause',
        text: status.pausedByUser ? t('status.pausedByUser') : t('status.paused'),
        fixToken: false,
      };
    case 'offline':
      return { tone: 'warning', icon: 'wifiOff', text: t('status.offline'), fixToken: false };
    case 'auth_required':
      return { tone: 'danger', icon: 'key', text: t('status.authRequired'), fixToken: true };
    case 'scope_missing':
      return {
        tone: 'danger',
        icon: 'key',
        text: t('status.scopeMissing', {
          scope: status.missingScope === null ? '' : t(`scopes.${status.missingScope}`),
        }),
        fixToken: true,
      };
    case 'storage_error':
      return { tone: 'danger', icon: 'alert', text: t('status.storageError'), fixToken: false };
    case 'idle':
      if (
        status.counts.failed > 0 ||
        (status.counts.held ?? 0) > 0 ||
        status.counts.unconfirmed > 0
      ) {
        return { tone: 'warning', icon: 'alert', text: t('status.idleAttention'), fixToken: false };
      }
      return status.counts.uploaded > 0
        ? { tone: 'success', icon: 'check', text: t('status.idleDone'), fixToken: false }
        : { tone: 'neutral', icon: 'clock', text: t('status.idleEmpty'), fixToken: false };
  }
}

export function StatusBar(): ReactElement | null {
  const { t, i18n } = useTranslation();
  const render = useRenderMessage();
  const app = useApp();
  const api = useApi();
  const store = useStore();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const status = app.status;
  if (status === null) return null;
  const { tone, icon, text, fixToken } = describe(status, app.connected, t);
  const paused = status.state === 'paused' || status.pausedByUser;

  async function togglePause(): Promise<void> {
    setBusy(true);
    try {
      store.applyStatus(await api.invoke(paused ? 'queue.resume' : 'queue.pause', {}));
    } catch (error) {
      toast(t('status.actionFailed', { reason: errorText(t, error, i18n.language) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <footer className={`status-bar status-${tone}`} aria-label={t('status.label')}>
      <div
        className="status-main"
        role="status"
        aria-live="polite"
        title={status.reason === null ? undefined : render(status.reason)}
      >
        {tone === 'busy' ? (
          <span className="spinner spinner-small" aria-hidden="true" />
        ) : (
          <Icon name={icon} />
        )}
        <span>{text}</span>
      </div>
      {status.state === 'uploading' && status.batch.total > 0 && (
        <progress
          className="status-progress"
          max={status.batch.total}
          value={status.batch.done}
          aria-label={text}
        />
      )}
      <div className="status-counts">
        {status.counts.failed > 0 && (
          <a
            className="count-link count-danger"
            href={routeHref('history', null, { status: 'failed' })}
          >
            {t('status.failed', { count: status.counts.failed })}
          </a>
        )}
        {(status.counts.held ?? 0) > 0 && (
          <a
            className="count-link count-warning"
            href={routeHref('history', null, { status: 'held' })}
          >
            {t('status.held', { count: status.counts.held })}
          </a>
        )}
        {status.counts.unconfirmed > 0 && (
          <a
            className="count-link count-warning"
            href={routeHref('history', null, { status: 'unconfirmed' })}
          >
            {t('status.unconfirmed', { count: status.counts.unconfirmed })}
          </a>
        )}
      </div>
      {fixToken && (
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => navigate('sign-in')}
        >
          {t('status.fixToken')}
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => void togglePause()}
        disabled={busy || !app.connected}
      >
        <Icon name={paused ? 'play' : 'pause'} /> {paused ? t('status.resume') : t('status.pause')}
      </button>
    </footer>
  );
}
