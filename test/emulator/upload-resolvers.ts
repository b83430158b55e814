// The upload mutations and the document lookup. Each upload is checked in the service's order
// (scope, arguments, administration, destination, then the file itself) and only stored when
// everything passes, so a refused upload leaves no trace.
import { randomUUID } from 'node:crypto';
import { inspectDocument } from './content-check.ts';
import type { ReceivedUpload } from './emulator-state.ts';
import { administrationFor, fail, notePhantom, requireScope } from './resolver-support.ts';
import type { GraphqlContext } from './resolver-support.ts';
import type { SeedAdministration, SeedCategory } from './seed.ts';

function validFilename(filename: string): string {
  const trimmed = filename.trim();
  if (trimmed === '') fail('filename must not be empty.');
  if (trimmed.length > 255) fail('filename must be at most 255 characters long.');
  return trimmed;
}

function formatMebibytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
}

/** Checks the uploaded part the way the service does and returns what it found. */
async function acceptedFile(
  context: GraphqlContext,
): Promise<{ sha256: string; bytes: number; pages: number; xml: ReceivedUpload['xml'] }> {
  const file = context.file;
  if (file === null) {
    fail('No file received: send the document as the multipart/form-data part named "file".');
  }
  if (file.truncated) {
    fail(
      `The file is too large: the maximum upload size is ${formatMebibytes(context.maxUploadBytes)} ` +
        `(${context.maxUploadBytes} bytes).`,
    );
  }
  if (file.bytes === 0) fail('The file is empty.');
  const verdict = await inspectDocument(file.path);
  if (!verdict.accepted) fail(verdict.reason);
  return { sha256: file.sha256, bytes: file.bytes, pages: verdict.pages, xml: verdict.xml ?? null };
}

function fileAnswer(upload: ReceivedUpload): Record<string, unknown> {
  return {
    uuid: upload.uuid,
    name: upload.filename,
    amountOfPages: upload.pages,
    comment: upload.comment,
    tags: null,
  };
}

interface UploadFileArguments {
  companyNumber?: string | null;
  vatnumber?: string | null;
  filename: string;
  comment?: string | null;
  tags?: (string | null)[] | null;
  invoicetype?: 'PURCHASE' | 'SALE' | 'VARIOUS' | null;
  journal?: string | null;
}

interface UploadArchiveFileArguments {
  vatnumber: string;
  filename: string;
  type: 'VARIOUS' | 'PERMANENT';
  category: string;
}

/** The newer `companyNumber` or the deprecated `vatnumber`; both must agree when both are sent. */
function uploadAdministration(
  context: GraphqlContext,
  args: UploadFileArguments,
): SeedAdministration {
  const { companyNumber, vatnumber } = args;
  if (companyNumber !== null && companyNumber !== undefined) {
    const administration = administrationFor(context, companyNumber, 'companyNumber');
    if (
      vatnumber !== null &&
      vatnumber !== undefined &&
      administrationFor(context, vatnumber, 'vatnumber').companyNumber !==
        administration.companyNumber
    ) {
      fail('companyNumber and vatnumber name different administrations: send only companyNumber.');
    }
    return administration;
  }
  if (vatnumber !== null && vatnumber !== undefined) {
    return administrationFor(context, vatnumber, 'vatnumber');
  }
  fail('companyNumber is required: the administration to upload to.');
}

export const uploadResolvers = {
  document(args: { id: string }, context: GraphqlContext) {
    requireScope(context, 'upload_document');
    const now = Date.now();
    context.state.noteDocumentLookup(context.requestNumber, args.id, now);
    const failure = context.state.documentFailure(args.id);
    if (failure !== undefined && failure.field === null) fail(failure.message);
    const view = context.state.documentView(args.id, now);
    if (view === undefined) fail(`Document "${args.id}" not found.`);
    const { upload, stage, date } = view;
    const answer: Record<string, unknown> = {
      __typename: upload.kind === 'invoice' ? 'InvoiceDocument' : 'ArchiveDocument',
      file: fileAnswer(upload),
      date: upload.kind === 'archive' ? upload.receivedAt.slice(0, 10) : date,
      comment: upload.comment,
      type: upload.invoiceType,
      paymentState: stage === 'received' ? null : stage === 'paid' ? 'PAID' : 'UNPAID',
    };
    // graphql-js calls a function in place of a value: its throw is that field's error alone,
    // the field null and the rest of the document answered.
    if (failure?.field) answer[failure.field] = () => fail(failure.message);
    return answer;
  },

  async uploadFile(args: UploadFileArguments, context: GraphqlContext) {
    notePhantom(context, 'uploadFile', args);
    requireScope(context, 'upload_document');
    if (args.tags !== null && args.tags !== undefined) {
      // The live API breaks on tags (HTTP 200, "Internal server error", uploadFile: null).
      throw new Error('tags are not supported by the upload pipeline');
    }
    const administration = uploadAdministration(context, args);
    const filename = validFilename(args.filename);
    const journal = args.journal ?? null;
    if (
      journal !== null &&
      !administration.journals.some((candidate) => candidate.id === journal)
    ) {
      fail(
        `Unknown journal "${journal}" for administration ${administration.companyNumber}; ` +
          `known journals: ${administration.journals.map((candidate) => candidate.id).join(', ')}.`,
      );
    }
    const file = await acceptedFile(context);
    const upload: ReceivedUpload = {
      uuid: randomUUID().toUpperCase(),
      companyNumber: administration.companyNumber,
      kind: 'invoice',
      invoiceType: args.invoicetype ?? null,
      archiveType: null,
      categoryId: null,
      filename,
      sha256: file.sha256,
      bytes: file.bytes,
      pages: file.pages,
      xml: file.xml,
      comment: args.comment ?? null,
      journal,
      receivedAt: new Date().toISOString(),
    };
    context.state.record(upload);
    return fileAnswer(upload);
  },

  async uploadArchiveFile(args: UploadArchiveFileArguments, context: GraphqlContext) {
    notePhantom(context, 'uploadArchiveFile', args);
    requireScope(context, 'archive_actions', 'archive');
    const administration = administrationFor(context, args.vatnumber, 'vatnumber');
    const filename = validFilename(args.filename);
    const ofType: SeedCategory[] =
      args.type === 'VARIOUS'
        ? administration.categories.various
        : administration.categories.permanent;
    if (!ofType.some((category) => category.id === args.category)) {
      const ofOtherType =
        args.type === 'VARIOUS'
          ? administration.categories.permanent
          : administration.categories.various;
      fail(
        ofOtherType.some((category) => category.id === args.category)
          ? `Category "${args.category}" is not a ${args.type} archive category of administration ` +
              `${administration.companyNumber}: it belongs to the other archive.`
          : `Unknown category "${args.category}": it is not an archive category of administration ` +
              `${administration.companyNumber}.`,
      );
    }
    const file = await acceptedFile(context);
    const upload: ReceivedUpload = {
      uuid: randomUUID().toUpperCase(),
      companyNumber: administration.companyNumber,
      kind: 'archive',
      invoiceType: null,
      archiveType: args.type,
      categoryId: args.category,
      filename,
      sha256: file.sha256,
      bytes: file.bytes,
      pages: file.pages,
      xml: file.xml,
      comment: null,
      journal: null,
      receivedAt: new Date().toISOString(),
    };
    context.state.record(upload);
    return fileAnswer(upload);
  },
};
