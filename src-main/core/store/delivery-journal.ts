// The delivery memory that outlives the history: one JSON line per file Clearfacts confirmed with
// a uuid, appended and fsync'd before the history row says `uploaded`. A history that is lost,
// emptied or damaged is rebuilt from it, so a start-up never sends again what Clearfacts has
// (Clearfacts has no idempotency key; this memory is the only guard).
// Append-only JSON lines: a crash mid-append leaves at most one torn last line, which reading
// skips; every earlier line stays whole.
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { CompanyNumber, Destination, UploadSource } from '../../contract/domain.ts';

export const DeliveryRecord = z.object({
  /** When Clearfacts confirmed it, epoch ms. */
  at: z.number(),
  companyNumber: CompanyNumber,
  /** SHA-256 of the bytes sent, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uuid: z.string().min(1),
  /** Where the file was when it was sent. */
  path: z.string(),
  fileName: z.string(),
  folderId: z.string().nullable(),
  watchRoot: z.string().nullable(),
  source: UploadSource,
  destination: Destination,
  sizeBytes: z.number().int().nullable(),
  mtimeMs: z.number().nullable(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;

/** The journal file beside the history. */
export interface DeliveryJournal {
  /** Appends one record and fsyncs it before returning; throws the file system's error. */
  append(record: DeliveryRecord): void;
  /**
   * Every whole, valid record in the order written, and how many lines were not (a torn last
   * line after a crash, or damage). An absent journal is empty.
   */
  read(): { records: DeliveryRecord[]; damagedLines: number };
}

export function createDeliveryJournal(file: string): DeliveryJournal {
  return {
    append(record) {
      const line = `${JSON.stringify(DeliveryRecord.parse(record))}\n`;
      const descriptor = openSync(file, 'a', 0o600);
      try {
        writeSync(descriptor, line);
        fsyncSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
    },
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
          return { records: [], damagedLines: 0 };
        }
        throw error;
      }
      const records: DeliveryRecord[] = [];
      let damagedLines = 0;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          damagedLines += 1;
          continue;
        }
        const record = DeliveryRecord.safeParse(parsed);
        if (record.success) records.push(record.data);
        else damagedLines += 1;
      }
      return { records, damagedLines };
    },
  };
}
