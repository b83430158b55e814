// The GraphQL side of the emulator: the SDL in schema.graphql executed by graphql-js, with one
// resolver per root field. Each resolver checks its scope first, then its arguments, the way
// the live API answers: GraphQL errors on HTTP 200, internal failures masked.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  execute,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { DocumentNode, ExecutionResult, GraphQLFormattedError } from 'graphql';
import { parseCompanyNumber } from './company-number.ts';
import { inspectDocument } from './content-check.ts';
import type { AppInfo, EmulatorState, ReceivedUpload } from './emulator-state.ts';
import type { ReceivedFilePart } from './multipart-body.ts';
import type { SeedAdministration, SeedAssociate, SeedCategory } from './seed.ts';
import type { TokenRecord } from './tokens.ts';

export const schema = buildSchema(
  readFileSync(path.join(import.meta.dirname, 'schema.graphql'), 'utf8'),
);

export interface GraphqlContext {
  state: EmulatorState;
  token: TokenRecord;
  /** The multipart part named `file`, when the request had one. */
  file: ReceivedFilePart | null;
  maxUploadBytes: number;
}

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

const CUSTOMERS_PER_PAGE = 100;
const INTERNAL_SERVER_ERROR = 'Internal server error';

function fail(message: string): never {
  throw new GraphQLError(message);
}

/** The first acceptable scope is the one named in the refusal. */
function requireScope(context: GraphqlContext, ...acceptable: [string, ...string[]]): void {
  if (!acceptable.some((scope) => context.token.scopes.has(scope))) {
    fail(`Missing scope: ${acceptable[0]}`);
  }
}

function administrationFor(
  context: GraphqlContext,
  value: string,
  argumentName: 'companyNumber' | 'vatnumber',
): SeedAdministration {
  const allowVatPrefix = argumentName === 'vatnumber';
  const companyNumber = parseCompanyNumber(value.trim(), { allowVatPrefix });
  if (companyNumber === null) {
    fail(
      `Invalid ${argumentName} "${value}": expected a Belgian company number of 10 digits ` +
        `starting with 0, like 0412345614${allowVatPrefix ? ' (or BE0412345614)' : ''}.`,
    );
  }
  const access = context.state.administrationAccess(companyNumber);
  if (access.status === 'unknown') {
    fail(
      `Unknown administration: there is no administration with company number ${companyNumber}.`,
    );
  }
  if (access.status === 'inaccessible') {
    fail(`Access denied: you have no access to the administration ${companyNumber}.`);
  }
  return access.administration;
}

function nonNegativeInteger(value: number | null | undefined, name: string): number {
  if (value === null || value === undefined) return 0;
  if (value < 0) fail(`${name} must be 0 or more, got ${value}.`);
  return value;
}

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
): Promise<{ sha256: string; bytes: number; pages: number }> {
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
  return { sha256: file.sha256, bytes: file.bytes, pages: verdict.pages };
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

function associateAnswer(
  context: GraphqlContext,
  associate: SeedAssociate,
  plainPassword: string | null = null,
): Record<string, unknown> {
  const groups = context.state.seed.associateGroups;
  return {
    id: associate.id,
    firstName: associate.firstName,
    lastName: associate.lastName,
    email: associate.email,
    type: associate.type,
    active: associate.active,
    language: associate.language,
    associateGroups: associate.associateGroupIds.flatMap((id) =>
      groups.filter((group) => group.id === id),
    ),
    plainPassword,
  };
}

function associateGroupIds(
  context: GraphqlContext,
  groups: { id: string }[] | null | undefined,
): string[] | undefined {
  if (groups === null || groups === undefined) return undefined;
  return groups.map(({ id }) => {
    if (!context.state.seed.associateGroups.some((group) => group.id === id)) {
      fail(`Unknown associate group "${id}".`);
    }
    return id;
  });
}

function monthsBetween(startPeriod: string, endPeriod: string): string[] {
  const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
  const start = datePattern.exec(startPeriod);
  const end = datePattern.exec(endPeriod);
  if (start === null) fail(`startPeriod must be a date like 2025-01-01, got "${startPeriod}".`);
  if (end === null) fail(`endPeriod must be a date like 2025-12-31, got "${endPeriod}".`);
  let year = Number(start[1]);
  let month = Number(start[2]);
  const endYear = Number(end[1]);
  const endMonth = Number(end[2]);
  if (year * 12 + month > endYear * 12 + endMonth) fail('startPeriod must not be after endPeriod.');
  const periods: string[] = [];
  while (year * 12 + month <= endYear * 12 + endMonth && periods.length < 240) {
    periods.push(`${String(month).padStart(2, '0')}/${year}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return periods;
}

/** A stable, plausible monthly count per administration, statistic and period. */
function statisticValue(companyNumber: string, type: string, period: string): number {
  let hash = 0;
  for (const character of `${companyNumber}/${type}/${period}`) {
    hash = (Math.imul(hash, 31) + character.charCodeAt(0)) >>> 0;
  }
  return type === 'AIR' ? hash % 60 : hash % 90;
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

interface AssociateArgument {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  type?: string | null;
  associateGroups?: { id: string }[] | null;
  active?: boolean | null;
  language?: string | null;
  sendActivationMail?: boolean | null;
}

interface UpdateAppInfoArguments {
  vatnumber: string;
  imageUrl?: string | null;
  emailaddress?: string | null;
  badge?: { text?: string | null; textColor?: string | null; color?: string | null } | null;
  icon?: { type?: string | null; color?: string | null } | null;
}

const rootValue = {
  accountant(_args: unknown, context: GraphqlContext) {
    requireScope(context, 'accountant');
    return context.state.seed.accountant;
  },

  associates(_args: unknown, context: GraphqlContext) {
    requireScope(context, 'associate_read');
    return context.state.associates.map((associate) => associateAnswer(context, associate));
  },

  associateGroups(_args: unknown, context: GraphqlContext) {
    requireScope(context, 'associate_read');
    return context.state.seed.associateGroups;
  },

  administrations(
    args: { offset?: number | null; first?: number | null },
    context: GraphqlContext,
  ) {
    requireScope(context, 'read_administrations');
    const offset = nonNegativeInteger(args.offset, 'offset');
    const all = context.state.seed.administrations;
    if (args.first === null || args.first === undefined) return all.slice(offset);
    if (args.first < 1) fail(`first must be 1 or more, got ${args.first}.`);
    return all.slice(offset, offset + args.first);
  },

  administration(args: { companyNumber: string }, context: GraphqlContext) {
    requireScope(context, 'read_administrations');
    return administrationFor(context, args.companyNumber, 'companyNumber');
  },

  document(args: { id: string }, context: GraphqlContext) {
    requireScope(context, 'upload_document');
    const upload = context.state.upload(args.id);
    if (upload === undefined) fail(`Document "${args.id}" not found.`);
    return {
      __typename: upload.kind === 'invoice' ? 'InvoiceDocument' : 'ArchiveDocument',
      file: fileAnswer(upload),
      date: upload.receivedAt.slice(0, 10),
      comment: upload.comment,
      type: upload.invoiceType,
      paymentState: 'UNPAID',
    };
  },

  archiveCategories(args: { vatnumber: string }, context: GraphqlContext) {
    requireScope(context, 'archive_read', 'archive');
    return administrationFor(context, args.vatnumber, 'vatnumber').categories;
  },

  journals(args: { companyNumber: string }, context: GraphqlContext) {
    requireScope(context, 'journal_read');
    return administrationFor(context, args.companyNumber, 'companyNumber').journals;
  },

  customers(args: { companyNumber: string; offset?: number | null }, context: GraphqlContext) {
    requireScope(context, 'contact_read');
    const administration = administrationFor(context, args.companyNumber, 'companyNumber');
    const offset = nonNegativeInteger(args.offset, 'offset');
    return administration.customers.slice(offset, offset + CUSTOMERS_PER_PAGE);
  },

  getCompanyStatistics(
    args: { type: string; startPeriod: string; endPeriod: string },
    context: GraphqlContext,
  ) {
    requireScope(context, 'statistics');
    if (args.type !== 'AIR' && args.type !== 'processing') {
      fail(`Unknown statistics type "${args.type}": use AIR or processing.`);
    }
    const periods = monthsBetween(args.startPeriod, args.endPeriod);
    return context.state.seed.administrations.map((administration) => ({
      companyNumber: `BE${administration.companyNumber}`,
      items: periods.map((period) => ({
        period,
        value: statisticValue(administration.companyNumber, args.type, period),
      })),
    }));
  },

  addAssociate(args: { associate: Required<AssociateArgument> }, context: GraphqlContext) {
    requireScope(context, 'associate_actions');
    const input = args.associate;
    const email = (input.email ?? '').trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      fail(`"${input.email}" is not an e-mail address.`);
    if (context.state.associates.some((associate) => associate.email === email)) {
      fail(`An associate with e-mail address ${email} already exists.`);
    }
    const associate: SeedAssociate = {
      id: randomUUID(),
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      email,
      type: input.type ?? 'USER',
      active: input.active ?? true,
      language: input.language ?? 'nl_BE',
      associateGroupIds: associateGroupIds(context, input.associateGroups) ?? [],
    };
    context.state.associates.push(associate);
    return associateAnswer(context, associate, randomBytes(12).toString('base64url'));
  },

  editAssociate(args: { id: string; associate: AssociateArgument }, context: GraphqlContext) {
    requireScope(context, 'associate_actions');
    const associate = context.state.associates.find((candidate) => candidate.id === args.id);
    if (associate === undefined) fail(`Associate "${args.id}" not found.`);
    const input = args.associate;
    associate.firstName = input.firstName ?? associate.firstName;
    associate.lastName = input.lastName ?? associate.lastName;
    associate.email = input.email?.trim().toLowerCase() ?? associate.email;
    associate.type = input.type ?? associate.type;
    associate.active = input.active ?? associate.active;
    associate.language = input.language ?? associate.language;
    associate.associateGroupIds =
      associateGroupIds(context, input.associateGroups) ?? associate.associateGroupIds;
    return associateAnswer(context, associate);
  },

  async uploadFile(args: UploadFileArguments, context: GraphqlContext) {
    requireScope(context, 'upload_document');
    if (args.tags !== null && args.tags !== undefined) {
      // The live API breaks on tags (HTTP 200, "Internal server error", uploadFile: null).
      throw new Error('tags are not supported by the upload pipeline');
    }
    const given = args.companyNumber ?? args.vatnumber ?? null;
    if (given === null) fail('companyNumber is required: the administration to upload to.');
    const administration =
      args.companyNumber !== null && args.companyNumber !== undefined
        ? administrationFor(context, args.companyNumber, 'companyNumber')
        : administrationFor(context, given, 'vatnumber');
    if (args.companyNumber && args.vatnumber) {
      const other = administrationFor(context, args.vatnumber, 'vatnumber');
      if (other.companyNumber !== administration.companyNumber) {
        fail(
          'companyNumber and vatnumber name different administrations: send only companyNumber.',
        );
      }
    }
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
      comment: args.comment ?? null,
      journal,
      receivedAt: new Date().toISOString(),
    };
    context.state.record(upload);
    return fileAnswer(upload);
  },

  async uploadArchiveFile(args: UploadArchiveFileArguments, context: GraphqlContext) {
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
      comment: null,
      journal: null,
      receivedAt: new Date().toISOString(),
    };
    context.state.record(upload);
    return fileAnswer(upload);
  },

  updateAppInfo(args: UpdateAppInfoArguments, context: GraphqlContext) {
    requireScope(context, 'read_administrations');
    const administration = administrationFor(context, args.vatnumber, 'vatnumber');
    const previous = context.state.appInfo.get(administration.companyNumber);
    const info: AppInfo = {
      vatnumber: args.vatnumber,
      imageUrl: args.imageUrl ?? previous?.imageUrl ?? null,
      emailaddress: args.emailaddress ?? previous?.emailaddress ?? null,
      badge:
        args.badge === null || args.badge === undefined
          ? (previous?.badge ?? null)
          : {
              text: args.badge.text ?? null,
              textColor: args.badge.textColor ?? null,
              color: args.badge.color ?? null,
            },
      icon:
        args.icon === null || args.icon === undefined
          ? (previous?.icon ?? null)
          : { type: args.icon.type ?? null, color: args.icon.color ?? null },
    };
    context.state.appInfo.set(administration.companyNumber, info);
    return info;
  },
};

/** Internal failures are masked like a production PHP GraphQL server does. */
function formatError(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  const internal =
    error.originalError !== undefined && !(error.originalError instanceof GraphQLError);
  return internal ? { ...formatted, message: INTERNAL_SERVER_ERROR } : formatted;
}

export interface GraphqlResponseBody {
  errors?: GraphQLFormattedError[];
  data?: unknown;
}

function bodyOf(result: ExecutionResult): GraphqlResponseBody {
  return {
    ...(result.errors === undefined ? {} : { errors: result.errors.map(formatError) }),
    ...(result.data === undefined ? {} : { data: result.data }),
  };
}

export async function executeGraphql(
  request: GraphqlRequest,
  context: GraphqlContext,
  options: { introspection: boolean },
): Promise<GraphqlResponseBody> {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error.toJSON()] };
    throw error;
  }
  const rules = options.introspection
    ? specifiedRules
    : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const validationErrors = validate(schema, document, rules);
  if (validationErrors.length > 0) return { errors: validationErrors.map(formatError) };
  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: context,
    variableValues: request.variables,
    operationName: request.operationName,
  });
  return bodyOf(result);
}
