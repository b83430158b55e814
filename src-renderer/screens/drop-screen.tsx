// The drop window: files or whole folders in, each shown with its detected type and page count
// before anything is sent, then followed through the queue to its uuid or its reason.
import { markInvisible } from '../../src-main/contract/file-names.ts';
import {
  Fragment,
  useEffect,
  useId,
  useRef,
  useState,
  type DragEvent,
  type ReactElement,
} from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CompanyNumber,
  Destination,
  Failure,
  HistoryEntry,
  InspectedFile,
  SplitMode,
  SplitPart,
} from '../../src-main/contract/domain.ts';
import { AdministrationPicker } from '../components/administration-picker.tsx';
import {
  completeDestination,
  DestinationPicker,
  draftOf,
  type DestinationDraft,
} from '../components/destination-picker.tsx';
import { EInvoiceLine } from '../components/e-invoice-line.tsx';
import { FailureText } from '../components/failure-text.tsx';
import { RowDestinationField } from '../components/row-destination.tsx';
import { Icon } from '../components/icons.tsx';
import { SplitModeField } from '../components/split-mode-field.tsx';
import { SplitPreviewPanel, type PreviewState } from '../components/split-preview.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import { EmptyState, ErrorMessage } from '../components/states.tsx';
import { collectChosenFiles, collectDroppedFiles } from '../lib/collect-dropped-files.ts';
import { useApi, useApiEvents, useApp, useFormatters, useStore } from '../state/app-context.tsx';

interface DropRow {
  key: string;
  name: string;
  path: string | null;
  inspected: InspectedFile | null;
  failure: Failure | null;
  entry: HistoryEntry | null;
  /** This file's own destination; null: the screen's common choice (issue #14 finding 13). */
  destination: DestinationDraft | null;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'preparing'; done: number; total: number }
  | { kind: 'inspecting' }
  | { kind: 'sending' };

let nextRowKey = 0;

/** Moving a row up or down the list: the order a combined document gets its files in. */
interface RowMoves {
  up: (() => void) | null;
  down: (() => void) | null;
}

function FileRow({
  row,
  onRemove,
  locked,
  moves,
  destinationField,
}: {
  row: DropRow;
  onRemove: () => void;
  locked: boolean;
  /** Where this file goes, while it can still be chosen (not combined, not sent). */
  destinationField: ReactElement | null;
  /** Shown while the files are to be combined into one document (issue #19). */
  moves: RowMoves | null;
}): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const inspected = row.inspected;
  const unconfirmed = row.entry?.state === 'unconfirmed';
  const failure = unconfirmed ? null : (row.entry?.failure ?? row.failure);
  return (
    <tr>
      <th scope="row" className="file-name">
        <Icon name="file" /> <span data-user-data>{markInvisible(row.name)}</span>
        {inspected?.eInvoice !== null && inspected?.eInvoice !== undefined && (
          <p className="hint">
            <EInvoiceLine summary={inspected.eInvoice} />
          </p>
        )}
        {destinationField}
      </th>
      <td className="file-kind">
        {inspected === null ? '—' : t(`kinds.${inspected.kind}`)}
        {inspected?.willConvert === true && (
          <span className="hint"> · {t('drop.willConvert')}</span>
        )}
        {inspected?.changes?.map((change) =>
          change.change === 'leave_out_prefix' ? (
            <span key={change.change} className="hint">
              {' · '}
              {t('drop.leavesOutPrefix', { count: change.bytes })}
            </span>
          ) : change.change === 'unwrap_envelope' ? (
            <span key={change.change} className="hint">
              {' · '}
              {t('drop.unwrapsEnvelope')}
            </span>
          ) : null,
        )}
      </td>
      <td className="numeric file-pages" data-label={t('drop.pages')}>
        {inspected?.pages === null || inspected === null ? '—' : format.number(inspected.pages)}
      </td>
      <td className="numeric file-size" data-label={t('drop.size')}>
        {inspected === null ? '—' : format.bytes(inspected.sizeBytes)}
      </td>
      <td className="file-result">
        {row.entry !== null ? (
          <>
            <StateBadge state={row.entry.state} />
            {row.entry.uuid !== null && (
              <span className="hint mono"> {t('history.uuid', { uuid: row.entry.uuid })}</span>
            )}
          </>
        ) : failure !== null ? (
          <span className="badge badge-danger">{t('states.failed')}</span>
        ) : inspected !== null ? (
          <span className="badge badge-neutral">{t('drop.ready')}</span>
        ) : null}
        {failure !== null && (
          <p className="row-failure">
            <FailureText failure={failure} />
          </p>
        )}
        {unconfirmed && <p className="row-failure hint-warning">{t('history.unconfirmedHelp')}</p>}
      </td>
      <td className="row-actions">
        {moves !== null &&
          (
            [
              ['up', 'drop.combine.moveUp', '↑'],
              ['down', 'drop.combine.moveDown', '↓'],
            ] as const
          ).map(([direction, label, arrow]) => (
            <button
              key={direction}
              type="button"
              className="icon-button"
              aria-label={t(label, { name: row.name })}
              disabled={locked || moves[direction] === null}
              onClick={moves[direction] ?? undefined}
            >
              <span aria-hidden="true">{arrow}</span>
            </button>
          ))}
        {!locked && row.entry === null && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('drop.remove', { name: row.name })}
            onClick={onRemove}
          >
            <Icon name="cross" />
          </button>
        )}
      </td>
    </tr>
  );
}

export function DropScreen({
  company,
  compact = false,
}: {
  company: CompanyNumber | null;
  compact?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const app = useApp();
  const filesInputId = useId();
  const folderInputId = useId();
  const folderInput = useRef<HTMLInputElement>(null);
  const lastTarget = app.settings?.lastDropTarget ?? null;
  const [companyNumber, setCompanyNumber] = useState<CompanyNumber | null>(
    company ?? lastTarget?.companyNumber ?? null,
  );
  const [destination, setDestination] = useState<DestinationDraft>(() =>
    draftOf(
      company === null || company === lastTarget?.companyNumber ? lastTarget?.destination : null,
    ),
  );
  const [rows, setRows] = useState<DropRow[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [splitMode, setSplitMode] = useState<SplitMode>('off');
  // "Combine into one document" (issue #19): the sendable files go as one PDF, in list order.
  const [combine, setCombine] = useState(false);
  // Each PDF's split preview (issue #19) in `splitMode`, by row key; emptied when the mode changes.
  const [previews, setPreviews] = useState<ReadonlyMap<string, PreviewState>>(new Map());

  // The folder picker attribute is not in React's types.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // Events about the sent files can overtake drop.send's own answer: the newest version wins.
  const latestSeen = useRef(new Map<number, HistoryEntry>());
  useApiEvents((channel, payload) => {
    if (channel !== 'history.changed') return;
    const changed = new Map(
      (payload as { entries: HistoryEntry[] }).entries.map((entry) => [entry.id, entry]),
    );
    if (phase.kind === 'sending')
      for (const [id, entry] of changed) latestSeen.current.set(id, entry);
    setRows((current) =>
      current.some((row) => row.entry !== null && changed.has(row.entry.id))
        ? current.map((row) =>
            row.entry === null ? row : { ...row, entry: changed.get(row.entry.id) ?? row.entry },
          )
        : current,
    );
  });

  const sent = rows.some((row) => row.entry !== null);
  const busy = phase.kind !== 'idle';

  // One preview at a time, in row order: each can take the worker seconds on a long batch. A
  // PDF without an answer yet shows as being previewed.
  const previewable = (row: DropRow) =>
    splitMode !== 'off' &&
    !combine &&
    row.entry === null &&
    row.path !== null &&
    row.inspected?.kind === 'pdf' &&
    row.failure === null;
  const nextPreview = rows.find((row) => previewable(row) && !previews.has(row.key));
  const nextKey = nextPreview?.key;
  const nextPath = nextPreview?.path ?? null;
  useEffect(() => {
    if (nextKey === undefined || nextPath === null || splitMode === 'off') return;
    let current = true;
    const settle = (state: PreviewState) => {
      if (current) setPreviews((known) => new Map(known).set(nextKey, state));
    };
    api.invoke('drop.previewSplit', { path: nextPath, mode: splitMode }).then(
      (preview) =>
        settle({
          status: 'ready',
          preview,
          parts: preview.parts.map(({ firstPage, lastPage, sheet }) => ({
            firstPage,
            lastPage,
            sheet,
          })),
        }),
      (caught: unknown) => settle({ status: 'failed', error: caught }),
    );
    return () => {
      current = false;
    };
  }, [api, nextKey, nextPath, splitMode]);

  function chooseRowDestination(key: string, own: DestinationDraft | null): void {
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, destination: own } : row)),
    );
  }

  function chooseSplitMode(mode: SplitMode): void {
    setSplitMode(mode);
    setPreviews(new Map());
  }

  function adjustParts(key: string, parts: SplitPart[]): void {
    setPreviews((known) => {
      const state = known.get(key);
      return state?.status === 'ready' ? new Map(known).set(key, { ...state, parts }) : known;
    });
  }

  async function addFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    setError(null);
    setProblem(null);
    const base = sent ? [] : rows;
    setPhase({ kind: 'preparing', done: 0, total: files.length });
    try {
      const staged = await api.prepareFiles(files, (done, total) =>
        setPhase({ kind: 'preparing', done, total }),
      );
      const added: DropRow[] = staged.map((file) => ({
        key: String(nextRowKey++),
        name: file.name,
        path: file.ok ? file.path : null,
        inspected: null,
        failure: file.ok ? null : file.failure,
        entry: null,
        destination: null,
      }));
      const paths = added.flatMap((row) => (row.path === null ? [] : [row.path]));
      setRows([...base, ...added]);
      if (paths.length > 0) {
        setPhase({ kind: 'inspecting' });
        const inspected = new Map(
          (await api.invoke('drop.inspect', { paths })).map((file) => [file.path, file]),
        );
        setRows([
          ...base,
          ...added.map((row) => {
            const found = row.path === null ? undefined : inspected.get(row.path);
            return found === undefined ? row : { ...row, inspected: found, failure: found.failure };
          }),
        ]);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    void collectDroppedFiles(event.dataTransfer).then(addFiles, setError);
  }

  const sendable = rows.filter(
    (row) =>
      row.entry === null && row.path !== null && row.inspected !== null && row.failure === null,
  );

  // A combined document is made of PDFs and pictures only (core says so too, naming the file).
  const notCombinable = sendable.filter(
    (row) => !['pdf', 'jpeg', 'png'].includes(row.inspected?.kind ?? ''),
  );
  const combining = combine && sendable.length >= 2;

  /** Swaps the row with `key` and the sendable row before (-1) or after (+1) it. */
  function moveRow(key: string, step: -1 | 1): void {
    setRows((current) => {
      const order = current.filter((row) => sendable.some((other) => other.key === row.key));
      const index = order.findIndex((row) => row.key === key);
      const other = order[index + step];
      if (index < 0 || other === undefined) return current;
      const from = current.findIndex((row) => row.key === key);
      const to = current.findIndex((row) => row.key === other.key);
      const next = [...current];
      [next[from], next[to]] = [current[to] as DropRow, current[from] as DropRow];
      return next;
    });
  }

  function movesOf(row: DropRow): RowMoves | null {
    if (!combining) return null;
    const index = sendable.findIndex((other) => other.key === row.key);
    if (index < 0) return null;
    return {
      up: index > 0 ? () => moveRow(row.key, -1) : null,
      down: index < sendable.length - 1 ? () => moveRow(row.key, 1) : null,
    };
  }

  /**
   * Sends with the chosen administration and destination: `work` queues the files and shows
   * their rows; then the target is remembered. A missing target or a failure is shown instead.
   */
  async function sendTo(
    work: (companyNumber: CompanyNumber, target: Destination) => Promise<void>,
  ): Promise<void> {
    const target = completeDestination(destination);
    if (companyNumber === null || target === null) {
      setProblem(t('drop.missingTarget'));
      return;
    }
    setProblem(null);
    setError(null);
    setPhase({ kind: 'sending' });
    latestSeen.current.clear();
    try {
      await work(companyNumber, target);
      store.applySettings(
        await api.invoke('settings.update', {
          lastDropTarget: { companyNumber, destination: target },
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  /** The entry as the answer has it, or the newer one an event brought meanwhile. */
  function newest(entry: HistoryEntry): HistoryEntry {
    const seen = latestSeen.current.get(entry.id);
    return seen !== undefined && seen.updatedAt >= entry.updatedAt ? seen : entry;
  }

  const sendCombined = () =>
    sendTo(async (companyNumber, target) => {
      const combined = sendable.flatMap((row) => (row.path === null ? [] : [row]));
      const entry = newest(
        await api.invoke('drop.combine', {
          paths: combined.map((row) => row.path ?? ''),
          companyNumber,
          destination: target,
        }),
      );
      const keys = new Set(combined.map((row) => row.key));
      setRows((current) => current.map((row) => (keys.has(row.key) ? { ...row, entry } : row)));
    });

  /**
   * The sendable files grouped by where they go: each file's own destination, else `common`.
   * Null when a file's own archive destination has no category yet.
   */
  function groupsByDestination(
    common: Destination,
  ): { target: Destination; rows: DropRow[] }[] | null {
    const groups = new Map<string, { target: Destination; rows: DropRow[] }>();
    for (const row of sendable) {
      const target = row.destination === null ? common : completeDestination(row.destination);
      if (target === null) return null;
      const key = JSON.stringify(target);
      const group = groups.get(key) ?? { target, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  /** One drop.send per destination; each answer's rows are shown as it comes. */
  const sendEach = (companyNumber: CompanyNumber, common: Destination) => {
    const groups = groupsByDestination(common);
    if (groups === null) {
      setProblem(t('drop.missingTarget'));
      return Promise.resolve();
    }
    return groups.reduce(
      (previous, group) => previous.then(() => sendGroup(companyNumber, group.target, group.rows)),
      Promise.resolve(),
    );
  };

  async function sendGroup(
    companyNumber: CompanyNumber,
    target: Destination,
    group: readonly DropRow[],
  ): Promise<void> {
    const paths = group.flatMap((row) => (row.path === null ? [] : [row.path]));
    const splitChoices = group.flatMap((row) => {
      const state = previews.get(row.key);
      return row.path === null || state?.status !== 'ready' || state.parts.length === 0
        ? []
        : [
            {
              path: row.path,
              choice: {
                sha256: state.preview.sha256,
                separatorPages: state.preview.separatorPages,
                parts: state.parts,
              },
            },
          ];
    });
    const answer = await api.invoke('drop.send', {
      paths,
      companyNumber,
      destination: target,
      ...(splitMode === 'off' ? {} : { split: splitMode, splitChoices }),
    });
    const entries = new Map(answer.map((entry) => [entry.path, newest(entry)]));
    setRows((current) =>
      current.map((row) =>
        row.path !== null && entries.has(row.path)
          ? { ...row, entry: entries.get(row.path) ?? null }
          : row,
      ),
    );
  }

  const send = () => (combining ? sendCombined() : sendTo(sendEach));

  const delivered = rows.filter(
    (row) => row.entry?.state === 'uploaded' || row.entry?.state === 'archived',
  ).length;
  const sentCount = rows.filter((row) => row.entry !== null).length;

  return (
    <section
      className={compact ? 'screen screen-compact' : 'screen'}
      aria-labelledby="screen-title"
    >
      <header className="screen-header">
        <h1 id="screen-title">{t('drop.title')}</h1>
      </header>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <Icon name="upload" size={28} />
        <p className="drop-zone-title">{dragging ? t('drop.zoneActive') : t('drop.zone')}</p>
        <p className="hint">{t('drop.zoneHint')}</p>
        <div className="actions">
          <input
            id={filesInputId}
            className="visually-hidden file-input"
            type="file"
            multiple
            disabled={busy}
            data-testid="drop-files-input"
            onChange={(event) => {
              const files = collectChosenFiles(event.target.files);
              event.target.value = '';
              void addFiles(files);
            }}
          />
          <label htmlFor={filesInputId} className="button">
            {t('drop.chooseFiles')}
          </label>
          <input
            id={folderInputId}
            ref={folderInput}
            className="visually-hidden file-input"
            type="file"
            multiple
            disabled={busy}
            onChange={(event) => {
              const files = collectChosenFiles(event.target.files);
              event.target.value = '';
              void addFiles(files);
            }}
          />
          <label htmlFor={folderInputId} className="button">
            {t('drop.chooseFolder')}
          </label>
        </div>
        {phase.kind === 'preparing' && (
          <p role="status">
            <span className="spinner spinner-small" aria-hidden="true" />{' '}
            {t('drop.preparing', { done: phase.done, total: phase.total })}
          </p>
        )}
        {phase.kind === 'inspecting' && (
          <p role="status">
            <span className="spinner spinner-small" aria-hidden="true" /> {t('drop.inspecting')}
          </p>
        )}
      </div>

      {error !== null && <ErrorMessage error={error} lead={t('drop.error')} />}

      {rows.length === 0 ? (
        !busy && (
          <EmptyState icon="file" title={t('drop.emptyTitle')}>
            <p>{t('drop.emptyBody')}</p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="file-table">
              <caption className="visually-hidden">{t('drop.files')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('drop.fileName')}</th>
                  <th scope="col">{t('drop.type')}</th>
                  <th scope="col" className="numeric">
                    {t('drop.pages')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('drop.size')}
                  </th>
                  <th scope="col">{t('drop.result')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('drop.clear')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const preview: PreviewState | undefined =
                    splitMode === 'off'
                      ? undefined
                      : (previews.get(row.key) ??
                        (previewable(row) ? { status: 'loading' } : undefined));
                  return (
                    <Fragment key={row.key}>
                      <FileRow
                        row={row}
                        destinationField={
                          !combining && sendable.includes(row) ? (
                            <fieldset className="row-destination-fieldset" disabled={busy}>
                              <RowDestinationField
                                fileName={row.name}
                                companyNumber={companyNumber}
                                value={row.destination}
                                onChange={(own) => chooseRowDestination(row.key, own)}
                              />
                            </fieldset>
                          ) : null
                        }
                        locked={busy}
                        moves={movesOf(row)}
                        onRemove={() =>
                          setRows((current) => current.filter((other) => other.key !== row.key))
                        }
                      />
                      {preview !== undefined && !combining && row.entry === null && (
                        <tr className="split-preview-row">
                          <td colSpan={6}>
                            <SplitPreviewPanel
                              fileName={row.name}
                              mode={splitMode}
                              state={preview}
                              locked={busy}
                              onChange={(parts) => adjustParts(row.key, parts)}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          {sent ? (
            <div className="panel send-summary" role="status">
              <p>{t('drop.sent', { done: delivered, total: sentCount })}</p>
              <button type="button" className="button" onClick={() => setRows([])}>
                {t('drop.clear')}
              </button>
            </div>
          ) : (
            <div className="panel send-panel">
              <h2 className="panel-title">{t('drop.target')}</h2>
              <div className="send-target">
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
              </div>
              {sendable.length >= 2 && (
                <div className="field field-inline">
                  <label>
                    <input
                      type="checkbox"
                      checked={combine}
                      disabled={busy}
                      onChange={(event) => setCombine(event.target.checked)}
                    />{' '}
                    {t('drop.combine.label')}
                  </label>
                  {combining && (
                    <p className="hint">
                      {notCombinable.length === 0
                        ? t('drop.combine.hint')
                        : t('drop.combine.onlyPdfAndImages', {
                            names: notCombinable.map((row) => markInvisible(row.name)).join(', '),
                          })}
                    </p>
                  )}
                </div>
              )}
              {!combining && <SplitModeField value={splitMode} onChange={chooseSplitMode} />}
              {problem !== null && (
                <p className="hint hint-danger" role="alert">
                  {problem}
                </p>
              )}
              {sendable.length === 0 && !busy && <p className="hint">{t('drop.nothingToSend')}</p>}
              <div className="actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={
                    busy || sendable.length === 0 || (combining && notCombinable.length > 0)
                  }
                  onClick={() => void send()}
                >
                  <Icon name="send" />{' '}
                  {phase.kind === 'sending'
                    ? t('drop.sending')
                    : sendable.length === 0
                      ? t('drop.sendNone')
                      : combining
                        ? t('drop.combine.send')
                        : t('drop.send', { count: sendable.length })}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setRows([])}
                  disabled={busy}
                >
                  {t('drop.clear')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
