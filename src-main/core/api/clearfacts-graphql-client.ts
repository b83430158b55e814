// The Clearfacts API client: queries through graphql-request with zod-checked answers, uploads as
// Clearfacts' own multipart form streamed from disk, and every failure turned into a
// ClearfactsApiError (see api-failures.ts). The fetch is injected so the desktop shell can pass
// Electron's net.fetch (system proxy, OS certificates); the token is asked for on every call.
import { msg } from '../../contract/messages/message.ts';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileTypeFromFile } from 'file-type';
import { ClientError, GraphQLClient } from 'graphql-request';
import pRetry from 'p-retry';
import type { z } from 'zod';
import {
  CompanyNumber,
  type Administration,
  type ArchiveCategories,
  type ArchiveCategory,
  type Scope,
  type UserInfo,
} from '../../contract/domain.ts';
import { registerSecret } from '../logging/secret-redactor.ts';
import {
  failureFromGraphqlErrors,
  failureFromStatus,
  failureFromThrown,
  notGraphqlAnswer,
  notGraphqlEndpoint,
  safeCause,
  type CallContext,
} from './api-failures.ts';
import { mayHaveArrived, watchBodySent } from './body-sent-signal.ts';
import {
  DOCUMENT_LOOKUP_CONTEXT,
  MAX_DOCUMENTS_PER_REQUEST,
  documentsQuery,
  documentsVariables,
  readDocumentAnswers,
  type DocumentLookup,
} from './document-lookup.ts';
import { FileChangedWhileSendingError, openMultipartFileBody } from './multipart-file-body.ts';
import {
  ClearfactsApiError,
  type ClearfactsClient,
  type ClearfactsClientOptions,
  type UploadRequest,
  type UploadedFile,
} from './clearfacts-client.ts';
import {
  ADMINISTRATIONS_PAGE,
  ARCHIVE_CATEGORIES,
  GraphqlEnvelope,
  UPLOAD_ARCHIVE_FILE,
  UPLOAD_FILE,
  UserInfoAnswer,
  type AdministrationAnswer,
  type Operation,
} from './operations.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_QUERY_RETRIES = 3;
const DEFAULT_QUERY_RETRY_DELAY_MS = 500;
const LONGEST_RETRY_DELAY_MS = 10_000;
/** A longer Retry-After is handed to the caller (the queue schedules it) instead of waited out. */
const LONGEST_HONOURED_RETRY_AFTER_MS = 60_000;
const SLOW_UPLOAD_BYTES_PER_SECOND = 64 * 1024;
const ADMINISTRATIONS_PAGE_SIZE = 100;
/** Asked for by the archive_read check when no real administration is known: a read only. */
const PROBE_COMPANY_NUMBER = '0000000000';

interface StoredFile {
  uuid: string;
  amountOfPages?: number | null;
}

const REAL_API_HOST = 'api.clearfacts.be';
const REAL_USERINFO_URL = 'https://login.clearfacts.be/oauth2-server/userinfo';

/** The userinfo endpoint that belongs to an API URL: Clearfacts' login host, or the same origin. */
export function userInfoUrlFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  return url.hostname === REAL_API_HOST
    ? REAL_USERINFO_URL
    : new URL('/oauth2-server/userinfo', url.origin).toString();
}

/** Clearfacts' bare form: 10 digits with a leading 0, whatever punctuation or BE prefix came. */
function normaliseCompanyNumber(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  const parsed = CompanyNumber.safeParse(digits.length === 9 ? `0${digits}` : digits);
  return parsed.success ? parsed.data : null;
}

function toAdministration(
  answer: z.infer<typeof AdministrationAnswer> | null,
): Administration | null {
  const companyNumber = normaliseCompanyNumber(answer?.companyNumber ?? '');
  if (answer === null || companyNumber === null) return null;
  return {
    companyNumber,
    name: answer.name?.trim() || companyNumber,
    accountManager: answer.accountManager ?? null,
  };
}

function toCategories(
  list: ({ id: string; name?: string | null } | null)[] | null | undefined,
): ArchiveCategory[] {
  return (list ?? [])
    .filter((category) => category !== null)
    .map((category) => ({ id: category.id, name: category.name?.trim() || category.id }));
}

async function mediaTypeOf(filePath: string): Promise<string> {
  const detected = await fileTypeFromFile(filePath);
  if (detected?.ext === 'pdf' || detected?.ext === 'jpg') return detected.mime;
  if (detected?.ext === 'xml' || path.extname(filePath).toLowerCase() === '.xml') {
    return 'application/xml';
  }
  return detected?.mime ?? 'application/octet-stream';
}

function malformed(what: string, error: z.ZodError): ClearfactsApiError {
  return new ClearfactsApiError('transient', msg('api_answer_not_understood'), {
    cause: safeCause(new Error(`${what}: ${error.message}`)),
  });
}

/**
 * The body of an answer as JSON, or the failure it stands for: an HTTP error by its status, and
 * a non-JSON body (a proxy's or a login page) as transient.
 */
async function readJsonAnswer(
  response: Response,
  what: string,
  context: CallContext,
): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw failureFromStatus(response.status, response.headers, text, context);
  try {
    return JSON.parse(text);
  } catch (error) {
    const sent = context.call === 'upload' && context.mayHaveArrived === true;
    // A query's web page or text is a wrong address; an upload's keeps the ambiguity rule.
    const answer = notGraphqlAnswer(response.headers, text);
    if (!sent && context.call === 'query' && context.address !== undefined && answer !== null) {
      throw notGraphqlEndpoint(context.address, response.status, answer);
    }
    throw new ClearfactsApiError(
      sent ? 'ambiguous' : 'transient',
      sent ? msg('api_answer_broken_after_send') : msg('api_answer_not_json'),
      {
        status: response.status,
        cause: safeCause(new Error(`${what}`, { cause: error })),
      },
    );
  }
}

/**
 * The fetch graphql-request calls: a 2xx answer that is no GraphQL result (a web page, JSON
 * without `data` or `errors`) throws api_not_graphql naming the address, where graphql-request
 * would throw "Invalid execution result" or hand back `undefined` as the data.
 */
function graphqlAnswersOnly(fetch: typeof globalThis.fetch, address: string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) return response;
    const text = await response.text();
    const answer = notGraphqlAnswer(response.headers, text);
    if (answer !== null) throw notGraphqlEndpoint(address, response.status, answer);
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

export function createClearfactsClient(options: ClearfactsClientOptions): ClearfactsClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const address = options.apiUrl;
  const graphql = new GraphQLClient(address, { fetch: graphqlAnswersOnly(options.fetch, address) });

  async function authorization(): Promise<string> {
    const token = (await options.getToken())?.trim() ?? '';
    if (token === '') {
      throw new ClearfactsApiError('auth', msg('api_no_token'));
    }
    registerSecret(token);
    return `Bearer ${token}`;
  }

  /**
   * One attempt under a deadline (our timeout combined with the caller's signal). `run` calls
   * `markSent` just before handing the request to fetch; `arrived` turns that into "the server
   * may hold the whole request", which makes a failed upload ambiguous rather than transient.
   */
  async function underDeadline<T>(
    deadlineMs: number,
    callerSignal: AbortSignal | undefined,
    context: CallContext,
    run: (signal: AbortSignal, markSent: () => void) => Promise<T>,
    arrived: (handedOver: boolean) => boolean = (handedOver) => handedOver,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(deadlineMs);
    const signal = callerSignal === undefined ? timeout : AbortSignal.any([timeout, callerSignal]);
    let requestSent = false;
    try {
      if (callerSignal?.aborted === true) throw callerSignal.reason;
      return await run(signal, () => {
        requestSent = true;
      });
    } catch (error) {
      const callerAborted = callerSignal?.aborted === true;
      throw failureFromThrown(error, {
        ...context,
        timedOut: timeout.aborted && !callerAborted,
        callerAborted,
        requestSent: arrived(requestSent),
        timeoutMs: deadlineMs,
      });
    }
  }

  /** Retries transient failures of a query with exponential backoff and jitter, honouring Retry-After. */
  async function retrying<T>(
    signal: AbortSignal | undefined,
    context: CallContext,
    attempt: () => Promise<T>,
  ): Promise<T> {
    const honoured = (error: unknown): error is ClearfactsApiError =>
      error instanceof ClearfactsApiError &&
      error.kind === 'transient' &&
      !error.wrongEndpoint &&
      (error.retryAfterMs ?? 0) <= LONGEST_HONOURED_RETRY_AFTER_MS;
    try {
      return await pRetry(attempt, {
        retries: options.queryRetries ?? DEFAULT_QUERY_RETRIES,
        minTimeout: options.queryRetryDelayMs ?? DEFAULT_QUERY_RETRY_DELAY_MS,
        maxTimeout: LONGEST_RETRY_DELAY_MS,
        factor: 2,
        randomize: true,
        signal,
        shouldRetry: ({ error }) => honoured(error),
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (retriesLeft > 0 && honoured(error) && error.retryAfterMs !== null) {
            await sleep(error.retryAfterMs, undefined, { signal });
          }
        },
      });
    } catch (error) {
      throw failureFromThrown(error, {
        ...context,
        timedOut: false,
        callerAborted: signal?.aborted === true,
        requestSent: false,
        timeoutMs,
      });
    }
  }

  async function query<Variables extends Record<string, unknown>, Answer extends z.ZodType>(
    operation: Operation<Variables, Answer>,
    variables: Variables,
    scope: Scope | null,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<Answer>> {
    const context: CallContext = { call: 'query', scope, address };
    return retrying(signal, context, async () => {
      const header = await authorization();
      return underDeadline(timeoutMs, signal, context, async (deadline, markSent) => {
        markSent();
        let data: unknown;
        try {
          data = await graphql.request<unknown, Record<string, unknown>>({
            document: operation.document,
            variables,
            signal: deadline,
            requestHeaders: { Authorization: header },
          });
        } catch (error) {
          if (!(error instanceof ClientError)) throw error;
          const { status, headers, body, errors } = error.response;
          throw status < 200 || status >= 300
            ? failureFromStatus(status, headers, body, context)
            : failureFromGraphqlErrors(
                (errors ?? []).map((graphqlError) => graphqlError.message),
                context,
                status,
              );
        }
        const parsed = operation.answer.safeParse(data);
        if (!parsed.success) throw malformed(operation.name, parsed.error);
        return parsed.data;
      });
    });
  }

  async function upload<Variables extends Record<string, unknown>, Answer extends z.ZodType>(
    request: UploadRequest,
    operation: Operation<Variables, Answer>,
    variables: Variables,
    scope: Scope,
    storedFile: (answer: z.infer<Answer>) => StoredFile | null | undefined,
  ): Promise<UploadedFile> {
    const context: CallContext = { call: 'upload', scope, address };
    const header = await authorization();
    // A file that cannot be opened is not Clearfacts' doing: its file system error (ENOENT,
    // EACCES, …) is thrown as it is, so the queue can tell a vanished file from a dead network.
    const type = request.mediaType ?? (await mediaTypeOf(request.path));
    // Streamed from a file handle of our own, never whole in memory (see multipart-file-body.ts).
    const body = await openMultipartFileBody({
      fields: [
        ['query', operation.document],
        ['variables', JSON.stringify(variables)],
      ],
      fileField: 'file',
      path: request.path,
      fileName: request.fileName,
      mediaType: type,
      ...(request.expected === undefined ? {} : { expected: request.expected }),
      ...(request.onProgress === undefined ? {} : { onFileBytes: request.onProgress }),
    }).catch((error: unknown) => {
      if (!(error instanceof FileChangedWhileSendingError)) throw error;
      throw new ClearfactsApiError('transient', msg('api_file_changed_while_sending'), {
        fileChanged: true,
        cause: safeCause(error),
      });
    });
    const sizeBytes = body.version.sizeBytes;
    const deadlineMs = timeoutMs + Math.ceil((sizeBytes / SLOW_UPLOAD_BYTES_PER_SECOND) * 1000);
    return watchBodySent((progress) =>
      underDeadline(
        deadlineMs,
        request.signal,
        context,
        async (deadline, markSent) => {
          markSent();
          const response = await options
            .fetch(options.apiUrl, {
              method: 'POST',
              headers: {
                Authorization: header,
                Accept: 'application/json',
                'Content-Type': body.contentType,
                'Content-Length': String(body.contentLength),
              },
              body: body.stream,
              duplex: 'half',
              signal: deadline,
              // Following a redirect would need the body twice; an upload is never redirected.
              redirect: 'error',
            })
            .catch(async (error: unknown) => {
              await body.close();
              throw error;
            });
          const answered: CallContext = {
            ...context,
            mayHaveArrived: mayHaveArrived(progress, true),
          };
          // The file stays open until the answer is read: a server that answers before the body
          // is whole (a 404 at a wrong address) would otherwise see it cut, and its answer lost.
          const json = await readJsonAnswer(response, 'the upload', answered).finally(() =>
            body.close(),
          );
          const envelope = GraphqlEnvelope.safeParse(json);
          const answer = operation.answer.safeParse(envelope.data?.data ?? {});
          const stored = answer.success ? storedFile(answer.data) : null;
          // A uuid means Clearfacts stored the file, whatever else the answer says.
          if (stored !== null && stored !== undefined) {
            return {
              uuid: stored.uuid,
              amountOfPages: stored.amountOfPages ?? 0,
              sentBytes: body.fileBytesSent(),
            };
          }
          const errors = envelope.data?.errors ?? [];
          if (errors.length > 0) {
            throw failureFromGraphqlErrors(
              errors.map((error) => error.message),
              context,
              response.status,
            );
          }
          throw new ClearfactsApiError('ambiguous', msg('api_upload_without_id'), {
            status: response.status,
          });
        },
        (handedOver) => mayHaveArrived(progress, handedOver),
      ),
    );
  }

  async function userInfo(signal?: AbortSignal): Promise<UserInfo> {
    const url = userInfoUrlFor(options.apiUrl);
    // Named by the API address the user gave, from which this endpoint's address is derived.
    const context: CallContext = { call: 'query', scope: null, address };
    return retrying(signal, context, async () => {
      const header = await authorization();
      return underDeadline(timeoutMs, signal, context, async (deadline, markSent) => {
        markSent();
        const response = await options.fetch(url, {
          headers: { Authorization: header, Accept: 'application/json' },
          signal: deadline,
        });
        const json = await readJsonAnswer(response, 'the token check', context);
        const parsed = UserInfoAnswer.safeParse(json);
        if (!parsed.success) throw malformed('the token check', parsed.error);
        const username = parsed.data.username ?? parsed.data.sub ?? parsed.data.email;
        if (username === null || username === undefined) {
          throw new ClearfactsApiError('transient', msg('api_user_unnamed'));
        }
        return { username, email: parsed.data.email ?? null, name: parsed.data.name ?? null };
      });
    });
  }

  async function administrations(signal?: AbortSignal): Promise<Administration[]> {
    const found = new Map<string, Administration>();
    for (let offset = 0; ; offset += ADMINISTRATIONS_PAGE_SIZE) {
      const page = await query(
        ADMINISTRATIONS_PAGE,
        { offset, first: ADMINISTRATIONS_PAGE_SIZE },
        'read_administrations',
        signal,
      );
      const items = page.administrations ?? [];
      let added = 0;
      for (const administration of items.map(toAdministration)) {
        if (administration === null || found.has(administration.companyNumber)) continue;
        found.set(administration.companyNumber, administration);
        added += 1;
      }
      // A short page is the last; a page with nothing new means the server ignores the offset.
      if (items.length < ADMINISTRATIONS_PAGE_SIZE || added === 0) break;
    }
    return [...found.values()];
  }

  async function archiveCategories(
    companyNumber: string,
    signal?: AbortSignal,
  ): Promise<ArchiveCategories> {
    const answer = await query(
      ARCHIVE_CATEGORIES,
      { vatnumber: companyNumber },
      'archive_read',
      signal,
    );
    return {
      various: toCategories(answer.archiveCategories?.various),
      permanent: toCategories(answer.archiveCategories?.permanent),
    };
  }

  async function readScopes(signal?: AbortSignal): Promise<Scope[]> {
    /** True unless Clearfacts answered "Missing scope"; any other refusal means the scope passed. */
    async function granted(probe: () => Promise<unknown>): Promise<boolean> {
      try {
        await probe();
        return true;
      } catch (error) {
        if (!(error instanceof ClearfactsApiError)) throw error;
        if (error.kind === 'missing_scope') return false;
        if (error.kind === 'refused') return true;
        throw error;
      }
    }
    let companyNumber = PROBE_COMPANY_NUMBER;
    const scopes: Scope[] = [];
    const readsAdministrations = await granted(async () => {
      const page = await query(
        ADMINISTRATIONS_PAGE,
        { offset: 0, first: 1 },
        'read_administrations',
        signal,
      );
      companyNumber =
        toAdministration(page.administrations?.[0] ?? null)?.companyNumber ?? companyNumber;
    });
    if (readsAdministrations) scopes.push('read_administrations');
    if (await granted(() => archiveCategories(companyNumber, signal))) scopes.push('archive_read');
    return scopes;
  }

  async function ping(signal?: AbortSignal): Promise<void> {
    try {
      await query(ADMINISTRATIONS_PAGE, { offset: 0, first: 1 }, 'read_administrations', signal);
    } catch (error) {
      if (error instanceof ClearfactsApiError && error.kind !== 'transient') return;
      throw error;
    }
  }

  async function lookUpDocuments(
    uuids: readonly string[],
    signal?: AbortSignal,
  ): Promise<Map<string, DocumentLookup>> {
    if (uuids.length === 0) return new Map();
    if (uuids.length > MAX_DOCUMENTS_PER_REQUEST) {
      throw new RangeError(`at most ${MAX_DOCUMENTS_PER_REQUEST} documents per request`);
    }
    const context: CallContext = { ...DOCUMENT_LOOKUP_CONTEXT, address };
    const header = await authorization();
    return underDeadline(timeoutMs, signal, context, async (deadline, markSent) => {
      markSent();
      try {
        const data = await graphql.request<unknown, Record<string, unknown>>({
          document: documentsQuery(uuids.length),
          variables: documentsVariables(uuids),
          signal: deadline,
          requestHeaders: { Authorization: header },
        });
        return readDocumentAnswers(uuids, data, [], 200);
      } catch (error) {
        if (!(error instanceof ClientError)) throw error;
        const { status, headers, body, data, errors } = error.response;
        if (status < 200 || status >= 300) throw failureFromStatus(status, headers, body, context);
        // Errors on some aliases only: the others' answers still count.
        return readDocumentAnswers(uuids, data, errors, status);
      }
    });
  }

  return {
    userInfo,
    readScopes,
    ping,
    lookUpDocuments,
    administrations,
    archiveCategories,
    uploadInvoice: (request) =>
      upload(
        request,
        UPLOAD_FILE,
        {
          vatnumber: request.companyNumber,
          filename: request.fileName,
          invoicetype: request.invoiceType,
        },
        'upload_document',
        (answer) => answer.uploadFile,
      ),
    uploadArchive: (request) =>
      upload(
        request,
        UPLOAD_ARCHIVE_FILE,
        {
          vatnumber: request.companyNumber,
          filename: request.fileName,
          type: request.archiveType,
          category: request.categoryId,
        },
        'archive_actions',
        (answer) => answer.uploadArchiveFile,
      ),
  };
}
