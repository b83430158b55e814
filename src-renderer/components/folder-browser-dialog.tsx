// The folder picker where the shell has none (browser mode, issue #14 finding 6): core lists the
// folders under the user's home and the mounted drives (`folders.browse`) and this modal
// <dialog> walks them. Keyboard: the list is one tab stop (a listbox with an active option);
// arrows, Home, End and Page keys move, Enter or → opens a folder, Backspace or ← goes up,
// Escape cancels; "Choose this folder" takes the folder shown.
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { FolderListing } from '../../src-main/contract/folder-listing.ts';
import { useApi } from '../state/app-context.tsx';
import { errorText } from './error-text.ts';

/** A drive's own name ("USB-STICK" of /media/anna/USB-STICK), or the whole path ("D:\\"). */
function driveName(drivePath: string): string {
  const parts = drivePath.split(/[\\/]/).filter((part) => part !== '');
  const last = parts.at(-1) ?? drivePath;
  return /^[A-Za-z]:$/.test(last) ? drivePath : last;
}

/** Rows a Page key moves. */
const PAGE_ROWS = 8;

/**
 * Asks for a folder; starts in `start` when it can be listed (a path typed before), else in the
 * home folder. `onChoose` gets the chosen absolute path; `onClose` is called when the dialog
 * closes either way.
 */
export function FolderBrowserDialog({
  start,
  onChoose,
  onClose,
}: {
  start: string;
  onChoose: (path: string) => void;
  onClose: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const listId = useId();
  const keysId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const open = useCallback(
    async (path: string | undefined, select?: string): Promise<boolean> => {
      setLoading(true);
      try {
        const next = await api.invoke('folders.browse', path === undefined ? {} : { path });
        setListing(next);
        setError(null);
        // Going up keeps the folder just left highlighted, as file managers do.
        const index = next.folders.findIndex((folder) => folder.path === select);
        setActive(Math.max(0, index));
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    void (async () => {
      const typed = start.trim();
      if (typed !== '' && (await open(typed))) return;
      const roots = await api.invoke('folders.browse', {}).catch(() => null);
      const home = roots?.roots.find((root) => root.kind === 'home') ?? roots?.roots[0];
      if (home !== undefined) await open(home.path);
      list.current?.focus();
    })();
  }, [api, open, start]);

  const folders = listing?.folders ?? [];
  const activeFolder = folders[active];
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (activeFolder === undefined) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  function goUp(): void {
    const parent = listing?.parent ?? null;
    if (parent !== null) void open(parent, listing?.path ?? undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const last = folders.length - 1;
    const move = (index: number) => setActive(Math.min(Math.max(index, 0), Math.max(last, 0)));
    switch (event.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        move(active - 1);
        break;
      case 'PageDown':
        move(active + PAGE_ROWS);
        break;
      case 'PageUp':
        move(active - PAGE_ROWS);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(last);
        break;
      case 'Enter':
      case 'ArrowRight':
        if (activeFolder !== undefined) void open(activeFolder.path);
        break;
      case 'Backspace':
      case 'ArrowLeft':
        goUp();
        break;
      default:
        return;
    }
    // Handled here: Enter must not submit the form, arrows must not scroll the page.
    event.preventDefault();
  }

  const shown = listing?.path ?? null;
  // In <body>, not inside the Add-folder form: a form in a form would submit both.
  return createPortal(
    <dialog
      ref={dialog}
      className="pick-dialog folder-browser"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          // React passes a submit up through the portal to the Add-folder form: not to it.
          event.stopPropagation();
          if (shown !== null) onChoose(shown);
        }}
      >
        <h2 id={titleId}>{t('folders.browser.title')}</h2>
        <div
          className="folder-browser-places"
          role="group"
          aria-label={t('folders.browser.places')}
        >
          {(listing?.roots ?? []).map((root) => (
            <button
              key={root.path}
              type="button"
              className="button button-small"
              title={root.path}
              onClick={() => void open(root.path)}
            >
              {root.kind === 'home' ? (
                t('folders.browser.home')
              ) : (
                <span data-user-data>{driveName(root.path)}</span>
              )}
            </button>
          ))}
        </div>
        <div className="folder-browser-where">
          <button
            type="button"
            className="button button-small"
            disabled={(listing?.parent ?? null) === null}
            onClick={goUp}
          >
            {t('folders.browser.up')}
          </button>
          <span className="folder-browser-path mono" data-user-data title={shown ?? ''}>
            {shown ?? ''}
          </span>
        </div>
        <ul
          ref={list}
          id={listId}
          className="folder-browser-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('folders.browser.list')}
          aria-describedby={keysId}
          aria-busy={loading}
          aria-activedescendant={activeFolder === undefined ? undefined : optionId(active)}
          onKeyDown={onKeyDown}
        >
          {folders.map((folder, index) => (
            <li
              key={folder.path}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="folder-browser-option"
              data-user-data
              onClick={() => setActive(index)}
              onDoubleClick={() => void open(folder.path)}
            >
              {folder.name}
            </li>
          ))}
        </ul>
        {!loading && listing !== null && folders.length === 0 && (
          <p className="hint">{t('folders.browser.empty')}</p>
        )}
        {listing?.truncated === true && (
          <p className="hint">{t('folders.browser.truncated', { shown: folders.length })}</p>
        )}
        <p id={keysId} className="hint">
          {t('folders.browser.keys')}
        </p>
        {error !== null && (
          <p className="hint hint-danger" role="alert">
            {errorText(t, error, i18n.language)}
          </p>
        )}
        <div className="pick-dialog-actions">
          <button type="submit" className="button button-primary" disabled={shown === null}>
            {t('folders.browser.choose')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('folders.browser.cancel')}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
