// The watched folders: how each is watched (or why it cannot be), what it holds in the queue,
// and adding one: bound to one administration and destination, or an accountant's tree.
import { useRenderMessage } from '../components/message-text.ts';
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyNumber, FolderView } from '../../src-main/contract/domain.ts';
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
  const [mode, setMode] = useState<'single' | 'tree'>('single');
  const [companyNumber, setCompanyNumber] = useState<CompanyNumber | null>(initialCompany);
  const [destination, setDestination] = useState<DestinationDraft>({
    type: 'purchase',
    categoryId: '',
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

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
        mode === 'tree' || companyNumber === null || target === null
          ? await api.invoke('folders.addTree', { path: trimmed })
          : await api.invoke('folders.add', { path: trimmed, companyNumber, destination: target });
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
          {api.pickFolder !== null && (
            <button type="button" className="button" onClick={() => void choose()}>
              {t('folders.form.choose')}
            </button>
          )}
        </div>
        <p id={pathHintId} className="hint">
          {t('folders.form.pathHintBrowser')}
        </p>
      </div>
      <fieldset className="field">
        <legend>{t('folders.form.mode')}</legend>
        <label className="choice">
          <input
            type="radio"
            name={modeName}
            checked={mode === 'single'}
            onChange={() => setMode('single')}
          />
          <span>
            <span className="choice-title">{t('folders.form.modeSingle')}</span>
            <span className="hint">{t('folders.form.modeSingleHint')}</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={modeName}
            checked={mode === 'tree'}
            onChange={() => setMode('tree')}
          />
          <span>
            <span className="choice-title">{t('folders.form.modeTree')}</span>
            <span className="hint">{t('folders.form.modeTreeHint')}</span>
          </span>
        </label>
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
              : t('folders.tree')}
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
      {folder.reason !== null && (
        <details className="folder-reason">
          <summary>{t('folders.why')}</summary>
          <p>{render(folder.reason)}</p>
        </details>
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
  const folders = app.folders;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <div>
          <h1 id="screen-title">{t('folders.title')}</h1>
          <p className="screen-intro">{t('folders.intro')}</p>
        </div>
        {!adding && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" /> {t('folders.add')}
          </button>
        )}
      </header>
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
