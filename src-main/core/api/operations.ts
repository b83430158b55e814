// Every GraphQL operation the app sends, each with the zod schema its answer must match. The
// argument forms are the developer docs' (`vatnumber`, `filename`, `invoicetype`), which the live
// API still accepts; `tags` is never sent because the live API breaks on it.
import { z } from 'zod';

/** An operation: its document, the variables it takes (type only) and its answer's schema. */
export interface Operation<Variables extends Record<string, unknown>, Answer extends z.ZodType> {
  readonly name: string;
  readonly document: string;
  readonly answer: Answer;
  /** Never set: carries the variables' type so a call site cannot pass the wrong ones. */
  readonly variables?: Variables;
}

function operation<Variables extends Record<string, unknown>>() {
  return <Answer extends z.ZodType>(
    name: string,
    document: string,
    answer: Answer,
  ): Operation<Variables, Answer> => ({ name, document, answer });
}

export const AdministrationAnswer = z.object({
  name: z.string().nullish(),
  companyNumber: z.string().nullish(),
  accountManager: z.string().nullish(),
});

export const ADMINISTRATIONS_PAGE = operation<{ offset: number; first: number }>()(
  'administrationsPage',
  `query administrationsPage($offset: Int, $first: Int) {
  administrations(offset: $offset, first: $first) { name companyNumber accountManager }
}`,
  z.object({ administrations: z.array(AdministrationAnswer.nullable()).nullable() }),
);

const CategoryList = z.array(z.object({ id: z.string(), name: z.string().nullish() }).nullable());

export const ARCHIVE_CATEGORIES = operation<{ vatnumber: string }>()(
  'archiveCategories',
  `query archiveCategories($vatnumber: String!) {
  archiveCategories(vatnumber: $vatnumber) { various { id name } permanent { id name } }
}`,
  z.object({
    archiveCategories: z
      .object({ various: CategoryList.nullish(), permanent: CategoryList.nullish() })
      .nullable(),
  }),
);

const FileAnswer = z
  .object({ uuid: z.string().min(1), amountOfPages: z.number().int().nonnegative().nullish() })
  .nullish();

export const UPLOAD_FILE = operation<{
  vatnumber: string;
  filename: string;
  invoicetype: 'PURCHASE' | 'SALE';
}>()(
  'uploadFile',
  `mutation uploadFile($vatnumber: String!, $filename: String!, $invoicetype: InvoiceTypeArgument!) {
  uploadFile(vatnumber: $vatnumber, filename: $filename, invoicetype: $invoicetype) { uuid amountOfPages }
}`,
  z.object({ uploadFile: FileAnswer }),
);

export const UPLOAD_ARCHIVE_FILE = operation<{
  vatnumber: string;
  filename: string;
  type: 'VARIOUS' | 'PERMANENT';
  category: string;
}>()(
  'uploadArchiveFile',
  `mutation uploadArchiveFile($vatnumber: String!, $filename: String!, $type: VariousType!, $category: String!) {
  uploadArchiveFile(vatnumber: $vatnumber, filename: $filename, type: $type, category: $category) { uuid amountOfPages }
}`,
  z.object({ uploadArchiveFile: FileAnswer }),
);

/** The GraphQL envelope around an upload's answer (uploads bypass graphql-request). */
export const GraphqlEnvelope = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

/** OIDC userinfo: sub and username always, email and name with the matching scopes. */
export const UserInfoAnswer = z.object({
  sub: z.string().nullish(),
  username: z.string().nullish(),
  email: z.string().nullish(),
  name: z.string().nullish(),
});
