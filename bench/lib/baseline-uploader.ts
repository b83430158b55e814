// The yardstick for throughput: the least a program can do to deliver the same files to the same
// emulator with the same concurrency. Clearfacts' multipart form (query, variables, file) with
// fetch and a file-backed Blob, no checks, no history, no retries.
import { openAsBlob } from 'node:fs';
import { z } from 'zod';
import type { Destination } from '../../src-main/contract/domain.ts';

export interface BaselineFile {
  path: string;
  name: string;
  companyNumber: string;
  destination: Destination;
}

const UPLOAD_INVOICE = `mutation upload($companyNumber: String!, $filename: String!, $invoicetype: InvoiceTypeArgument!) {
  uploadFile(companyNumber: $companyNumber, filename: $filename, invoicetype: $invoicetype) { uuid amountOfPages }
}`;
const UPLOAD_ARCHIVE = `mutation archive($vatnumber: String!, $filename: String!, $type: VariousType!, $category: String!) {
  uploadArchiveFile(vatnumber: $vatnumber, filename: $filename, type: $type, category: $category) { uuid amountOfPages }
}`;

const UploadAnswer = z.object({
  data: z.record(z.string(), z.object({ uuid: z.string(), amountOfPages: z.number() }).nullable()),
});

function operation(file: BaselineFile): { query: string; variables: Record<string, string> } {
  const destination = file.destination;
  switch (destination.type) {
    case 'purchase':
    case 'sale':
      return {
        query: UPLOAD_INVOICE,
        variables: {
          companyNumber: file.companyNumber,
          filename: file.name,
          invoicetype: destination.type === 'purchase' ? 'PURCHASE' : 'SALE',
        },
      };
    case 'various':
    case 'permanent':
      return {
        query: UPLOAD_ARCHIVE,
        variables: {
          vatnumber: file.companyNumber,
          filename: file.name,
          type: destination.type === 'various' ? 'VARIOUS' : 'PERMANENT',
          category: destination.categoryId,
        },
      };
  }
}

async function postOne(graphqlUrl: string, token: string, file: BaselineFile): Promise<string> {
  const { query, variables } = operation(file);
  const form = new FormData();
  form.append('query', query);
  form.append('variables', JSON.stringify(variables));
  form.append('file', await openAsBlob(file.path, { type: 'application/pdf' }), file.name);
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const answer = UploadAnswer.parse(await response.json());
  const uploaded = Object.values(answer.data)[0];
  if (!response.ok || uploaded === null || uploaded === undefined) {
    throw new Error(`baseline upload of ${file.name} failed with HTTP ${response.status}`);
  }
  return uploaded.uuid;
}

/** Posts every file, `concurrency` at a time; resolves with the elapsed milliseconds. */
export async function runBaseline(
  graphqlUrl: string,
  token: string,
  files: readonly BaselineFile[],
  concurrency: number,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next] as BaselineFile;
      next += 1;
      await postOne(graphqlUrl, token, file);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return performance.now() - started;
}
