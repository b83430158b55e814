// Every document the uploader has seen, newest first. Virtualised and paged through history.query,
// so 50,000 rows scroll as smoothly as 50; rows change in place as core reports progress.
import { markInvisible, showRawName } from '../../src-main/contract/file-names.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  choiceMessage,
  DestinationType,
  UNROUTED_COMPANY_NUMBER,
  InClearfactsFilter,
  type CompanyNumber,
  type HistoryEntry,
  type HistoryFilter,
  type HoldChoice,
  type UploadProgress,
} from '../../src-main/contract/domain.ts';
import {
  archiveCategoryName,
  inClearfactsMessage,
  inClearfactsView,
} from '../../src-main/contract/in-clearfacts.ts';
import { msg } from '../../src-main/contract/messages/message.ts';
import {
  administrationLabel,
  AdministrationPicker,
  useAdministrationsByNumber,
} from '../components/administration-picker.tsx';
import { DateField } from '../components/date-field.tsx';
import { EInvoiceLine } from '../components/e-invoice-line.tsx';
import { HistoryPreviewDialog } from '../components/history-preview-dialog.tsx';
import { PickAdministrationDialog } from '../components/pick-administration-dialog.tsx';
import { FailureText } from '../components/failure-text.tsx';
import { IncidentBanners, useIncidents } from '../components/incident-banner.tsx';
import { Icon, type IconName } from '../components/icons.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import { UploadProgressLine } from '../components/upload-progress-line.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { useToast } from '../components/toasts.tsx';
import { formatCompanyNumber } from '../lib/company-number.ts';
import { HistoryPages } from '../lib/history-pages.ts';
import {
  isDismissed,
  rowActions,
  STATUS_FILTERS,
  statesForFilter,
  type StatusFilter,
} from '../lib/history-status.ts';
import { useApi, useApiEvents, useApp, useFormatters, useStore } from '../state/app-context.tsx';
import { errorText } from '../components/error-text.ts';
import { Truncated } from '../components/truncated.tsx';
import { useRenderMessage } from '../components/message-text.ts';
import { FollowUpNotice } from '../components/follow-up-notice.tsx';
import { useFollowUpStatus } from '../state/use-follow-up-status.ts';

const ROW_HEIGHT = 78;
const SEARCH_DELAY_MS = 200;
const RELOAD_DELAY_MS = 300;

interface Filters {
  status: StatusFilter;
  companyNumber: CompanyNumber | null;
  destinationType: DestinationType | null;
  from: string;
  to: string;
  search: string;
  /** Part of an e-invoice supplier's name, company number or VAT number. */
  supplier: string;
  /** Payable amount bounds as typed (a decimal comma or point); blank or unreadable: no bound. */
  amountMin: string;
  amountMax: string;
  inClearfacts: InClearfactsFilter | null;
}

const NO_FILTERS: Filters = {
  status: 'all',
  companyNumber: null,
  destinationType: null,
  inClearfacts: null,
  from: '',
  to: '',
  search: '',
  supplier: '',
  amountMin: '',
  amountMax: '',
};

/** An amount as Belgians type it ("1210,50" or "1210.50"), or null when there is none. */
function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const amount = Number(trimmed);
  return Number.isFinite(amount) ? amount : null;
}

function toQuery(filters: Filters): HistoryFilter {
  const states = statesForFilter(filters.status);
  const amountMin = parseAmount(filters.amountMin);
  const amountMax = parseAmount(filters.amountMax);
  return {
    ...(states === undefined ? {} : { states }),
    ...(filters.companyNumber === null ? {} : { companyNumber: filters.companyNumber }),
    ...(filters.destinationType === null ? {} : { destinationType: filters.destinationType }),
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
    ...(filters.search.trim() === '' ? {} : { search: filters.search.trim() }),
    ...(filters.supplier.trim() === '' ? {} : { supplier: filters.supplier.trim() }),
    ...(amountMin === null ? {} : { amountMin }),
    ...(amountMax === null ? {} : { amountMax }),
    ...(filters.inClearfacts === null ? {} : { inClearfacts: filters.inClearfacts }),
  };
}

function filtersFromParams(params: URLSearchParams): Filters {
  const status = params.get('status');
  const company = params.get('company');
  return {
    ...NO_FILTERS,
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? '')
      ? (status as StatusFilter)
      : 'all',
    companyNumber: company !== null && /^0\d{9}$/.test(company) ? company : null,
  };
}

function ActionButton({
  icon,
  label,
  onClick,
}: {
  icon: IconName;
  label: string;
  onClick: () => void;
}): ReactElement {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

/** An archive document's category name, once the administration's categories are known. */
function useCategoryName(entry: HistoryEntry): string | undefined {
  const store = useStore();
  const { destination, companyNumber, uuid } = entry;
  const categoryId =
    destination.type === 'various' || destination.type === 'permanent'
      ? destination.categoryId
      : null;
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (categoryId === null || uuid === null) return;
    let current = true;
    store.categories(companyNumber).then(
      (categories) => {
        if (current) setName(archiveCategoryName(categories, categoryId));
      },
      // Unknown categories show the id; the cell never fails for it.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [store, companyNumber, categoryId, uuid]);
  return name;
}

/**
 * The "In Clearfacts" cell: what Clearfacts last said (or "in the archive" with the category).
 * Activating it asks Clearfacts once more about a delivered invoice.
 */
function InClearfactsCell({
  entry,
  onChanged,
  onFailed,
}: {
  entry: HistoryEntry;
  onChanged: (entry: HistoryEntry) => void;
  onFailed: (error: unknown) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  const api = useApi();
  const renderMessage = useRenderMessage();
  const categoryName = useCategoryName(entry);
  const view = inClearfactsView(entry, categoryName);
  const message = inClearfactsMessage(entry, categoryName);
  if (view === null || message === null) return null;
  const checked = entry.inClearfacts ?? null;
  const text = renderMessage(message);
  const status = view.status;
  // The whole wording is in the tooltip: a narrow window cuts the cell with an ellipsis.
  const whole = `${t('history.inClearfactsLabel')}: ${text}`;
  const title =
    checked === null
      ? whole
      : `${whole} · ${renderMessage(msg('cf_checked_at', { at: Date.parse(checked.checkedAt) }))}`;
  if (message.code === 'cf_in_archive') {
    return (
      <span className="cf-status" data-cf-status={status} title={title}>
        <span className="cf-label">{t('history.inClearfactsLabel')}</span> {text}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="cf-status cf-status-button"
      data-cf-status={status}
      title={title}
      aria-label={`${t('history.inClearfactsLabel')}: ${text}. ${t('history.checkNow')}`}
      onClick={() => {
        api.invoke('followUp.checkNow', { id: entry.id }).then(onChanged, onFailed);
      }}
    >
      <span className="cf-label">{t('history.inClearfactsLabel')}</span> {text}
    </button>
  );
}

/**
 * A row's sizes: the file's, and the bytes sent (issue #14 finding 12) once a send started; one
 * "… sent" when they are the same, both when a prefix strip, a conversion or a split changed it.
 */
function sizes(
  entry: HistoryEntry,
  bytes: (value: number) => string,
  sent: (size: string) => string,
): string[] {
  const sentBytes = entry.sentBytes ?? null;
  if (sentBytes === null) return entry.sizeBytes === null ? [] : [bytes(entry.sizeBytes)];
  if (entry.sizeBytes === null || entry.sizeBytes === sentBytes) return [sent(bytes(sentBytes))];
  return [bytes(entry.sizeBytes), sent(bytes(sentBytes))];
}

/** What we know of an unconfirmed upload, and how to check it in Clearfacts. */
function unconfirmedGuide(entry: HistoryEntry): ReturnType<typeof msg> | null {
  const size = entry.sentBytes ?? entry.sizeBytes;
  if (size === null || entry.pages === null) return null;
  return msg('unconfirmed_guide', {
    sentAt: Date.parse(entry.updatedAt),
    size,
    count: entry.pages,
    fileName: entry.fileName,
  });
}

function HistoryRow({
  entry,
  progress,
  onChanged,
}: {
  entry: HistoryEntry;
  /** The bytes sent so far, while the row is uploading and the engine told them. */
  progress: UploadProgress | undefined;
  onChanged: (entry: HistoryEntry) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const format = useFormatters();
  const byNumber = useAdministrationsByNumber();
  const administration = byNumber.get(entry.companyNumber);
  const actions = rowActions(entry);
  const dismissed = isDismissed(entry);
  const renderMessage = useRenderMessage();
  const advice = (entry.advice ?? []).map((message) => renderMessage(message));
  const guide = entry.state === 'unconfirmed' ? unconfirmedGuide(entry) : null;
  // A part of a split batch: the history query puts it right under its original (issue #17).
  const isPart = (entry.parentId ?? null) !== null;
  const [picking, setPicking] = useState(false);
  const [previewing, setPreviewing] = useState(false);

  function choose(choice: HoldChoice): void {
    void run(async () => {
      onChanged(await api.invoke('history.choose', { id: entry.id, choice }));
      toast(
        t('history.toasts.chosen', {
          name: entry.fileName,
          choice: renderMessage(choiceMessage(choice)),
        }),
      );
    });
  }

  async function run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      toast(t('status.actionFailed', { reason: errorText(t, error, i18n.language) }), 'error');
    }
  }

  const meta = [
    entry.companyNumber === UNROUTED_COMPANY_NUMBER
      ? t('history.unrouted')
      : administration === undefined
        ? formatCompanyNumber(entry.companyNumber)
        : administrationLabel(administration),
    t(`destinations.${entry.destination.type}`),
    ...(entry.pages === null ? [] : [t('history.pages', { count: entry.pages })]),
    ...sizes(entry, format.bytes, (size) => t('history.sentSize', { size })),
    format.dateTime(entry.uploadedAt ?? entry.detectedAt),
  ].join(' · ');

  return (
    <div
      className={`history-row state-${entry.state}${isPart ? ' history-part' : ''}`}
      data-part-of={isPart ? entry.parentId : undefined}
    >
      <div className="history-main">
        <p className="history-name">
          <span className="history-file" title={entry.path} data-user-data>
            {markInvisible(entry.fileName)}
          </span>
          <StateBadge state={entry.state} dismissed={dismissed} />
          <InClearfactsCell
            entry={entry}
            onChanged={onChanged}
            onFailed={(error) =>
              toast(
                t('status.actionFailed', { reason: errorText(t, error, i18n.language) }),
                'error',
              )
            }
          />
        </p>
        {/* While the bytes go out, the bar takes the meta line's place: rows keep their height. */}
        {entry.state === 'uploading' && progress !== undefined ? (
          <UploadProgressLine progress={progress} />
        ) : (
          <Truncated as="p" className="history-meta">
            {meta}
          </Truncated>
        )}
        {entry.rawName !== null && entry.rawName !== undefined && (
          <Truncated as="p" className="history-meta">
            {t('history.rawName')} <span className="mono">{showRawName(entry.rawName)}</span>
          </Truncated>
        )}
        {entry.hold !== null && entry.hold !== undefined ? (
          <Truncated as="p" className="history-note history-warning">
            {renderMessage(entry.hold.reason)}
          </Truncated>
        ) : entry.state === 'unconfirmed' ? (
          <Truncated as="p" className="history-note history-warning">
            {guide === null ? t('history.unconfirmedHelp') : renderMessage(guide)}
          </Truncated>
        ) : entry.failure !== null ? (
          <Truncated as="p" className="history-note history-failure">
            <FailureText failure={entry.failure} />
            {entry.nextAttemptAt !== null && (
              <> {t('history.nextAttempt', { time: format.dateTime(entry.nextAttemptAt) })}</>
            )}
          </Truncated>
        ) : entry.splitNote !== null && entry.splitNote !== undefined ? (
          <Truncated as="p" className="history-note">
            {renderMessage(entry.splitNote)}
          </Truncated>
        ) : entry.sources !== null && entry.sources !== undefined ? (
          <Truncated as="p" className="history-note">
            {t('history.combinedFrom', {
              count: entry.sources.length,
              names: entry.sources.map((source) => markInvisible(source.fileName)).join(', '),
            })}
          </Truncated>
        ) : entry.bundleId !== null && entry.bundleId !== undefined ? (
          // A scan session's file has no uuid of its own: the combined document carries it.
          <Truncated as="p" className="history-note">
            {t(entry.state === 'bundling' ? 'history.combinedWaiting' : 'history.combinedInto')}
          </Truncated>
        ) : isPart && entry.pageRange !== null && entry.pageRange !== undefined ? (
          <Truncated as="p" className="history-note">
            {t('history.part', { first: entry.pageRange.first, last: entry.pageRange.last })}
          </Truncated>
        ) : entry.state === 'duplicate' ? (
          <Truncated as="p" className="history-note">
            {t('history.duplicateHelp')}
          </Truncated>
        ) : entry.eInvoice !== null && entry.eInvoice !== undefined ? (
          <Truncated as="p" className="history-note">
            <EInvoiceLine summary={entry.eInvoice} />
            {advice.length > 0 && (
              <span className="history-advice">
                {' · '}
                {t('history.advice', {
                  count: advice.length,
                  more: advice.length - 1,
                  first: advice[0] ?? '',
                })}
              </span>
            )}
          </Truncated>
        ) : entry.uuid !== null ? (
          <Truncated as="p" className="history-note mono">
            {t('history.uuid', { uuid: entry.uuid })}
          </Truncated>
        ) : (
          <Truncated as="p" className="history-note">
            {t(`history.sources.${entry.source}`)}
          </Truncated>
        )}
      </div>
      <div className="history-actions">
        {entry.state === 'held' && entry.hold !== null && entry.hold !== undefined && (
          <span className="history-choices">
            {entry.hold.choices.map((choice, index) => (
              <button
                key={index}
                type="button"
                className={
                  index === 0 ? 'button button-small button-primary' : 'button button-small'
                }
                onClick={() =>
                  choice.kind === 'pick_administration' ? setPicking(true) : choose(choice)
                }
              >
                {renderMessage(choiceMessage(choice))}
              </button>
            ))}
          </span>
        )}
        {picking && (
          <PickAdministrationDialog
            fileName={entry.fileName}
            onPick={choose}
            onClose={() => setPicking(false)}
          />
        )}
        {actions.retry && (
          <ActionButton
            icon="refresh"
            label={t('history.actions.retry')}
            onClick={() =>
              void run(async () => {
                onChanged(await api.invoke('history.retry', { id: entry.id }));
                toast(t('history.toasts.retried', { name: entry.fileName }));
              })
            }
          />
        )}
        {actions.resend && (
          <ActionButton
            icon="send"
            label={t('history.actions.resend')}
            onClick={() =>
              void run(async () => {
                onChanged(await api.invoke('history.resend', { id: entry.id }));
                toast(t('history.toasts.resent', { name: entry.fileName }));
              })
            }
          />
        )}
        {actions.markDone && (
          <ActionButton
            icon="check"
            label={t('history.actions.markDone')}
            onClick={() =>
              void run(async () => {
                onChanged(await api.invoke('history.markDone', { id: entry.id }));
                toast(t('history.toasts.markedDone', { name: entry.fileName }));
              })
            }
          />
        )}
        {actions.dismiss && (
          <ActionButton
            icon="cross"
            label={t('history.actions.dismiss')}
            onClick={() =>
              void run(async () => {
                onChanged(await api.invoke('history.dismiss', { id: entry.id }));
                toast(t('history.toasts.dismissed', { name: entry.fileName }));
              })
            }
          />
        )}
        {actions.reveal && (
          <ActionButton
            icon="eye"
            label={t('history.actions.preview')}
            onClick={() => setPreviewing(true)}
          />
        )}
        {previewing && (
          <HistoryPreviewDialog
            id={entry.id}
            fileName={entry.fileName}
            onClose={() => setPreviewing(false)}
          />
        )}
        {entry.uuid !== null && (
          <ActionButton
            icon="copy"
            label={t('history.actions.copyUuid')}
            onClick={() => {
              const uuid = entry.uuid ?? '';
              navigator.clipboard.writeText(uuid).then(
                () => toast(t('history.toasts.copied')),
                () => toast(t('history.toasts.copyFailed', { uuid }), 'error'),
              );
            }}
          />
        )}
      </div>
    </div>
  );
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; error: unknown };

export function HistoryScreen({ params }: { params: URLSearchParams }): ReactElement {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const app = useApp();
  const toast = useToast();
  const renderMessage = useRenderMessage();
  const incidents = useIncidents();
  // Whether the follow-up asks Clearfacts now, and if not why (a missing scope is named).
  const followUp = useFollowUpStatus();
  const paramsKey = params.toString();
  const [filters, setFilters] = useState<Filters>(() => filtersFromParams(params));
  const [appliedParams, setAppliedParams] = useState(paramsKey);
  const [filtersOpen, setFiltersOpen] = useState(false);
  if (appliedParams !== paramsKey) {
    // A link such as the status bar's "3 failed" changes the filters while the screen is open.
    setAppliedParams(paramsKey);
    setFilters(filtersFromParams(new URLSearchParams(paramsKey)));
  }
  const search = useDebounced(filters.search, SEARCH_DELAY_MS);
  const supplier = useDebounced(filters.supplier, SEARCH_DELAY_MS);
  const query = useMemo(
    () => toQuery({ ...filters, search, supplier }),
    [filters, search, supplier],
  );
  const queryKey = JSON.stringify(query);

  const pages = useRef(new HistoryPages());
  const [, setVersion] = useState(0);
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const generation = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.current.total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the app is not built with the React Compiler
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const fetchPage = useCallback(
    (page: number) => {
      const size = pages.current.pageSize;
      return api.invoke('history.query', {
        filter: JSON.parse(queryKey) as HistoryFilter,
        offset: page * size,
        limit: size,
      });
    },
    [api, queryKey],
  );

  const loadPages = useCallback(
    (wanted: number[]) => {
      const own = generation.current;
      const target = pages.current;
      for (const page of wanted) {
        target.markPending(page);
        const request = target.beginRequest();
        fetchPage(page).then(
          (answer) => {
            if (own !== generation.current) {
              target.endRequest(request);
              return;
            }
            target.store(page, answer.rows, answer.total, request);
            setLoad({ kind: 'ready' });
            setVersion((n) => n + 1);
          },
          (error: unknown) => {
            target.forget(page, request);
            if (own !== generation.current) return;
            setLoad({ kind: 'error', error });
          },
        );
      }
    },
    [fetchPage],
  );

  // New filters: start over from the first page.
  useEffect(() => {
    generation.current++;
    pages.current = new HistoryPages();
    setLoad({ kind: 'loading' });
    setVersion((n) => n + 1);
    loadPages([0]);
  }, [loadPages]);

  const reloadVisible = useCallback(() => {
    const own = ++generation.current;
    const items = virtualizer.getVirtualItems();
    const first = items[0]?.index ?? 0;
    const last = items[items.length - 1]?.index ?? 0;
    const size = pages.current.pageSize;
    const wanted: number[] = [];
    for (let page = Math.floor(first / size); page <= Math.floor(last / size); page++)
      wanted.push(page);
    const target = pages.current;
    const request = target.beginRequest();
    Promise.all(wanted.map(async (page) => [page, await fetchPage(page)] as const)).then(
      (answers) => {
        if (own !== generation.current) {
          target.endRequest(request);
          return;
        }
        const fresh = new Map(answers.map(([page, answer]) => [page, answer.rows]));
        target.replaceAll(fresh, answers[0]?.[1].total ?? 0, request);
        setLoad({ kind: 'ready' });
        setVersion((n) => n + 1);
      },
      (error: unknown) => {
        target.endRequest(request);
        if (own === generation.current) setLoad({ kind: 'error', error });
      },
    );
  }, [fetchPage, virtualizer]);

  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleReload = useCallback(() => {
    if (reloadTimer.current !== null) return;
    reloadTimer.current = setTimeout(() => {
      reloadTimer.current = null;
      reloadVisible();
    }, RELOAD_DELAY_MS);
  }, [reloadVisible]);
  useEffect(
    () => () => {
      if (reloadTimer.current !== null) clearTimeout(reloadTimer.current);
    },
    [],
  );

  // Live bytes sent per uploading row; a row leaving `uploading` drops its own.
  const [uploadProgress, setUploadProgress] = useState<ReadonlyMap<number, UploadProgress>>(
    () => new Map(),
  );
  useApiEvents((channel, payload) => {
    if (channel === 'upload.progress') {
      const progress = payload as UploadProgress;
      setUploadProgress((known) => new Map(known).set(progress.id, progress));
      return;
    }
    if (channel !== 'history.changed') return;
    const { entries } = payload as { entries: HistoryEntry[] };
    const settled = entries.filter((entry) => entry.state !== 'uploading');
    if (settled.some((entry) => uploadProgress.has(entry.id))) {
      setUploadProgress((known) => {
        const next = new Map(known);
        for (const entry of settled) next.delete(entry.id);
        return next;
      });
    }
    const allKnown = pages.current.patch(entries);
    // Unfiltered, nothing hides a new row: an empty list shows it before the reload comes.
    if (!allKnown && queryKey === '{}') pages.current.showFirstRows(entries);
    setVersion((n) => n + 1);
    if (!allKnown) scheduleReload();
  });

  const resyncCount = app.resyncCount;
  useEffect(() => {
    if (resyncCount > 0) scheduleReload();
  }, [resyncCount, scheduleReload]);

  // Load the pages that scrolled into view.
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (pages.current.total === null) return;
    const missing = pages.current.missingPages(firstVisible, lastVisible);
    if (missing.length > 0) loadPages(missing);
  }, [firstVisible, lastVisible, loadPages]);

  function onRowChanged(entry: HistoryEntry): void {
    pages.current.applyAnswer(entry);
    setVersion((n) => n + 1);
  }

  async function retryAll(): Promise<void> {
    try {
      const { count } = await api.invoke('history.retryAllFailed', {});
      toast(t('history.retryAllDone', { count }));
    } catch (error) {
      toast(t('status.actionFailed', { reason: errorText(t, error, i18n.language) }), 'error');
    }
  }

  const filtered = queryKey !== '{}';
  const activeFilters = Object.keys(query).length;
  const update = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));

  let body: ReactElement;
  if (load.kind === 'error' && pages.current.total === null) {
    body = (
      <ErrorState error={load.error} lead={t('history.error')} onRetry={() => loadPages([0])} />
    );
  } else if (pages.current.total === null) {
    body = <Loading label={t('history.loading')} />;
  } else if (total === 0) {
    body = filtered ? (
      <EmptyState icon="search" title={t('history.noMatchTitle')}>
        <p>{t('history.noMatchBody')}</p>
        <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
          {t('history.clearFilters')}
        </button>
      </EmptyState>
    ) : (
      <EmptyState icon="clock" title={t('history.emptyTitle')}>
        <p>{t('history.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <div
        ref={scrollRef}
        className="virtual-scroll history-scroll"
        data-testid="history-list"
        data-layout-main
      >
        <div
          role="list"
          aria-label={t('history.listLabel')}
          className="virtual-inner"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const entry = pages.current.row(item.index);
            return (
              <div
                key={entry?.id ?? `placeholder-${item.index}`}
                role="listitem"
                aria-setsize={total}
                aria-posinset={item.index + 1}
                className="virtual-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {entry === undefined ? (
                  <div className="history-row placeholder">{t('history.loadingRow')}</div>
                ) : (
                  <HistoryRow
                    entry={entry}
                    progress={uploadProgress.get(entry.id)}
                    onChanged={onRowChanged}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    );
  }

  const failedCount = app.status?.counts.failed ?? 0;
  return (
    <section className="screen screen-fill" aria-labelledby="screen-title">
      <header className="screen-header">
        <div>
          <h1 id="screen-title">{t('history.title')}</h1>
          <div className="screen-intro-row">
            <p className="screen-intro" aria-live="polite">
              {pages.current.total === null ? '' : t('history.count', { count: total })}
            </p>
            {/* Only small windows show it (styles.css): there the filters would push the list
                out of view, so they wait behind this button. */}
            <button
              type="button"
              className="button button-small button-link filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="history-filters"
              onClick={() => setFiltersOpen((open) => !open)}
            >
              <Icon name="search" />{' '}
              {activeFilters === 0
                ? t('history.filtersToggle')
                : t('history.filtersToggleActive', { active: activeFilters })}
            </button>
          </div>
          {app.status?.historyRebuilt && (
            <p className="hint hint-warning" role="status" data-history-rebuilt>
              {renderMessage(app.status.historyRebuilt)}
            </p>
          )}
          <FollowUpNotice status={followUp} />
        </div>
        {failedCount > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => void retryAll()}
            aria-label={t('history.retryAll')}
            title={t('history.retryAll')}
          >
            <Icon name="refresh" />{' '}
            <span className="small-window-hidden">{t('history.retryAll')}</span>
          </button>
        )}
      </header>
      <div
        id="history-filters"
        className={filtersOpen ? 'filters filters-open' : 'filters'}
        role="search"
      >
        <div className="field">
          <label htmlFor="history-search">{t('history.searchLabel')}</label>
          <div className="search-input">
            <Icon name="search" />
            <input
              id="history-search"
              type="search"
              placeholder={t('history.searchPlaceholder')}
              value={filters.search}
              onChange={(event) => update({ search: event.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="history-status">{t('history.statusLabel')}</label>
          <select
            id="history-status"
            value={filters.status}
            onChange={(event) => update({ status: event.target.value as StatusFilter })}
          >
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {t(`history.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <AdministrationPicker
          label={t('history.administrationLabel')}
          value={filters.companyNumber}
          onChange={(companyNumber) => update({ companyNumber })}
          emptyLabel={t('history.allAdministrations')}
        />
        <div className="field">
          <label htmlFor="history-destination">{t('history.destinationLabel')}</label>
          <select
            id="history-destination"
            value={filters.destinationType ?? ''}
            onChange={(event) =>
              update({
                destinationType:
                  event.target.value === '' ? null : DestinationType.parse(event.target.value),
              })
            }
          >
            <option value="">{t('history.allDestinations')}</option>
            {DestinationType.options.map((type) => (
              <option key={type} value={type}>
                {t(`destinations.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-supplier">{t('history.supplierLabel')}</label>
          <input
            id="history-supplier"
            type="search"
            placeholder={t('history.supplierPlaceholder')}
            value={filters.supplier}
            onChange={(event) => update({ supplier: event.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="history-amount-min">{t('history.amountMinLabel')}</label>
          <input
            id="history-amount-min"
            type="text"
            inputMode="decimal"
            value={filters.amountMin}
            onChange={(event) => update({ amountMin: event.target.value })}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="history-amount-max">{t('history.amountMaxLabel')}</label>
          <input
            id="history-amount-max"
            type="text"
            inputMode="decimal"
            value={filters.amountMax}
            onChange={(event) => update({ amountMax: event.target.value })}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="history-in-clearfacts">{t('history.inClearfactsLabel')}</label>
          <select
            id="history-in-clearfacts"
            value={filters.inClearfacts ?? ''}
            onChange={(event) =>
              update({
                inClearfacts:
                  event.target.value === '' ? null : InClearfactsFilter.parse(event.target.value),
              })
            }
          >
            <option value="">{t('history.inClearfacts.all')}</option>
            {InClearfactsFilter.options.map((option) => (
              <option key={option} value={option}>
                {t(`history.inClearfacts.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <DateField
          id="history-from"
          label={t('history.from')}
          value={filters.from}
          onChange={(from) => update({ from })}
        />
        <DateField
          id="history-to"
          label={t('history.to')}
          value={filters.to}
          onChange={(to) => update({ to })}
        />
        {filtered && (
          <button
            type="button"
            className="button button-link"
            onClick={() => setFilters(NO_FILTERS)}
          >
            {t('history.clearFilters')}
          </button>
        )}
      </div>
      <IncidentBanners incidents={incidents.incidents} onDecided={incidents.reload} />
      {body}
    </section>
  );
}
