// The parts a dropped batch will be cut into (issue #19), shown on the Drop screen before anything
// is sent: a picture of each part's first page, its pages and its destination, and buttons that
// move a page to the part before or after it (contract/split-choice.ts, the rules core checks).
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitMode, SplitPart, SplitPreview } from '../../src-main/contract/domain.ts';
import { contentPages, movePage } from '../../src-main/contract/split-choice.ts';
import { useRenderMessage } from './message-text.ts';

/** A file's preview as the Drop screen keeps it: asked, answered (parts maybe moved), or failed. */
export type PreviewState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; preview: SplitPreview; parts: SplitPart[] };

/** "1–2, 4": the pages as runs of consecutive numbers. */
function pageRuns(pages: readonly number[]): string {
  const runs: string[] = [];
  let start: number | null = null;
  pages.forEach((page, index) => {
    start ??= page;
    const next = pages[index + 1];
    if (next !== page + 1) {
      runs.push(start === page ? String(page) : `${start}–${page}`);
      start = null;
    }
  });
  return runs.join(', ');
}

/**
 * The preview of one file: its parts in order, each a card with its first page's thumbnail
 * (core sends one for every page that can be first; a page without one shows its number), pages and destination.
 * `onChange` gets the parts after a page was moved. In `blank` and `blank-backs` modes the pages
 * left out are the blank ones, named in the summary.
 */
export function SplitPreviewPanel({
  fileName,
  mode,
  state,
  locked,
  onChange,
}: {
  fileName: string;
  mode: SplitMode;
  state: PreviewState;
  locked: boolean;
  onChange: (parts: SplitPart[]) => void;
}): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  if (state.status === 'loading') {
    return (
      <p role="status" className="hint">
        <span className="spinner spinner-small" aria-hidden="true" /> {t('drop.preview.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return <p className="hint hint-warning">{t('drop.preview.failed')}</p>;
  }
  const { preview, parts } = state;
  if (parts.length === 0) {
    return (
      <p className="hint">
        {preview.whole === null ? t('drop.preview.oneDocument') : render(preview.whole)}
      </p>
    );
  }
  // Every page a part can start with has its picture, so a part's first page after a move shows
  // its own (issue #19); the parts' own pictures cover a peer that sends none per page.
  const thumbnails = new Map([
    ...preview.parts.map((part): [number, string] => [
      contentPages(part, preview.separatorPages)[0] ?? part.firstPage,
      part.thumbnail,
    ]),
    ...preview.pageThumbnails.map(({ page, thumbnail }): [number, string] => [page, thumbnail]),
  ]);
  return (
    <div className="split-preview">
      <p className="hint">
        {mode === 'blank'
          ? t('drop.preview.blankSummary', {
              count: parts.length,
              pages: pageRuns(preview.separatorPages),
            })
          : mode === 'blank-backs'
            ? t('drop.preview.blankBacksSummary', { pages: pageRuns(preview.separatorPages) })
            : t('drop.preview.summary', {
                count: parts.length,
                sheets: preview.separatorPages.length,
              })}
      </p>
      <ol className="split-parts" aria-label={t('drop.preview.partsOf', { name: fileName })}>
        {parts.map((part, index) => {
          const pages = contentPages(part, preview.separatorPages);
          const first = pages[0] ?? part.firstPage;
          const last = pages.at(-1) ?? part.lastPage;
          const thumbnail = thumbnails.get(first);
          const number = index + 1;
          return (
            <li
              key={`${part.firstPage}-${part.lastPage}`}
              className="split-part"
              aria-label={t('drop.preview.part', { number, pages: pageRuns(pages) })}
            >
              {thumbnail === undefined ? (
                <div className="split-thumbnail split-thumbnail-missing" aria-hidden="true">
                  {first}
                </div>
              ) : (
                <img
                  className="split-thumbnail"
                  src={thumbnail}
                  alt={t('drop.preview.thumbnail', { page: first })}
                />
              )}
              <p className="split-part-title">{t('drop.preview.partNumber', { number })}</p>
              <p className="hint">
                {t('drop.preview.pages', { count: pages.length, pages: pageRuns(pages) })}
              </p>
              <p className="hint">
                {part.sheet === null || part.sheet.type === 'next'
                  ? t('drop.preview.destinationChosen')
                  : t('drop.preview.destinationSheet', {
                      destination: t(`destinations.${part.sheet.type}`),
                    })}
              </p>
              {part.sheet !== null && 'companyNumber' in part.sheet && part.sheet.companyNumber && (
                <p className="hint">
                  {t('drop.preview.sheetCompany', { companyNumber: part.sheet.companyNumber })}
                </p>
              )}
              <div className="split-part-actions">
                {index > 0 && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={locked}
                    onClick={() =>
                      onChange(movePage(parts, preview.separatorPages, index, 'previous'))
                    }
                  >
                    {t('drop.preview.movePrevious', { page: first, number: number - 1 })}
                  </button>
                )}
                {index < parts.length - 1 && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={locked}
                    onClick={() => onChange(movePage(parts, preview.separatorPages, index, 'next'))}
                  >
                    {t('drop.preview.moveNext', { page: last, number: number + 1 })}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
