// Every administration the token can see, searchable at once (accountants have a thousand), and
// per administration its archive categories, the folders bound to it and its recent uploads.
import { markInvisible } from '../../src-main/contract/file-names.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Administration,
  ArchiveCategories,
  CompanyNumber,
  FollowUpStatus,
  HistoryEntry,
} from '../../src-main/contract/domain.ts';
import { msg } from '../../src-main/contract/messages/message.ts';
import { useRenderMessage } from '../components/message-text.ts';
import { FailureText } from '../components/failure-text.tsx';
import { FollowUpNotice } from '../components/follow-up-notice.tsx';
import { Icon } from '../components/icons.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import { EmptyState, ErrorMessage, ErrorState, Loading } from '../components/states.tsx';
import { createAdministrationIndex } from '../lib/administration-search.ts';
import { formatCompanyNumber } from '../lib/company-number.ts';
import { useApi, useApiEvents, useApp, useFormatters, useStore } from '../state/app-context.tsx';
import { loadedValue } from '../state/app-store.ts';
import { navigate, routeHref } from '../state/route.ts';
import { useFollowUpStatus } from '../state/use-follow-up-status.ts';
import { Truncated } from '../components/truncated.tsx';

const ROW_HEIGHT = 52;
const RECENT_UPLOADS = 8;

type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: unknown };

function useLoaded<T>(key: string, load: () => Promise<T>, reloadOn: number): Loaded<T> {
  const [result, setResult] = useState<{ key: string; value: Loaded<T> }>({
    key,
    value: { state: 'loading' },
  });
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let current = true;
    loader.current().then(
      (value) => current && setResult({ key, value: { state: 'ready', value } }),
      (error: unknown) => current && setResult({ key, value: { state: 'error', error } }),
    );
    return () => {
      current = false;
    };
  }, [key, reloadOn]);
  return result.key === key ? result.value : { state: 'loading' };
}

function CategoryLists({ categories }: { categories: ArchiveCategories }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="category-columns">
      {(['various', 'permanent'] as const).map((kind) => (
        <div key={kind}>
          <h4 className="subsection-title">{t(`administrations.${kind}`)}</h4>
          {categories[kind].length === 0 ? (
            <p className="hint">{t('administrations.noneOfKind')}</p>
          ) : (
            <ul className="chip-list">
              {categories[kind].map((category) => (
                <li key={category.id} className="chip">
                  {category.name}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

/** Per administration, the purchase invoices Clearfacts last called unpaid (the follow-up's answers). */
function unpaidByAdministration(status: FollowUpStatus | null): Map<CompanyNumber, number> {
  return new Map(
    (status?.unpaidPurchases ?? []).map((row) => [row.companyNumber, row.count] as const),
  );
}

function AdministrationDetails({
  administration,
}: {
  administration: Administration;
}): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const app = useApp();
  const format = useFormatters();
  const [historyRevision, setHistoryRevision] = useState(0);
  const { companyNumber } = administration;
  const categories = useLoaded(companyNumber, () => store.categories(companyNumber), 0);
  const recent = useLoaded(
    companyNumber,
    () => api.invoke('history.query', { filter: { companyNumber }, limit: RECENT_UPLOADS }),
    historyRevision,
  );
  useApiEvents((channel, payload) => {
    if (channel !== 'history.changed') return;
    const entries = (payload as { entries: HistoryEntry[] }).entries;
    if (entries.some((entry) => entry.companyNumber === companyNumber))
      setHistoryRevision((n) => n + 1);
  });
  const folders = (app.folders ?? []).filter(
    (folder) => folder.binding.mode !== 'single' || folder.binding.companyNumber === companyNumber,
  );

  return (
    <article className="details" aria-labelledby="administration-title">
      <header className="details-header">
        <div>
          <h2 id="administration-title" data-user-data>
            {administration.name}
          </h2>
          <dl className="facts facts-inline">
            <div>
              <dt>{t('administrations.companyNumber')}</dt>
              <dd className="mono">{formatCompanyNumber(companyNumber)}</dd>
            </div>
            {administration.accountManager !== null && (
              <div>
                <dt>{t('administrations.accountManager')}</dt>
                <dd data-user-data>{administration.accountManager}</dd>
              </div>
            )}
          </dl>
        </div>
        <a className="button" href={routeHref('drop', null, { company: companyNumber })}>
          <Icon name="upload" /> {t('administrations.dropHere')}
        </a>
      </header>

      <section className="section">
        <h3 className="section-title">{t('administrations.categories')}</h3>
        {categories.state === 'loading' && <Loading label={t('destinations.categoriesLoading')} />}
        {categories.state === 'error' &&
          (app.session?.scopes.includes('archive_read') === false ? (
            <p className="hint hint-warning">{t('administrations.categoriesScope')}</p>
          ) : (
            <ErrorMessage error={categories.error} lead={t('destinations.categoriesError')} />
          ))}
        {categories.state === 'ready' && <CategoryLists categories={categories.value} />}
      </section>

      <section className="section">
        <h3 className="section-title">{t('administrations.folders')}</h3>
        {folders.length === 0 ? (
          <p className="hint">
            {t('administrations.noFolders')}{' '}
            <a href={routeHref('folders', null, { add: companyNumber })}>
              {t('administrations.addFolder')}
            </a>
          </p>
        ) : (
          <ul className="plain-list">
            {folders.map((folder) => (
              <li key={folder.binding.id}>
                <Icon name="folder" />{' '}
                {folder.binding.mode === 'single' ? (
                  <>
                    <span className="mono">{folder.binding.path}</span> ·{' '}
                    {t(`destinations.${folder.binding.destination.type}`)}
                  </>
                ) : (
                  t('administrations.viaTree', { path: folder.binding.path })
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section">
        <h3 className="section-title">{t('administrations.recent')}</h3>
        {recent.state === 'loading' && <Loading label={t('history.loading')} />}
        {recent.state === 'error' && (
          <ErrorMessage error={recent.error} lead={t('history.error')} />
        )}
        {recent.state === 'ready' &&
          (recent.value.rows.length === 0 ? (
            <p className="hint">{t('administrations.noRecent')}</p>
          ) : (
            <>
              <ul className="recent-list">
                {recent.value.rows.map((entry) => (
                  <li key={entry.id}>
                    <Truncated className="recent-name" userData>
                      {markInvisible(entry.fileName)}
                    </Truncated>
                    <span className="recent-meta">
                      {t(`destinations.${entry.destination.type}`)} ·{' '}
                      {format.dateTime(entry.detectedAt)}
                    </span>
                    <StateBadge state={entry.state} />
                    {entry.failure !== null && (
                      <span className="recent-failure">
                        <FailureText failure={entry.failure} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              <a href={routeHref('history', null, { company: companyNumber })}>
                {t('administrations.showAll')}
              </a>
            </>
          ))}
      </section>
    </article>
  );
}

export function AdministrationsScreen({ selected }: { selected: string | null }): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  const store = useStore();
  const format = useFormatters();
  const [query, setQuery] = useState('');
  // The counts follow each answer (`history.changed`) and the follow-up's own news
  // (`followUp.changed`); the line under the title says when they are not being kept up to date.
  const followUp = useFollowUpStatus({ askOnHistoryChange: true });
  const unpaid = useMemo(() => unpaidByAdministration(followUp), [followUp]);
  const renderMessage = useRenderMessage();
  const list = loadedValue(app.administrations);
  const index = useMemo(() => createAdministrationIndex(list ?? []), [list]);
  const results = useMemo(() => index.search(query), [index, query]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app is not built with the React Compiler
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = results.findIndex((entry) => entry.companyNumber === selected);
  const selectedAdministration = list?.find((entry) => entry.companyNumber === selected);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Enter') return;
    event.preventDefault();
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    const next = Math.min(Math.max(selectedIndex + step, 0), results.length - 1);
    const target = results[next];
    if (target === undefined) return;
    virtualizer.scrollToIndex(next);
    navigate('administrations', target.companyNumber);
  }

  const missingScope = app.session?.scopes.includes('read_administrations') === false;
  let body: ReactElement;
  if (missingScope) {
    body = (
      <EmptyState icon="key" title={t('administrations.scopeTitle')}>
        <p>{t('administrations.scopeBody')}</p>
      </EmptyState>
    );
  } else if (list === null && app.administrations.state === 'error') {
    body = (
      <ErrorState
        error={app.administrations.error}
        lead={t('administrations.error')}
        onRetry={() => void store.loadAdministrations()}
      />
    );
  } else if (list === null) {
    body = <Loading label={t('administrations.loading')} />;
  } else if (list.length === 0) {
    body = (
      <EmptyState icon="building" title={t('administrations.emptyTitle')}>
        <p>{t('administrations.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="split">
        <div className="split-list">
          <div className="field">
            <label htmlFor="administration-search" className="visually-hidden">
              {t('administrations.searchLabel')}
            </label>
            <div className="search-input">
              <Icon name="search" />
              <input
                id="administration-search"
                type="search"
                placeholder={t('administrations.searchPlaceholder')}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={onSearchKeyDown}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <p className="hint" aria-live="polite">
              {query.trim() === ''
                ? t('administrations.count', { count: list.length })
                : t('administrations.matches', {
                    shown: format.number(results.length),
                    total: format.number(list.length),
                  })}
            </p>
          </div>
          {results.length === 0 ? (
            <EmptyState icon="search" title={t('administrations.noMatchTitle')}>
              <p>{t('administrations.noMatchBody', { query })}</p>
            </EmptyState>
          ) : (
            <div ref={scrollRef} className="virtual-scroll" tabIndex={-1}>
              <ul
                className="virtual-inner"
                aria-label={t('administrations.title')}
                style={{ height: virtualizer.getTotalSize() }}
              >
                {virtualizer.getVirtualItems().map((item) => {
                  const administration = results[item.index];
                  if (administration === undefined) return null;
                  const isSelected = administration.companyNumber === selected;
                  return (
                    <li
                      key={administration.companyNumber}
                      className="virtual-row"
                      style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    >
                      <a
                        className={isSelected ? 'list-item selected' : 'list-item'}
                        href={routeHref('administrations', administration.companyNumber)}
                        aria-current={isSelected ? 'true' : undefined}
                      >
                        <Truncated className="list-item-title" userData>
                          {administration.name}
                        </Truncated>
                        <span className="list-item-meta">
                          <span className="mono">
                            {formatCompanyNumber(administration.companyNumber)}
                          </span>
                          {(unpaid.get(administration.companyNumber) ?? 0) > 0 && (
                            <span className="cf-unpaid">
                              {' · '}
                              {renderMessage(
                                msg('cf_unpaid_purchases', {
                                  count: unpaid.get(administration.companyNumber) ?? 0,
                                }),
                              )}
                            </span>
                          )}
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </div>
        <div className="split-details">
          {selectedAdministration === undefined ? (
            <EmptyState icon="building" title={t('administrations.selectTitle')}>
              <p>{t('administrations.selectPrompt')}</p>
            </EmptyState>
          ) : (
            <AdministrationDetails
              key={selectedAdministration.companyNumber}
              administration={selectedAdministration}
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <div>
          <h1 id="screen-title">{t('administrations.title')}</h1>
          <FollowUpNotice status={followUp} />
        </div>
        {!missingScope && (
          <button
            type="button"
            className="button"
            onClick={() => void store.loadAdministrations(true)}
            disabled={app.administrations.state === 'loading'}
          >
            <Icon name="refresh" /> {t('administrations.refresh')}
          </button>
        )}
      </header>
      {body}
    </section>
  );
}
