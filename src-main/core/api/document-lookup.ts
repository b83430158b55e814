// What Clearfacts did with documents we delivered: `document(id)` as the developer docs show it
// ("Query - Document": `date` on Document, `type` and `paymentState` through the inline fragment
// `... on InvoiceDocument`), many ids in one request through GraphQL aliases (d0, d1, …). One
// attempt per call and no retry here: the follow-up paces and backs off itself, so a rate limit
// is never answered with a burst.
import { z } from 'zod';
import { msg } from '../../contract/messages/message.ts';
import { registerSecret } from '../logging/secret-redactor.ts';
import {
  failureFromGraphqlErrors,
  failureFromStatus,
  failureFromThrown,
  safeCause,
  type CallContext,
} from './api-failures.ts';
import { ClearfactsApiError } from './clearfacts-client.ts';

/** What `document(id)` said about one id. */
export type DocumentLookup =
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

/** Looks up ids (at most `MAX_DOCUMENTS_PER_REQUEST`); rejects only with ClearfactsApiError. */
export type LookUpDocuments = (
  ids: readonly string[],
  signal?: AbortSignal,
) => Promise<Map<string, DocumentLookup>>;

/** Keeps one request small enough for any gateway's body and time limits. */
export const MAX_DOCUMENTS_PER_REQUEST = 50;

const DocumentAnswer = z
  .object({
    __typename: z.string().nullish(),
    date: z.string().nullish(),
    type: z.string().nullish(),
    paymentState: z.string().nullish(),
  })
  .nullable();

const Envelope = z.object({
  data: z.record(z.string(), DocumentAnswer.optional()).nullish(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).nullish(),
      }),
    )
    .nullish(),
});

/** The aliased query for `count` ids, passed as variables $id0…; exported for the tests. */
export function documentsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, index) => `$id${index}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, index) =>
      `  d${index}: document(id: $id${index}) { __typename date ... on InvoiceDocument { type paymentState } }`,
  ).join('\n');
  return `query followUp(${variables}) {\n${fields}\n}`;
}

function kindOf(typename: string | null | undefined): 'invoice' | 'archive' | 'other' {
  if (typename === 'InvoiceDocument') return 'invoice';
  if (typename === 'ArchiveDocument') return 'archive';
  return 'other';
}

export interface DocumentLookupOptions {
  apiUrl: string;
  getToken: () => Promise<string | null>;
  fetch: typeof globalThis.fetch;
  /** How long the answer may take (default 30 s). */
  timeoutMs?: number;
}

export function createDocumentLookup(options: DocumentLookupOptions): LookUpDocuments {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const context: CallContext = { call: 'query', scope: 'upload_document' };
  return async (ids, callerSignal) => {
    if (ids.length === 0) return new Map();
    if (ids.length > MAX_DOCUMENTS_PER_REQUEST) {
      throw new RangeError(`at most ${MAX_DOCUMENTS_PER_REQUEST} documents per request`);
    }
    const token = (await options.getToken())?.trim() ?? '';
    if (token === '') throw new ClearfactsApiError('auth', msg('api_no_token'));
    registerSecret(token);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal === undefined ? timeout : AbortSignal.any([timeout, callerSignal]);
    let status: number;
    let headers: Headers;
    let text: string;
    try {
      const response = await options.fetch(options.apiUrl, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify({
          query: documentsQuery(ids.length),
          variables: Object.fromEntries(ids.map((id, index) => [`id${index}`, id])),
        }),
        signal,
      });
      status = response.status;
      headers = response.headers;
      text = await response.text();
    } catch (error) {
      throw failureFromThrown(error, {
        ...context,
        timedOut: timeout.aborted,
        callerAborted: callerSignal?.aborted === true,
        requestSent: true,
        timeoutMs,
      });
    }
    if (status < 200 || status >= 300) throw failureFromStatus(status, headers, text, context);
    let envelope: z.infer<typeof Envelope>;
    try {
      envelope = Envelope.parse(JSON.parse(text));
    } catch (error) {
      throw new ClearfactsApiError('transient', msg('api_answer_not_understood'), {
        status,
        cause: safeCause(error),
      });
    }
    const errors = envelope.errors ?? [];
    // An error tied to one alias is about that document; any other stops the whole batch.
    const batchErrors = errors.filter((error) => typeof error.path?.[0] !== 'string');
    const scopeErrors = errors.filter((error) => /missing scope/i.test(error.message));
    if (scopeErrors.length > 0 || batchErrors.length > 0 || envelope.data == null) {
      throw failureFromGraphqlErrors(
        (scopeErrors.length > 0 ? scopeErrors : errors).map((error) => error.message),
        context,
        status,
      );
    }
    const data = envelope.data;
    const failedAliases = new Map(errors.map((error) => [String(error.path?.[0]), error.message]));
    const found = new Map<string, DocumentLookup>();
    for (const [index, id] of ids.entries()) {
      const alias = `d${index}`;
      const answer = data[alias];
      const failure = failedAliases.get(alias);
      if (answer === null || answer === undefined) {
        // A masked server failure says nothing about the document: ask again later.
        if (failure !== undefined && /internal server error/i.test(failure)) continue;
        found.set(id, { found: false });
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
  };
}
