import { readFile } from 'node:fs/promises';
import { createPdfReadingService } from './src-main/core/documents/pdf-reading-service.ts';
const dir = '/work/shared/field-cases/pdf/';
const s = createPdfReadingService();
for (let i=0;i<2;i++){ const t=performance.now(); console.log(await s.read(new Uint8Array(await readFile(dir + 'base-2pages.pdf'))), performance.now()-t);}
