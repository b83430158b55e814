// The GraphQL side of the emulator: the SDL in schema.graphql executed by graphql-js, with one
// resolver per root field. Each resolver checks its scope first, then its arguments, the way
// the live API answers: GraphQL errors on HTTP 200, internal failures masked.
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
import { administrationResolvers } from './administration-resolvers.ts';
import { associateResolvers } from './associate-resolvers.ts';
import type { GraphqlContext } from './resolver-support.ts';
import { uploadResolvers } from './upload-resolvers.ts';

export type { GraphqlContext } from './resolver-support.ts';

export const schema = buildSchema(
  readFileSync(path.join(import.meta.dirname, 'schema.graphql'), 'utf8'),
);

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

const INTERNAL_SERVER_ERROR = 'Internal server error';

const rootValue = {
  ...associateResolvers,
  ...administrationResolvers,
  ...uploadResolvers,
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
