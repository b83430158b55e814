// The choice of how a scanned batch is cut (issues #17 and #19): off, on separator sheets, on
// blank pages, not cut but without blank back sides, every page or every N pages (2-999, the contract's SplitMode). Shared by a folder's card and the Drop
// screen; the caller decides what a change does.
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SplitMode } from '../../src-main/contract/domain.ts';

type SplitKind = 'off' | 'separator' | 'blank' | 'blank-backs' | 'page' | 'pages';

/** A split mode as the field shows it: the kind, and N for `pages:N`. */
function splitParts(split: SplitMode | undefined): { kind: SplitKind; pages: number } {
  if (split === undefined || split === 'off') return { kind: 'off', pages: 2 };
  if (split === 'separator' || split === 'blank' || split === 'blank-backs' || split === 'page') {
    return { kind: split, pages: 2 };
  }
  return { kind: 'pages', pages: Number(split.slice('pages:'.length)) };
}

/**
 * A labelled select of the split kinds, with the pages-per-document number for "every few
 * pages". `onChange` gets only valid modes: an N out of range is shown as invalid, not sent.
 */
export function SplitModeField({
  value,
  onChange,
}: {
  value: SplitMode | undefined;
  onChange: (mode: SplitMode) => void;
}): ReactElement {
  const { t } = useTranslation();
  const selectId = useId();
  const pagesId = useId();
  const current = splitParts(value);
  const [pages, setPages] = useState(String(current.pages));

  function apply(kind: SplitKind, pagesText: string): void {
    const mode = SplitMode.safeParse(kind === 'pages' ? `pages:${pagesText}` : kind);
    if (mode.success) onChange(mode.data);
  }

  return (
    <div className="field field-inline">
      <label htmlFor={selectId}>{t('folders.split.label')}</label>
      <select
        id={selectId}
        value={current.kind}
        onChange={(event) => apply(event.target.value as SplitKind, pages)}
      >
        {(['off', 'separator', 'blank', 'blank-backs', 'page', 'pages'] as const).map((kind) => (
          <option key={kind} value={kind}>
            {t(`folders.split.${kind}`)}
          </option>
        ))}
      </select>
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
              apply('pages', event.target.value);
            }}
          />
        </>
      )}
    </div>
  );
}
