// What Clearfacts did with documents we delivered: `document(id)` as the developer docs show it
// ("Query - Document": `date` on Document, `type` and `paymentState` through the inline fragment
// `... on InvoiceDocument`), many ids in one request through GraphQL aliases (d0, d1, …). This
// module builds the query and reads its answer; the GraphQL client sends it, once per call and
// without retrying: the follow-up paces and backs off itself, so a rate limit is never answered
// with a burst.
import { z } from 'zod';
import { failureFromGraphqlErrors, type CallContext } from './api-failures.ts';

/**
 * Clearfacts failed on this id alone: an error on its alias that is not "not found" (the live
 * API's per-document errors are undocumented), or no answer for it at all. It says nothing about
 * the document, so it is asked again later. `error` is the server's words, for the log.
 */
export interface DocumentLookupFailure {
  found: null;
  error: string;
}

/** What `document(id)` answered about one id: the document, or that Clearfacts does not know it. */
export type DocumentAnswer =
  | { found: false }
  | {
      found: true;
      /** InvoiceDocument, ArchiveDocument, or another Document the API may add. */
      kind: 'invoice' | 'archive' | 'other';
      /** The document date (YYYY-MM-DD as Clearfacts writes it), null before processing. */
      date: string | null;
      /** PURCHASE / SALE / … for an invoice. */
      type: string | null;
      /** UNPAID / PAID / … for an invoice, null when Clearfacts gives none. */
      paymentState: string | null;
    };

/** What `document(id)` said about one id, or that it failed on it alone. */
export type DocumentLookup = DocumentAnswer | DocumentLookupFailure;

/** Keeps one request small enough for any gateway's body and time limits. */
export const MAX_DOCUMENTS_PER_REQUEST = 50;

/** The scope the client names when Clearfacts refuses a lookup without naming one (undocumented). */
export const DOCUMENT_LOOKUP_CONTEXT: CallContext = { call: 'query', scope: 'upload_document' };

const DocumentAnswerData = z
  .object({
    __typename: z.string().nullish(),
    date: z.string().nullish(),
    type: z.string().nullish(),
    paymentState: z.string().nullish(),
  })
  .nullable();

const LookupData = z.record(z.string(), DocumentAnswerData.optional()).nullish();

/** A GraphQL error as it arrives; `path[0]` is the alias it belongs to, when it belongs to one. */
const LookupErrors = z
  .array(
    z.object({
      message: z.string(),
      path: z.array(z.union([z.string(), z.number()])).nullish(),
    }),
  )
  .nullish();

/** The aliased query for `count` ids, passed as variables $id0…$id(count-1). */
export function documentsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, index) => `$id${index}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, index) =>
      `  d${index}: document(id: $id${index}) { __typename date ... on InvoiceDocument { type paymentState } }`,
  ).join('\n');
  return `query followUp(${variables}) {\n${fields}\n}`;
}

/** The variables for `documentsQuery(ids.length)`. */
export function documentsVariables(ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id, index) => [`id${index}`, id]));
}

function kindOf(typename: string | null | undefined): 'invoice' | 'archive' | 'other' {
  if (typename === 'InvoiceDocument') return 'invoice';
  if (typename === 'ArchiveDocument') return 'archive';
  return 'other';
}

/** How Clearfacts words a document it does not know (the emulator: `Document "…" not found.`). */
const NOT_FOUND = /not found/i;

/**
 * Reads the answer to `documentsQuery(ids.length)` (HTTP 2xx; `data` and `errors` as they
 * arrived). Returns one entry per id: found; not found (null data, with no error or a "not
 * found" error on that alias: deleted there); or a DocumentLookupFailure when its alias failed
 * otherwise, one of its fields failed (GraphQL spec, "Handling Field Errors": the field is null
 * and an error's path names it), or it is missing from the answer. Throws a ClearfactsApiError (missing_scope, refused,
 * transient) when an error concerns the whole request, or a scope is missing on any alias.
 */
export function readDocumentAnswers(
  ids: readonly string[],
  rawData: unknown,
  rawErrors: unknown,
  status: number,
): Map<string, DocumentLookup> {
  const data = LookupData.safeParse(rawData);
  const parsedErrors = LookupErrors.safeParse(rawErrors);
  if (!data.success || !parsedErrors.success) {
    throw failureFromGraphqlErrors(['Internal server error'], DOCUMENT_LOOKUP_CONTEXT, status);
  }
  const errors = parsedErrors.data ?? [];
  const batchErrors = errors.filter((error) => typeof error.path?.[0] !== 'string');
  const scopeErrors = errors.filter((error) => /missing scope/i.test(error.message));
  if (scopeErrors.length > 0 || batchErrors.length > 0 || data.data == null) {
    throw failureFromGraphqlErrors(
      (scopeErrors.length > 0 ? scopeErrors : errors).map((error) => error.message),
      DOCUMENT_LOOKUP_CONTEXT,
      status,
    );
  }
  const answers = data.data;
  const failedAliases = new Map(errors.map((error) => [String(error.path?.[0]), error.message]));
  const found = new Map<string, DocumentLookup>();
  for (const [index, id] of ids.entries()) {
    const alias = `d${index}`;
    const answer = answers[alias];
    const failure = failedAliases.get(alias);
    if (answer !== null && answer !== undefined && failure !== undefined) {
      // An error inside the answer (its path goes on to a field): GraphQL nulls that field and
      // answers the rest, so a null paymentState there is no news; read as it, it turned an
      // unpaid invoice into a processed one.
      found.set(id, { found: null, error: failure });
      continue;
    }
    if (answer === null || answer === undefined) {
      // Only "not found" (or a plain null) is an answer about the document; any other error is
      // not, and a final "no longer known" on a passing fault would end a real invoice's follow-up.
      const notFound = failure === undefined ? answer === null : NOT_FOUND.test(failure);
      found.set(
        id,
        notFound ? { found: false } : { found: null, error: failure ?? 'no answer for this alias' },
      );
      continue;
    }
    found.set(id, {
      found: true,
      kind: kindOf(answer.__typename),
      date: answer.date ?? null,
      type: answer.type ?? null,
      paymentState: answer.paymentState ?? null,
    });
  }
  return found;
}
