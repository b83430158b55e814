// The three states every screen has besides its content: loading, empty and failed.
import { useRenderMessage } from './message-text.ts';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../src-main/contract/api-contract.ts';
import { Icon, type IconName } from './icons.tsx';

export function Loading({ label }: { label: string }): ReactElement {
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
}): ReactElement {
  return (
    <div className="state state-empty">
      <span className="state-icon">
        <Icon name={icon} size={28} />
      </span>
      <h2 className="state-title">{title}</h2>
      {children}
    </div>
  );
}

/** The translated meaning of an error's code, with core's own sentence folded away. */
export function ErrorMessage({ error, lead }: { error: unknown; lead?: string }): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const code = error instanceof ApiError ? error.code : 'internal';
  const specific = error instanceof ApiError ? render(error.userMessage) : null;
  const detail =
    error instanceof ApiError
      ? (error.detail ?? null)
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div className="error-message" role="alert">
      <Icon name="alert" />
      <div>
        {lead !== undefined && <p className="error-lead">{lead}</p>}
        <p>{specific ?? t(`errors.${code}`)}</p>
        {detail !== null && detail !== '' && (
          <details>
            <summary>{t('app.details')}</summary>
            <p className="mono">{detail}</p>
          </details>
        )}
      </div>
    </div>
  );
}

export function ErrorState({
  error,
  lead,
  onRetry,
}: {
  error: unknown;
  lead: string;
  onRetry?: () => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="state state-error">
      <ErrorMessage error={error} lead={lead} />
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          <Icon name="refresh" /> {t('app.tryAgain')}
        </button>
      )}
    </div>
  );
}
