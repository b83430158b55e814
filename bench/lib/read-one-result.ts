// What bench/lib/read-one-pdf.ts prints for one PDF read in its own process.
import { z } from 'zod';

export const ReadOneResult = z.object({
  pages: z.number().nullable(),
  /** Wall time of the read itself, ms. */
  ms: z.number(),
  /** Peak RSS of the whole reading process (main thread and worker), bytes. */
  peakRssBytes: z.number(),
  failure: z.string().nullable(),
});
export type ReadOneResult = z.infer<typeof ReadOneResult>;
