// The forms of a split mode and of a folder's `bundle:N`, and the kinds of separator sheet, as
// plain values and tests: split-schemas.ts builds its zod schemas from them, and the CLI's
// `--split` and `separator-sheet --type` check them without loading a schema library (`--help`
// and usage errors answer sooner).

/** `off`, `separator`, `blank`, `blank-backs`, `page`, or `pages:N` with N from 2 to 999. */
export const SPLIT_MODE_FORM =
  /^(off|separator|blank|blank-backs|page|pages:([2-9]|[1-9]\d{1,2}))$/;

/** `bundle:N` with up to three digits; N must also be within BUNDLE_QUIET_SECONDS. */
export const BUNDLE_FORM = /^bundle:\d{1,3}$/;

/** A scan session's quiet window (issue #19): the default, and the range the setting takes, s. */
export const BUNDLE_QUIET_SECONDS = { default: 30, min: 5, max: 600 } as const;

/** Whether a `bundle:N` (of BUNDLE_FORM) has its N within BUNDLE_QUIET_SECONDS. */
export function bundleSecondsInRange(mode: string): boolean {
  const seconds = Number(mode.slice('bundle:'.length));
  return seconds >= BUNDLE_QUIET_SECONDS.min && seconds <= BUNDLE_QUIET_SECONDS.max;
}

/** Whether `value` is a split mode (split-schemas.ts's SplitMode). */
export function isSplitMode(value: string): boolean {
  return SPLIT_MODE_FORM.test(value);
}

/** Whether `value` is what a folder takes (split-schemas.ts's FolderSplit). */
export function isFolderSplit(value: string): boolean {
  return isSplitMode(value) || (BUNDLE_FORM.test(value) && bundleSecondsInRange(value));
}

/** The kinds a separator sheet can be (issue #17), as `--type` names them. */
export const SEPARATOR_TYPES = ['next', 'purchase', 'sale', 'various', 'permanent'] as const;
