// The administrations and archive categories the token can reach, kept for a while: the UI lists
// them often, the accountant tree routes every archive file by a category name, and the queue
// uses them to say "unknown administration" rather than "refused".
import type { Administration, ArchiveCategories, CompanyNumber } from '../../contract/domain.ts';
import type { ClearfactsClient } from '../api/clearfacts-client.ts';

export interface AdministrationsCacheOptions {
  client: () => ClearfactsClient;
  /** How long a list is used before it is asked for again. */
  ttlMs: number;
  now?: () => number;
}

interface Cached<T> {
  value: T;
  at: number;
}

/**
 * The administrations and archive categories the token can reach, reused for `ttlMs`. The
 * promises reject with what the Clearfacts client rejects with (ClearfactsApiError).
 */
export interface AdministrationsCache {
  /** Every administration, all pages; a concurrent caller shares the same request. */
  list(refresh?: boolean): Promise<Administration[]>;
  /** One administration's archive categories; a concurrent caller shares the same request. */
  categories(companyNumber: CompanyNumber, refresh?: boolean): Promise<ArchiveCategories>;
  /** What is known without asking (routing must answer at once); stale is fine here. */
  knownCategories(companyNumber: string): ArchiveCategories | undefined;
  /** The last list fetched, however old, or null when none was. */
  knownAdministrations(): Administration[] | null;
  /** Forgets everything: another token may see other administrations. */
  clear(): void;
}

export function createAdministrationsCache(
  options: AdministrationsCacheOptions,
): AdministrationsCache {
  const now = options.now ?? Date.now;
  let administrations: Cached<Administration[]> | null = null;
  let loadingAdministrations: Promise<Administration[]> | null = null;
  const categories = new Map<string, Cached<ArchiveCategories>>();
  const loadingCategories = new Map<string, Promise<ArchiveCategories>>();

  const fresh = <T>(cached: Cached<T> | null | undefined): cached is Cached<T> =>
    cached !== null && cached !== undefined && now() - cached.at < options.ttlMs;

  return {
    /** Every administration, all pages; a concurrent caller shares the same request. */
    list(refresh = false): Promise<Administration[]> {
      if (!refresh && fresh(administrations)) return Promise.resolve(administrations.value);
      loadingAdministrations ??= options
        .client()
        .administrations()
        .then((value) => {
          administrations = { value, at: now() };
          return value;
        })
        .finally(() => {
          loadingAdministrations = null;
        });
      return loadingAdministrations;
    },

    categories(companyNumber: CompanyNumber, refresh = false): Promise<ArchiveCategories> {
      const cached = categories.get(companyNumber);
      if (!refresh && fresh(cached)) return Promise.resolve(cached.value);
      let loading = loadingCategories.get(companyNumber);
      if (!loading) {
        loading = options
          .client()
          .archiveCategories(companyNumber)
          .then((value) => {
            categories.set(companyNumber, { value, at: now() });
            return value;
          })
          .finally(() => loadingCategories.delete(companyNumber));
        loadingCategories.set(companyNumber, loading);
      }
      return loading;
    },

    /** What is known without asking (routing must answer at once); stale is fine here. */
    knownCategories(companyNumber: string): ArchiveCategories | undefined {
      return categories.get(companyNumber)?.value;
    },

    knownAdministrations(): Administration[] | null {
      return administrations?.value ?? null;
    },

    /** Another token may see other administrations. */
    clear(): void {
      administrations = null;
      categories.clear();
    },
  };
}
