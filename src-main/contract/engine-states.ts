// The words of the engine's own states, listed once: the contract's QueueState and
// FolderAvailability schemas and the catalogues' words for them (the CLI's `status`) derive from
// these lists.

/** What the upload queue is doing: sending, waiting for the user, or held by an outage. */
export const QUEUE_STATES = [
  'idle',
  'uploading',
  'paused',
  'offline',
  'auth_required',
  'scope_missing',
  'storage_error',
] as const;

/** How the intake follows a watched folder: native events, polling, or not at all. */
export const FOLDER_AVAILABILITIES = ['starting', 'watching', 'polling', 'unavailable'] as const;
