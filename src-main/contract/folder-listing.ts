// The server-side folder browser's answer (issue #14 finding 6): a browser page cannot open the
// OS folder dialog, so in browser mode the Add-folder form lists folders through the contract
// (`folders.browse`), carried by the bridge under the same session and origin rules as any other
// request. Only folders are listed, only under the user's home and the mounted drives.
import { z } from 'zod';

/** Where browsing may start: the user's home folder, or a mounted drive (a volume, a letter). */
export const BrowseRoot = z.object({
  path: z.string(),
  kind: z.enum(['home', 'drive']),
});
export type BrowseRoot = z.infer<typeof BrowseRoot>;

/** One subfolder: its name as the file system gives it, and its absolute path. */
export const ListedFolder = z.object({ name: z.string(), path: z.string() });
export type ListedFolder = z.infer<typeof ListedFolder>;

/** At most this many subfolders are listed; `truncated` says some were left out. */
export const MAX_LISTED_FOLDERS = 2_000;

export const FolderListing = z.object({
  /** The folder listed (absolute); null when the request asked for the roots only. */
  path: z.string().nullable(),
  /** Its parent while that is still under a root; null at a root (the roots are above it). */
  parent: z.string().nullable(),
  /** Its subfolders, hidden ones (a leading dot) left out, sorted by name. */
  folders: z.array(ListedFolder),
  /** More than MAX_LISTED_FOLDERS subfolders: the first ones in order are listed. */
  truncated: z.boolean(),
  roots: z.array(BrowseRoot),
});
export type FolderListing = z.infer<typeof FolderListing>;
