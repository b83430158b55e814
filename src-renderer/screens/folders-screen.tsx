// The watched folders: how each is watched (or why it cannot be), what it holds in the queue,
// and adding one: bound to one administration and destination, an accountant's tree, or an
// accountant's e-invoice inbox.
import { useRenderMessage } from '../components/message-text.ts';
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderBrowserDialog } from '../components/folder-browser-dialog.tsx';
import type {
  CompanyNumber,
  FolderView,
  SeparatorSheet,
  SeparatorType,
  FolderSplit,
} from '../../src-main/contract/domain.ts';
import {
  AdministrationPicker,
  administrationLabel,
  useAdministrationsByNumber,
} from '../components/administration-picker.tsx';
import {
  completeDestination,
  DestinationPicker,
  type DestinationDraft,
} from '../components/destination-picker.tsx';
import { Icon } from '../components/icons.tsx';
import { EmptyState, ErrorMessage, Loading } from '../components/states.tsx';
import { SplitModeField } from '../components/split-mode-field.tsx';
import { useApi, useApp, useFormatters, useStore } from '../state/app-context.tsx';
import { routeHref } from '../state/route.ts';

function AddFolderForm({
  initialCompany,
  onClose,
}: {
  initialCompany: CompanyNumber | null;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const pathId = useId();
  const pathHintId = useId();
  const modeName = useId();
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<'single' | 'tree' | 'inbox'>('single');
  const [companyNumber, setCompanyNumber] = useState<CompanyNumber | null>(initialCompany);
  const [destination, setDestination] = useState<DestinationDraft>({
    type: 'purchase',
    categoryId: '',
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const [browsing, setBrowsing] = useState(false);

  async function choose(): Promise<void> {
    if (api.pickFolder === null) return;
    const chosen = await api.pickFolder();
    if (chosen !== null) setPath(chosen);
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    setProblem(null);
    const trimmed = path.trim();
    if (trimmed === '') {
      setProblem(t('folders.form.missingPath'));
      return;
    }
    const target = completeDestination(destination);
    if (mode === 'single' && (companyNumber === null || target === null)) {
      setProblem(
        companyNumber === null
          ? t('folders.form.missingTarget')
          : t('folders.form.missingCategory'),
      );
      return;
    }
    setBusy(true);
    try {
      const folders =
        mode === 'inbox'
          ? await api.invoke('folders.addInbox', { path: trimmed })
          : mode === 'tree' || companyNumber === null || target === null
            ? await api.invoke('folders.addTree', { path: trimmed })
            : await api.invoke('folders.add', {
                path: trimmed,
                companyNumber,
                destination: target,
              });
      store.applyFolders(folders);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="panel form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="add-folder-title"
    >
      <h2 id="add-folder-title" className="panel-title">
        {t('folders.form.title')}
      </h2>
      <div className="field">
        <label htmlFor={pathId}>{t('folders.form.path')}</label>
        <div className="input-with-button">
          <input
            id={pathId}
            type="text"
            className="mono"
            value={path}
            placeholder={t('folders.form.pathPlaceholder')}
            aria-describedby={pathHintId}
            onChange={(event) => setPath(event.target.value)}
            spellCheck={false}
            autoComplete="off"
            autoFocus
          />
          <button
            type="button"
            className="button"
            // No OS dialog in a browser: core lists the folders (issue #14 finding 6).
            onClick={() => (api.pickFolder === null ? setBrowsing(true) : void choose())}
          >
            {t('folders.form.choose')}
          </button>
        </div>
        {browsing && (
          <FolderBrowserDialog
            start={path}
            onChoose={(chosen) => {
              setPath(chosen);
              setProblem(null);
            }}
            onClose={() => setBrowsing(false)}
          />
        )}
        <p id={pathHintId} className="hint">
          {t('folders.form.pathHintBrowser')}
        </p>
      </div>
      <fieldset className="field">
        <legend>{t('folders.form.mode')}</legend>
        {(
          [
            ['single', t('folders.form.modeSingle'), t('folders.form.modeSingleHint')],
            ['tree', t('folders.form.modeTree'), t('folders.form.modeTreeHint')],
            ['inbox', t('folders.form.modeInbox'), t('folders.form.modeInboxHint')],
          ] as const
        ).map(([value, title, hint]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={modeName}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            <span>
              <span className="choice-title">{title}</span>
              <span className="hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'single' && (
        <>
          <AdministrationPicker
            label={t('picker.label')}
            value={companyNumber}
            onChange={setCompanyNumber}
            required
          />
          <DestinationPicker
            companyNumber={companyNumber}
            value={destination}
            onChange={setDestination}
          />
        </>
      )}
      {problem !== null && (
        <p className="hint hint-danger" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} lead={t('folders.form.error')} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('folders.form.adding') : t('folders.form.submit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('folders.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * How a bound folder cuts scanned batches (issue #17): off, on separator sheets, every page or
 * every N pages (2-999, the contract's SplitMode), or a scan session bundled (issue #19, `bundle:N`).
 * Each change is sent as `folders.setSplit`.
 */
function SplitSelector({
  folderId,
  split,
}: {
  folderId: string;
  split: FolderSplit | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const [error, setError] = useState<unknown>(null);

  async function apply(mode: FolderSplit): Promise<void> {
    setError(null);
    try {
      store.applyFolders(await api.invoke('folders.setSplit', { id: folderId, split: mode }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="folder-split">
      <SplitModeField<FolderSplit> value={split} bundling onChange={(mode) => void apply(mode)} />
      {error !== null && <ErrorMessage error={error} lead={t('folders.split.error')} />}
    </div>
  );
}

/** Decodes the base64 PDF `separatorSheet.create` answers. */
function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * "Print separator sheets": the kind of sheet (and an archive category for the archive kinds),
 * made by core (`separatorSheet.create`) and handed to the browser as a PDF download to open and
 * print.
 */
function SeparatorSheetsPanel({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const typeId = useId();
  const categoryId = useId();
  const [type, setType] = useState<SeparatorType>('next');
  const [category, setCategory] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const archive = type === 'various' || type === 'permanent';

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    setProblem(null);
    setError(null);
    const trimmed = category.trim();
    if (archive && trimmed === '') {
      setProblem(t('folders.sheets.missingCategory'));
      return;
    }
    const sheet: SeparatorSheet =
      type === 'various' || type === 'permanent' ? { type, categoryId: trimmed } : { type };
    setBusy(true);
    try {
      const { pdfBase64 } = await api.invoke('separatorSheet.create', { sheet });
      const url = URL.createObjectURL(pdfBlob(pdfBase64));
      const link = document.createElement('a');
      link.href = url;
      link.download = `separator-sheet-${type}.pdf`;
      link.click();
      // The download has its own copy once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="panel form"
      onSubmit={(event) => void create(event)}
      aria-labelledby="separator-sheets-title"
    >
      <h2 id="separator-sheets-title" className="panel-title">
        {t('folders.sheets.title')}
      </h2>
      <p className="hint">{t('folders.sheets.hint')}</p>
      <div className="field">
        <label htmlFor={typeId}>{t('folders.sheets.type')}</label>
        <select
          id={typeId}
          value={type}
          onChange={(event) => setType(event.target.value as SeparatorType)}
        >
          {(['next', 'purchase', 'sale', 'various', 'permanent'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`folders.sheets.types.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {archive && (
        <div className="field">
          <label htmlFor={categoryId}>{t('folders.sheets.category')}</label>
          <input
            id={categoryId}
            type="text"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            autoComplete="off"
          />
        </div>
      )}
      {problem !== null && (
        <p className="hint hint-danger" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} lead={t('folders.sheets.error')} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('folders.sheets.create')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('folders.cancel')}
        </button>
      </div>
    </form>
  );
}

function FolderCard({ folder }: { folder: FolderView }): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const api = useApi();
  const store = useStore();
  const format = useFormatters();
  const byNumber = useAdministrationsByNumber();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { binding, availability, counts } = folder;
  const administration =
    binding.mode === 'single' ? byNumber.get(binding.companyNumber) : undefined;

  async function takeOver(): Promise<void> {
    setError(null);
    try {
      store.applyFolders(await api.invoke('folders.takeOver', { id: binding.id }));
    } catch (caught) {
      setError(caught);
    }
  }

  async function remove(): Promise<void> {
    try {
      store.applyFolders(await api.invoke('folders.remove', { id: binding.id }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <li className="folder-card" aria-label={binding.path}>
      <div className="folder-main">
        <span className="folder-icon" aria-hidden="true">
          <Icon name="folder" size={20} />
        </span>
        <div className="folder-text">
          <p className="folder-path mono" data-user-data>
            {binding.path}
          </p>
          <p className="folder-binding">
            {binding.mode === 'single'
              ? `${administration === undefined ? binding.companyNumber : administrationLabel(administration)} · ${t(`destinations.${binding.destination.type}`)}`
              : t(binding.mode === 'e-invoice-inbox' ? 'folders.inbox' : 'folders.tree')}
          </p>
        </div>
        <span
          className={`badge availability-${availability}`}
          title={t(`folders.availabilityHelp.${availability}`)}
        >
          {availability === 'starting' && (
            <span className="spinner spinner-small" aria-hidden="true" />
          )}
          {t(`folders.availability.${availability}`)}
        </span>
      </div>
      <p className="hint">{t(`folders.availabilityHelp.${availability}`)}</p>
      {binding.mode !== 'e-invoice-inbox' && (
        <SplitSelector folderId={binding.id} split={binding.split} />
      )}
      {folder.reason !== null && (
        <details className="folder-reason">
          <summary>{t('folders.why')}</summary>
          <p>{render(folder.reason)}</p>
        </details>
      )}
      {folder.reason?.code === 'folder_owned_elsewhere' && (
        <p className="folder-take-over">
          <button type="button" className="button button-small" onClick={() => void takeOver()}>
            {t('folders.takeOver')}
          </button>
        </p>
      )}
      <div className="folder-footer">
        <dl className="counts">
          <div>
            <dt>{t('folders.pending')}</dt>
            <dd>{format.number(counts.pending)}</dd>
          </div>
          <div>
            <dt>{t('folders.uploaded')}</dt>
            <dd>{format.number(counts.uploaded)}</dd>
          </div>
          <div className={counts.failed > 0 ? 'count-danger' : undefined}>
            <dt>{t('folders.failed')}</dt>
            <dd>
              {counts.failed > 0 ? (
                <a
                  href={routeHref('history', null, { status: 'failed' })}
                  aria-label={t('folders.showFailed')}
                >
                  {format.number(counts.failed)}
                </a>
              ) : (
                format.number(counts.failed)
              )}
            </dd>
          </div>
        </dl>
        {confirming ? (
          <div
            className="confirm"
            role="group"
            aria-label={t('folders.removeConfirm', { path: binding.path })}
          >
            <span>{t('folders.removeConfirm', { path: binding.path })}</span>
            <button
              type="button"
              className="button button-danger button-small"
              onClick={() => void remove()}
            >
              {t('folders.removeYes')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirming(false)}
              autoFocus
            >
              {t('folders.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
            {t('folders.remove')}
          </button>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </li>
  );
}

export function FoldersScreen({ addFor }: { addFor: CompanyNumber | null }): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  const [adding, setAdding] = useState(addFor !== null);
  const [printing, setPrinting] = useState(false);
  const folders = app.folders;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <div>
          <h1 id="screen-title">{t('folders.title')}</h1>
          <p className="screen-intro">{t('folders.intro')}</p>
        </div>
        <div className="actions">
          {!printing && (
            <button type="button" className="button" onClick={() => setPrinting(true)}>
              {t('folders.sheets.action')}
            </button>
          )}
          {!adding && (
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              <Icon name="plus" /> {t('folders.add')}
            </button>
          )}
        </div>
      </header>
      {printing && <SeparatorSheetsPanel onClose={() => setPrinting(false)} />}
      {adding && <AddFolderForm initialCompany={addFor} onClose={() => setAdding(false)} />}
      {folders === null ? (
        <Loading label={t('folders.loading')} />
      ) : folders.length === 0 ? (
        !adding && (
          <EmptyState icon="folder" title={t('folders.emptyTitle')}>
            <p>{t('folders.emptyBody')}</p>
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              <Icon name="plus" /> {t('folders.add')}
            </button>
          </EmptyState>
        )
      ) : (
        <ul className="folder-list">
          {folders.map((folder) => (
            <FolderCard key={folder.binding.id} folder={folder} />
          ))}
        </ul>
      )}
    </section>
  );
}
