// Helpers for tests against the emulator: start one per test on port 0 (closed by t.after), and
// talk to it over real HTTP with fetch, as any client would.
import type { TestContext } from 'node:test';
import { z } from 'zod';
import { startEmulator } from './index.ts';
import type { Emulator, EmulatorOptions } from './index.ts';

export async function startTestEmulator(
  t: TestContext,
  options: EmulatorOptions = {},
): Promise<Emulator> {
  const emulator = await startEmulator(options);
  t.after(() => emulator.close());
  return emulator;
}

export const GraphqlAnswer = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
export type GraphqlAnswer = z.infer<typeof GraphqlAnswer>;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export async function postGraphql(
  emulator: Emulator,
  query: string,
  variables: Record<string, unknown> = {},
  token: string = emulator.demoToken,
): Promise<HttpAnswer> {
  const response = await fetch(emulator.graphqlUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A GraphQL call expected to come back on HTTP 200, parsed. */
export async function graphql(
  emulator: Emulator,
  query: string,
  variables: Record<string, unknown> = {},
  token: string = emulator.demoToken,
): Promise<GraphqlAnswer> {
  const answer = await postGraphql(emulator, query, variables, token);
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text}`);
  return GraphqlAnswer.parse(JSON.parse(answer.text));
}

export interface UploadForm {
  query: string;
  variables: Record<string, unknown>;
  file?: { bytes: Uint8Array; filename: string; type?: string };
  token?: string;
  signal?: AbortSignal;
}

/** Clearfacts' upload form (query, variables as JSON, file) sent with Node's FormData. */
export async function postUpload(emulator: Emulator, form: UploadForm): Promise<HttpAnswer> {
  const body = new FormData();
  body.set('query', form.query);
  body.set('variables', JSON.stringify(form.variables));
  if (form.file !== undefined) {
    body.set(
      'file',
      new Blob([form.file.bytes], { type: form.file.type ?? 'application/octet-stream' }),
      form.file.filename,
    );
  }
  const response = await fetch(emulator.graphqlUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${form.token ?? emulator.demoToken}` },
    body,
    signal: form.signal,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export async function upload(emulator: Emulator, form: UploadForm): Promise<GraphqlAnswer> {
  const answer = await postUpload(emulator, form);
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text}`);
  return GraphqlAnswer.parse(JSON.parse(answer.text));
}

/** The newer uploadFile form the app uses. */
export const UPLOAD_INVOICE = `mutation upload($companyNumber: String!, $filename: String!, $type: InvoiceTypeArgument!) {
  uploadFile(companyNumber: $companyNumber, filename: $filename, invoicetype: $type) { uuid amountOfPages }
}`;

export const UPLOAD_ARCHIVE = `mutation upload($vatnumber: String!, $filename: String!, $type: VariousType!, $category: String!) {
  uploadArchiveFile(vatnumber: $vatnumber, filename: $filename, type: $type, category: $category) { uuid amountOfPages }
}`;

export function onlyErrorMessage(answer: GraphqlAnswer): string {
  if (answer.errors?.length !== 1) {
    throw new Error(`expected exactly one error, got ${JSON.stringify(answer)}`);
  }
  return answer.errors[0]?.message ?? '';
}
