// Realistic PDFs, fast: a few real pages drawn once per page count with pdf-lib, then per file an
// incremental update that appends one incompressible stream object up to the wanted size. Every
// file is a valid PDF (pdf-lib and the emulator count its pages) with its own SHA-256.
import { randomFillSync } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { between, seededRandom, type Random } from './seeded-random.ts';

interface BasePdf {
  bytes: Uint8Array;
  /** The trailer's /Size: the number the appended object takes. */
  nextObject: number;
  root: string;
  startXref: number;
}

const baseCache = new Map<number, Promise<BasePdf>>();

async function buildBase(pages: number): Promise<BasePdf> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let index = 1; index <= pages; index += 1) {
    document
      .addPage([595, 842])
      .drawText(`Invoice page ${index} of ${pages}`, { x: 50, y: 780, size: 14, font });
  }
  // A classic cross-reference table, so the appended section can be a classic one too.
  const bytes = await document.save({ useObjectStreams: false });
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const size = /\/Size (\d+)/.exec(tail)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(tail)?.[1];
  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  if (size === undefined || root === undefined || startXref === undefined) {
    throw new Error('pdf-lib wrote a trailer this generator does not understand');
  }
  return { bytes, nextObject: Number(size), root, startXref: Number(startXref) };
}

function basePdf(pages: number): Promise<BasePdf> {
  let base = baseCache.get(pages);
  if (base === undefined) {
    base = buildBase(pages);
    baseCache.set(pages, base);
  }
  return base;
}

/** Random bytes drawn once; each file's padding is a slice at its own offset. */
const POOL_BYTES = 24 * 1024 * 1024;
let pool: Buffer | null = null;
function randomPool(): Buffer {
  pool ??= randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
  return pool;
}

export interface PdfSpec {
  pages: number;
  /** Wanted size of the file; a file is never smaller than its pages need. */
  bytes: number;
  /** Written into the padding object, so no two files share content. */
  id: string;
  /** Where the padding starts in the random pool. */
  poolOffset: number;
}

const CHUNK_BYTES = 1024 * 1024;

/** Writes the PDF and returns its real size. */
export async function writePaddedPdf(filePath: string, spec: PdfSpec): Promise<number> {
  const base = await basePdf(spec.pages);
  const objectStart = base.bytes.length + 1;
  const header = (length: number) =>
    `\n${base.nextObject} 0 obj\n<< /Length ${length} /BenchId (${spec.id}) >>\nstream\n`;
  const footerAt = (xrefOffset: number) =>
    `\nendstream\nendobj\nxref\n${base.nextObject} 1\n${String(objectStart).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${base.nextObject + 1} /Root ${base.root} /Prev ${base.startXref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const overhead = header(spec.bytes).length + footerAt(spec.bytes).length;
  const padding = Math.max(16, spec.bytes - base.bytes.length - overhead);
  const head = Buffer.from(header(padding), 'latin1');
  const xrefOffset = objectStart + head.length - 1 + padding + '\nendstream\nendobj\n'.length;
  const foot = Buffer.from(footerAt(xrefOffset), 'latin1');

  const randomBytes = randomPool();
  const handle = await open(filePath, 'w');
  try {
    await handle.write(base.bytes);
    await handle.write(head);
    let offset = spec.poolOffset % (randomBytes.length - CHUNK_BYTES);
    for (let left = padding; left > 0;) {
      const length = Math.min(left, CHUNK_BYTES);
      if (offset + length > randomBytes.length) offset = 0;
      await handle.write(randomBytes, offset, length);
      offset += length;
      left -= length;
    }
    await handle.write(foot);
  } finally {
    await handle.close();
  }
  return base.bytes.length + head.length + padding + foot.length;
}

export interface SizeBucket {
  name: string;
  share: number;
  pages: [min: number, max: number];
  bytes: [min: number, max: number];
}

const KB = 1000;
const MB = 1000 * 1000;

/** The issue's mix: what a scanning SME's folders hold. */
export const ISSUE_MIX: readonly SizeBucket[] = [
  { name: 'small', share: 0.7, pages: [1, 3], bytes: [100 * KB, 300 * KB] },
  { name: 'medium', share: 0.25, pages: [10, 30], bytes: [1 * MB, 3 * MB] },
  { name: 'large', share: 0.05, pages: [100, 300], bytes: [10 * MB, 20 * MB] },
];

/** The same mix with the large files replaced by small ones: the memory comparison. */
export const NO_LARGE_MIX: readonly SizeBucket[] = [
  { name: 'small', share: 0.75, pages: [1, 3], bytes: [100 * KB, 300 * KB] },
  { name: 'medium', share: 0.25, pages: [10, 30], bytes: [1 * MB, 3 * MB] },
];

export interface PlannedPdf extends PdfSpec {
  name: string;
  bucket: string;
}

function pickBucket(mix: readonly SizeBucket[], random: Random): SizeBucket {
  let draw = random();
  for (const bucket of mix) {
    if (draw < bucket.share) return bucket;
    draw -= bucket.share;
  }
  const last = mix.at(-1);
  if (last === undefined) throw new Error('a corpus mix needs at least one bucket');
  return last;
}

/**
 * `count` files drawn from `mix`, the same for the same seed. Bucket shares are exact (the draw
 * only orders them), so a 2,000-file corpus has exactly 100 large files.
 */
export function planCorpus(
  count: number,
  mix: readonly SizeBucket[],
  seed: number,
  prefix = 'scan',
): PlannedPdf[] {
  const random = seededRandom(seed);
  const buckets: SizeBucket[] = [];
  for (const bucket of mix) {
    for (let index = 0; index < Math.round(count * bucket.share); index += 1) buckets.push(bucket);
  }
  while (buckets.length < count) buckets.push(pickBucket(mix, random));
  buckets.length = count;
  for (let index = buckets.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [buckets[index], buckets[other]] = [buckets[other] as SizeBucket, buckets[index] as SizeBucket];
  }
  return buckets.map((bucket, index) => {
    const id = `${prefix}-${seed}-${String(index).padStart(6, '0')}`;
    return {
      name: `${id}.pdf`,
      bucket: bucket.name,
      id,
      pages: between(random, ...bucket.pages),
      bytes: between(random, ...bucket.bytes),
      poolOffset: Math.floor(random() * POOL_BYTES),
    };
  });
}

export interface WrittenPdf extends PlannedPdf {
  path: string;
  size: number;
}

/** Writes the planned files into `directory`, a few at a time. */
export async function writeCorpus(
  directory: string,
  plan: readonly PlannedPdf[],
): Promise<WrittenPdf[]> {
  const written: WrittenPdf[] = new Array<WrittenPdf>(plan.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < plan.length) {
      const index = next;
      next += 1;
      const spec = plan[index] as PlannedPdf;
      const filePath = path.join(directory, spec.name);
      written[index] = { ...spec, path: filePath, size: await writePaddedPdf(filePath, spec) };
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  return written;
}
