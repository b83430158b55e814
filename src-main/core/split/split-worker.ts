// The split worker's body: splits or previews one batch per message (split-batch.ts), or draws
// the first pages of a PDF History previews. Reading
// codes means decoding or rendering every page, seconds of CPU for a long batch, so it runs in its
// own thread, below the engine's priority where the OS allows it (thread-priority.ts), and the
// engine's event loop keeps serving every other folder meanwhile.
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { prepareBarcodeReader } from './barcode-reader.ts';
import { GiveWayData, waitForOtherFiles } from './give-way.ts';
import { pageThumbnails, previewBatch, setBeforeEachStep, splitBatch } from './split-batch.ts';
import { SplitRequest, type SplitReply } from './split-protocol.ts';
import { lowerThisThreadPriority } from './thread-priority.ts';

// A worker's console writes to the process's stdout, the CLI's own output (and `separator-sheet`
// writes a PDF there): pdf.js warnings must not end up in it.
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
globalThis.console = new Console({ stdout: discard, stderr: discard });

const port = parentPort;
if (port === null) throw new Error('split-worker.ts runs only as a worker thread');

/** ms waited for other files since the current task began (one task at a time). */
let gaveWayMs = 0;
/**
 * Whether the current task gives way: a batch's split or preview does; History's pictures of a
 * file's first pages do not, since the user waits for them and six pages are no batch.
 */
let givesWay = false;
const giveWay = GiveWayData.safeParse(workerData);
// A worker started without the shared count (a test's) splits without waiting.
if (giveWay.success) {
  const data = giveWay.data;
  setBeforeEachStep(() => {
    if (givesWay) gaveWayMs += waitForOtherFiles(data);
  });
}

port.on('message', (message: unknown) => {
  const request = SplitRequest.safeParse(message);
  // Only the service posts here; its time budget ends the wait for anything malformed.
  if (!request.success) return;
  const { id, bytes } = request.data;
  gaveWayMs = 0;
  givesWay = request.data.task !== 'thumbnails';
  if (request.data.task === 'thumbnails') {
    void pageThumbnails(bytes, request.data.maxPages).then((thumbnails) => {
      const reply: SplitReply = { id, thumbnails };
      port.postMessage(reply);
    });
    return;
  }
  const { mode } = request.data;
  if (request.data.task === 'preview') {
    void previewBatch(bytes, mode).then((preview) => {
      const reply: SplitReply = { id, preview };
      port.postMessage(reply);
    });
    return;
  }
  void splitBatch(bytes, mode, request.data.choice).then((result) => {
    const reply: SplitReply = {
      id,
      result: result.outcome === 'split' ? { ...result, gaveWayMs: Math.round(gaveWayMs) } : result,
    };
    const transfer =
      result.outcome === 'split'
        ? [
            ...result.parts.map((part) => part.bytes.buffer),
            ...(result.blankPages === null ? [] : [result.blankPages.buffer]),
          ]
        : [];
    port.postMessage(reply, transfer as ArrayBuffer[]);
  });
});
lowerThisThreadPriority();
// One page is decoded at a time: no libvips thread pool beside the worker, and no cache of
// decoded pages (each is looked at once).
sharp.concurrency(1);
sharp.cache(false);
// zxing's WASM is loaded before the first batch; pdf.js only by a page that needs rendering
// (split-batch.ts).
await prepareBarcodeReader();
const ready: SplitReply = { ready: true };
port.postMessage(ready);
