// Memory of an e-invoice with a large embedded PDF: the engine's resident set idle, then its
// peak while it checks a 15 MB UBL file (streams, summarises, decodes the PDF), and apart from
// that its peak while it sends it. The kernel's peak is reset after the idle reading, so start-up
// does not count, and again when the row turns `uploading`, so the send has a peak of its own.
// The UBL schema validator runs in a child process of the engine: its own peak is read apart.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  pdfOfSize,
  sampleInvoice,
  writeUblWithPdf,
} from '../../test/fixtures/e-invoice-builder.ts';
import { manyPurchaseBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess } from '../lib/engine-process.ts';
import { childProcessesRunning, peakResidentBytes, residentBytes } from '../lib/process-stats.ts';

export interface EInvoiceMemoryResult {
  fileBytes: number;
  embeddedPdfBytes: number;
  idleRssBytes: number;
  /** Peak from the file's arrival until its row turned `uploading`: the gate and the check. */
  checkPeakRssBytes: number;
  /** Peak from `uploading` until the uuid was stored: the multipart upload. */
  sendPeakRssBytes: number;
  /**
   * Peak RSS of the UBL schema validator, the engine's child process (ubl-schema-process), still
   * running in its idle minute after the file; null when none was found.
   */
  validatorPeakRssBytes: number | null;
  state: string;
}

/** Lets start-up work finish, so the idle reading is the engine at rest. */
const SETTLE_MS = 2_000;
/** How long the check and upload of one file may take before the bench gives up. */
const SETTLE_DEADLINE_MS = 120_000;

/** 11 MiB of PDF is 15 MB of base64 in the UBL, under the 20 MiB upload limit. */
const EMBEDDED_PDF_BYTES = 11 * 1024 * 1024;

export async function measureEInvoiceMemory(
  emulator: EmulatorProcess,
  workDir: string,
): Promise<EInvoiceMemoryResult> {
  const [binding] = manyPurchaseBindings(path.join(workDir, 'e-invoice-watched'), 1);
  if (binding === undefined) throw new Error('no binding');
  await mkdir(binding.path, { recursive: true });
  const staged = path.join(workDir, 'e-invoice-large.xml');
  // Addressed to the folder's administration, or routing would hold it (issue #18).
  const customer = {
    name: 'Bench BV',
    companyNumber: binding.companyNumber,
    vatNumber: `BE${binding.companyNumber}`,
  };
  await writeUblWithPdf(staged, sampleInvoice({ customer }), pdfOfSize(EMBEDDED_PDF_BYTES));
  const engine = startEngineProcess({
    configDir: path.join(workDir, 'e-invoice-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    settings: {},
    folders: [binding],
  });
  try {
    await engine.ready;
    await engine.whenIdle();
    await delay(SETTLE_MS);
    const idleRssBytes = await residentBytes(engine.pid);
    // "5" resets the kernel's peak RSS (VmHWM) to the current RSS (proc(5), clear_refs).
    await writeFile(`/proc/${engine.pid}/clear_refs`, '5');
    let checkPeakRssBytes: Promise<number> | null = null;
    engine.onUploading((message) => {
      if (message.fileName !== 'large-e-invoice.xml') return;
      // Read the check's peak, then let the send start its own from the resident set now.
      checkPeakRssBytes = peakResidentBytes(engine.pid).then(async (peak) => {
        await writeFile(`/proc/${engine.pid}/clear_refs`, '5');
        return peak;
      });
    });
    const settled = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for the 15 MB UBL to be checked and sent')),
        SETTLE_DEADLINE_MS,
      );
      // Stored: the uuid was written; settled: it ended without one (refused, duplicate).
      engine.onStored((message) => {
        if (message.fileName !== 'large-e-invoice.xml') return;
        clearTimeout(timer);
        resolve('uploaded');
      });
      engine.onSettled((message) => {
        if (message.fileName !== 'large-e-invoice.xml') return;
        clearTimeout(timer);
        resolve(`${message.state}: ${message.reason ?? ''}`);
      });
    });
    const bytes = await readFile(staged);
    await writeFile(path.join(binding.path, 'large-e-invoice.xml'), bytes);
    const state = await settled;
    const sendPeakRssBytes = await peakResidentBytes(engine.pid);
    const [validator] = await childProcessesRunning(engine.pid, 'ubl-schema-process');
    const validatorPeakRssBytes =
      validator === undefined ? null : await peakResidentBytes(validator);
    return {
      fileBytes: bytes.length,
      embeddedPdfBytes: EMBEDDED_PDF_BYTES,
      idleRssBytes,
      checkPeakRssBytes: (await checkPeakRssBytes) ?? sendPeakRssBytes,
      sendPeakRssBytes,
      validatorPeakRssBytes,
      state,
    };
  } finally {
    await engine.stop();
  }
}
