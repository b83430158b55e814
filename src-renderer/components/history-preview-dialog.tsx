// What History's eye opens (issue #14 finding 13): the document itself, as core draws it by the
// row's history id (`history.preview`): a PDF's first pages ("and N more" past them), a picture,
// an e-invoice's summary, or why it cannot be shown; with the file's name and where it is. A
// modal <dialog> like the others: focus stays inside it and Escape closes it. The desktop shell
// can still show the file in its file manager from here.
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { HistoryPreview } from '../../src-main/contract/history-preview.ts';
import { useApi, useApp } from '../state/app-context.tsx';
import { EInvoiceLine } from './e-invoice-line.tsx';
import { errorText } from './error-text.ts';
import { useRenderMessage } from './message-text.ts';

type Loaded = { state: 'loading' } | { state: 'failed'; reason: string } | HistoryPreview;

/** Previews history row `id` (named `fileName` until the answer comes); `onClose` when closed. */
export function HistoryPreviewDialog({
  id,
  fileName,
  onClose,
}: {
  id: number;
  fileName: string;
  onClose: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const app = useApp();
  const renderMessage = useRenderMessage();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [revealed, setRevealed] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    api.invoke('history.preview', { id }).then(
      (preview) => {
        if (current) setLoaded(preview);
      },
      (error: unknown) => {
        if (current) setLoaded({ state: 'failed', reason: errorText(t, error, i18n.language) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, id, t, i18n.language]);

  function body(): ReactElement {
    if ('state' in loaded) {
      return loaded.state === 'loading' ? (
        <p role="status">{t('history.preview.loading')}</p>
      ) : (
        <p role="alert">{loaded.reason}</p>
      );
    }
    const { content } = loaded;
    switch (content.kind) {
      case 'pages': {
        const more = content.pageCount - content.pages.length;
        return (
          <>
            <ul className="history-preview-pages" aria-label={t('history.preview.pages')}>
              {content.pages.map(({ page, thumbnail }) => (
                <li key={page}>
                  <img src={thumbnail} alt={t('history.preview.page', { page })} />
                </li>
              ))}
            </ul>
            {more > 0 && <p>{t('history.preview.morePages', { count: more })}</p>}
          </>
        );
      }
      case 'image':
        return (
          <div className="history-preview-pages">
            <img src={content.thumbnail} alt={t('history.preview.picture')} />
          </div>
        );
      case 'e_invoice':
        return (
          <p>
            <EInvoiceLine summary={content.summary} />
          </p>
        );
      case 'unavailable':
        return <p role="alert">{renderMessage(content.reason)}</p>;
    }
  }

  const path = 'state' in loaded ? null : loaded.path;
  return createPortal(
    <dialog
      ref={dialog}
      className="pick-dialog history-preview"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <form method="dialog">
        <h2 id={titleId}>
          {t('history.preview.title')}: <span data-user-data>{fileName}</span>
        </h2>
        {path !== null && (
          <p className="history-preview-path">
            {t('history.preview.where')}{' '}
            <span className="mono" data-user-data>
              {path}
            </span>
          </p>
        )}
        <div className="history-preview-body">{body()}</div>
        {revealed !== null && (
          <p role="status">{t('history.preview.revealed', { path: revealed })}</p>
        )}
        <div className="pick-dialog-actions">
          {app.appInfo?.shell === 'electron' && path !== null && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void api.invoke('history.reveal', { id }).then(
                  (answer) => setRevealed(answer.path),
                  () => setRevealed(null),
                )
              }
            >
              {t('history.preview.reveal')}
            </button>
          )}
          <button type="submit" className="button button-primary">
            {t('history.preview.close')}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
