// The invoice inside a Peppol envelope, written out as a document of its own: what is sent to
// Clearfacts in place of the envelope. The same characters always give the same bytes (UTF-8,
// one fixed declaration), so the SHA-256 the check computes is the SHA-256 of what is later sent.
import { createHash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Sink for the inner invoice's text; `write` is synchronous (SAX callbacks). */
export interface InnerInvoiceSink {
  write(text: string): void;
  flush(): Promise<void>;
  /** The SHA-256 (hex) of the whole document written. */
  finish(): Promise<string>;
  discard(): Promise<void>;
}

/** Hashes the inner invoice, and writes it to `outputPath` when that is not null. */
export function createInnerInvoiceSink(outputPath: string | null): InnerInvoiceSink {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let handle: FileHandle | null = null;

  const write = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    hash.update(bytes);
    if (outputPath !== null) pending.push(bytes);
  };
  const flush = async () => {
    if (outputPath === null || pending.length === 0) return;
    handle ??= await open(outputPath, 'w', 0o600);
    const buffers = pending;
    pending = [];
    await handle.writev(buffers);
  };
  write(DECLARATION);

  return {
    write,
    flush,
    async finish() {
      await flush();
      await handle?.close();
      handle = null;
      return hash.digest('hex');
    },
    async discard() {
      pending = [];
      await handle?.close();
      handle = null;
      if (outputPath !== null) await rm(outputPath, { force: true });
    },
  };
}
