// What Clearfacts did with a delivered invoice (the follow-up's states), and the History's and
// `history --in-clearfacts`'s filter values: those states, `unchecked` (not asked yet) and
// `archive`. Plain values, so the CLI's option help needs no schema library; domain.ts's
// ClearfactsStatus and InClearfactsFilter schemas take them.
export const CLEARFACTS_STATUSES = [
  'received',
  'processed',
  'unpaid',
  'paid',
  'not_known',
] as const;
export const IN_CLEARFACTS_FILTERS = [...CLEARFACTS_STATUSES, 'unchecked', 'archive'] as const;
