// The choice of how a scanned batch is cut (issues #17 and #19): off, on separator sheets, on
// blank pages, not cut but without blank back sides, every page or every N pages (2-999, the contract's SplitMode). Shared by a folder's card and the Drop
// screen; the caller decides what a change does. A folder's card also offers bundling a scan
// session (`bundle:N`, issue #19) with its quiet window in seconds (5-600, the contract's
// FolderSplit).
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUNDLE_QUIET_SECONDS,
  bundleQuietSeconds,
  FolderSplit,
  SplitMode,
} from '../../src-main/contract/domain.ts';

type SplitKind = 'off' | 'separator' | 'blank' | 'blank-backs' | 'page' | 'pages' | 'bundle';

/** A folder's choice as the field shows it: the kind, N for `pages:N`, N for `bundle:N`. */
function splitParts(split: FolderSplit | undefined): {
  kind: SplitKind;
  pages: number;
  seconds: number;
} {
  const defaults = { pages: 2, seconds: BUNDLE_QUIET_SECONDS.default };
  const seconds = bundleQuietSeconds(split);
  if (seconds !== null) return { kind: 'bundle', pages: 2, seconds };
  if (split === undefined || split === 'off') return { kind: 'off', ...defaults };
  if (split === 'separator' || split === 'blank' || split === 'blank-backs' || split === 'page') {
    return { kind: split, ...defaults };
  }
  return { kind: 'pages', ...defaults, pages: Number(split.slice('pages:'.length)) };
}

/** The mode a kind and its number make, as text (checked by the caller's schema). */
function modeText(kind: SplitKind, pagesText: string, secondsText: string): string {
  if (kind === 'pages') return `pages:${pagesText}`;
  return kind === 'bundle' ? `bundle:${secondsText}` : kind;
}

/**
 * A labelled select of the split kinds, with the pages-per-document number for "every few
 * pages" and, with `bundling` (a folder's card), "bundle a scan session" and its seconds.
 * `onChange` gets only valid modes: a number out of range is shown as invalid, not sent.
 */
export function SplitModeField<Mode extends FolderSplit = SplitMode>({
  value,
  onChange,
  bundling = false,
}: {
  value: Mode | undefined;
  onChange: (mode: Mode) => void;
  /** Offers `bundle:N` (folders only: a drop combines with "Combine into one document"). */
  bundling?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const selectId = useId();
  const pagesId = useId();
  const secondsId = useId();
  const hintId = useId();
  const blankHintId = useId();
  const current = splitParts(value);
  const [pages, setPages] = useState(String(current.pages));
  const [seconds, setSeconds] = useState(String(current.seconds));
  const schema = bundling ? FolderSplit : SplitMode;
  const kinds: readonly SplitKind[] = [
    'off',
    'separator',
    'blank',
    'blank-backs',
    'page',
    'pages',
    ...(bundling ? (['bundle'] as const) : []),
  ];

  function apply(kind: SplitKind, pagesText: string, secondsText: string): void {
    const mode = schema.safeParse(modeText(kind, pagesText, secondsText));
    // The schema is SplitMode unless bundling, where Mode is FolderSplit.
    if (mode.success) onChange(mode.data as Mode);
  }

  return (
    <div className="field field-inline">
      <label htmlFor={selectId}>{t('folders.split.label')}</label>
      <select
        id={selectId}
        value={current.kind}
        aria-describedby={
          current.kind === 'blank' || current.kind === 'blank-backs' ? blankHintId : undefined
        }
        onChange={(event) => apply(event.target.value as SplitKind, pages, seconds)}
      >
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`folders.split.${kind}`)}
          </option>
        ))}
      </select>
      {(current.kind === 'blank' || current.kind === 'blank-backs') && (
        // The select's words are short enough for a 300 px window; what happens to the blank
        // pages is said here.
        <p id={blankHintId} className="hint">
          {t(current.kind === 'blank' ? 'folders.split.blankHint' : 'folders.split.blankBacksHint')}
        </p>
      )}
      {current.kind === 'pages' && (
        <>
          <label htmlFor={pagesId}>{t('folders.split.pagesCount')}</label>
          <input
            id={pagesId}
            type="number"
            min={2}
            max={999}
            value={pages}
            aria-invalid={!SplitMode.safeParse(`pages:${pages}`).success}
            onChange={(event) => {
              setPages(event.target.value);
              apply('pages', event.target.value, seconds);
            }}
          />
        </>
      )}
      {current.kind === 'bundle' && (
        <>
          <label htmlFor={secondsId}>{t('folders.split.bundleSeconds')}</label>
          <input
            id={secondsId}
            type="number"
            min={BUNDLE_QUIET_SECONDS.min}
            max={BUNDLE_QUIET_SECONDS.max}
            value={seconds}
            aria-describedby={hintId}
            aria-invalid={!FolderSplit.safeParse(`bundle:${seconds}`).success}
            onChange={(event) => {
              setSeconds(event.target.value);
              apply('bundle', pages, event.target.value);
            }}
          />
          <p id={hintId} className="hint">
            {t('folders.split.bundleHint')}
          </p>
        </>
      )}
    </div>
  );
}
