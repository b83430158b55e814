// What every resolver shares: the request context, the GraphQL error a client reads, the scope
// check that comes before anything else, and the administration lookup with its refusals.
import { GraphQLError } from 'graphql';
import { parseCompanyNumber } from './company-number.ts';
import type { EmulatorState, PhantomDocument } from './emulator-state.ts';
import type { ReceivedFilePart } from './multipart-body.ts';
import type { SeedAdministration } from './seed.ts';
import type { TokenRecord } from './tokens.ts';

export interface GraphqlContext {
  state: EmulatorState;
  token: TokenRecord;
  /** The multipart part named `file`, when the request had one. */
  file: ReceivedFilePart | null;
  maxUploadBytes: number;
  /** Numbers the HTTP requests, so the document lookups of one request are grouped. */
  requestNumber: number;
}

export function fail(message: string): never {
  throw new GraphQLError(message);
}

/**
 * Keeps a mutation that arrived without a file as a phantom document, before any check: a refusal
 * is no proof that the live service stored or changed nothing, and a client may send a mutation
 * only to deliver a file (issue #12).
 */
export function notePhantom(
  context: GraphqlContext,
  mutation: PhantomDocument['mutation'],
  args: object,
): void {
  if (context.file !== null) return;
  context.state.recordPhantom({
    mutation,
    variables: { ...args },
    receivedAt: new Date().toISOString(),
  });
}

/** The first acceptable scope is the one named in the refusal. */
export function requireScope(context: GraphqlContext, ...acceptable: [string, ...string[]]): void {
  if (!acceptable.some((scope) => context.token.scopes.has(scope))) {
    fail(`Missing scope: ${acceptable[0]}`);
  }
}

export function administrationFor(
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

export function nonNegativeInteger(value: number | null | undefined, name: string): number {
  if (value === null || value === undefined) return 0;
  if (value < 0) fail(`${name} must be 0 or more, got ${value}.`);
  return value;
}
