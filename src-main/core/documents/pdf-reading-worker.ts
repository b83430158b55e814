// The check worker's body: reads PDFs with pdf.js one message at a time. It lives in its own
// thread so a file that costs seconds or hundreds of MB never blocks the engine's event loop,
// and so the service can end it (and everything it allocated) when a file goes over budget.
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { PdfReadRequest, type PdfReadReply } from './pdf-reading.ts';
import { readPdfWithPdfjs } from './pdfjs-reader.ts';

// A worker's console writes to the process's stdout and stderr, the CLI's own output. pdf.js
// is quiet at verbosity 0, but a worker must not rely on a library's defaults for that.
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
globalThis.console = new Console({ stdout: discard, stderr: discard });

const port = parentPort;
if (port === null) throw new Error('pdf-reading-worker.ts runs only as a worker thread');

port.on('message', (message: unknown) => {
  const request = PdfReadRequest.safeParse(message);
  // Only the service posts here; anything malformed has no id to answer, and the service's
  // time budget ends its wait.
  if (!request.success) return;
  void readPdfWithPdfjs(request.data.bytes).then((reading) => {
    const reply: PdfReadReply = { id: request.data.id, reading };
    port.postMessage(reply);
  });
});
// pdf.js runs its parser through a "fake worker" in this thread, imported on first use (a
// second or more of loading); importing it here keeps that out of the first file's time budget.
// `globalThis.pdfjsWorker` is where pdf.js looks for an already loaded one.
Object.assign(globalThis, { pdfjsWorker: await import('pdfjs-dist/legacy/build/pdf.worker.mjs') });
const ready: PdfReadReply = { ready: true };
port.postMessage(ready);
