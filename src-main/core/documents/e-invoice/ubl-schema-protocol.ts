// What the engine and the UBL 2.1 schema validator process (ubl-schema-process.ts) say to each
// other over the child's IPC channel, checked with zod on both sides: a process boundary.
import { z } from 'zod';

/** The two UBL 2.1 documents Clearfacts takes, by their root element. */
export const UblRoot = z.enum(['Invoice', 'CreditNote']);
export type UblRoot = z.infer<typeof UblRoot>;

/** engine → validator: one invoice's copy (without its attachment, schema-copy.ts) to validate. */
export const SchemaRequest = z.object({
  id: z.number().int().positive(),
  root: UblRoot,
  xml: z.string(),
});
export type SchemaRequest = z.infer<typeof SchemaRequest>;

/** One libxml2 schema error: its sentence (English, never shown) and 1-based line. */
export const SchemaError = z.object({
  message: z.string(),
  line: z.number().int().nonnegative(),
});
export type SchemaError = z.infer<typeof SchemaError>;

/**
 * validator → engine: `ready` once libxml2 is loaded (start-up is not charged to a file's time
 * budget), then one answer per request, by id: the schema errors (empty: valid), or `unreadable`
 * when libxml2 cannot parse the copy at all. `rssBytes` is the validator's resident memory after
 * the file, so the engine can replace a validator that grew past its budget.
 */
export const SchemaReply = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({
    id: z.number().int().positive(),
    outcome: z.enum(['checked', 'unreadable']),
    errors: z.array(SchemaError),
    rssBytes: z.number().nonnegative(),
  }),
]);
export type SchemaReply = z.infer<typeof SchemaReply>;
