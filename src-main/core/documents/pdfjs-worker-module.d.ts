// pdfjs-dist ships no types for its worker module; only its presence matters here (it is handed
// to pdf.js as `globalThis.pdfjsWorker`), so it is declared with the one export pdf.js reads.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
