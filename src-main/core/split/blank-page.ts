// Whether a scanned page is blank (issue #19): the back side of a duplex scan, or a blank sheet
// put between documents. A scanner never writes pure white: paper is off-white, the sensor adds
// grain, dust leaves specks, the feeder's edge leaves a shadow and text on the front shows
// through thin paper. None of that is content; a faint stamp or one handwritten line is. The
// judgement is made on the page picture the split worker already takes (page-images.ts).
import type { PagePicture } from './page-images.ts';

/**
 * The band along each edge that is not looked at, as a fraction of the side: the scanner's edge
 * shadow and a sheet's torn or folded border (4 % of A4's short side is 8.4 mm).
 */
export const BLANK_MARGIN_FRACTION = 0.04;

/**
 * How much darker than the paper (0-255 luma) a pixel must be to be ink. Show-through of the
 * front measured on the generated back sides stays within 30 of the paper; a pen line is more
 * than 100 darker.
 */
export const INK_DARKER_THAN_PAPER = 48;

/**
 * How coloured (largest minus smallest of R, G, B) a pixel must be to be ink even when light: a
 * faint red or blue stamp is hardly darker than paper, but paper, grain and show-through are grey.
 */
export const INK_CHROMA = 40;

/**
 * The smallest blob of touching ink pixels that counts, as a fraction of the looked-at area
 * (about 16 px, 1 mm², at the 1200 px page picture): dust and grain make smaller specks.
 */
export const MIN_BLOB_FRACTION = 1.5e-5;

/**
 * A page is blank when the ink in blobs that count covers less than this fraction of the
 * looked-at area (0.01 %, about 6 mm² of an A4 page). Measured on generated pages
 * (test/fixtures/scanned-back-sides.ts): scanner noise leaves 0; the faintest content case, a
 * single handwritten line, covers about 0.1 %.
 */
export const BLANK_BELOW_FRACTION = 1e-4;

/** What the blank test saw on a page; fractions of the looked-at area. */
export interface PageInk {
  /** Ink in blobs of at least MIN_BLOB_FRACTION. */
  coverage: number;
  /** The paper's luma (0-255): the median of the looked-at area. */
  paperLuma: number;
  blank: boolean;
}

function medianOf(histogram: Uint32Array, count: number): number {
  let seen = 0;
  for (let level = 0; level < histogram.length; level++) {
    seen += histogram[level] ?? 0;
    if (seen * 2 >= count) return level;
  }
  return 255;
}

/**
 * Measures the ink on a page picture and judges it blank or not (thresholds above). Pure and
 * synchronous; 34-60 ms for a 1200 × 849 picture once warm (up to 450 ms for the first calls) on
 * the shared 2-core test machine, 2026-12-01.
 */
export function measurePageInk(picture: PagePicture): PageInk {
  const { width, height, data } = picture;
  const left = Math.floor(width * BLANK_MARGIN_FRACTION);
  const top = Math.floor(height * BLANK_MARGIN_FRACTION);
  const innerWidth = Math.max(1, width - 2 * left);
  const innerHeight = Math.max(1, height - 2 * top);
  const area = innerWidth * innerHeight;
  const luma = new Uint8Array(area);
  const chroma = new Uint8Array(area);
  const histogram = new Uint32Array(256);
  for (let y = 0; y < innerHeight; y++) {
    for (let x = 0; x < innerWidth; x++) {
      const at = ((y + top) * width + (x + left)) * 4;
      const r = data[at] ?? 255;
      const g = data[at + 1] ?? 255;
      const b = data[at + 2] ?? 255;
      // ITU-R BT.601 luma, as JPEG's own colour conversion uses.
      const level = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      const index = y * innerWidth + x;
      luma[index] = level;
      chroma[index] = Math.max(r, g, b) - Math.min(r, g, b);
      histogram[level] = (histogram[level] ?? 0) + 1;
    }
  }
  const paperLuma = medianOf(histogram, area);
  const ink = new Uint8Array(area);
  for (let index = 0; index < area; index++) {
    const darker = paperLuma - (luma[index] ?? 255);
    if (darker >= INK_DARKER_THAN_PAPER || (chroma[index] ?? 0) >= INK_CHROMA) ink[index] = 1;
  }
  const minBlob = Math.max(1, Math.round(area * MIN_BLOB_FRACTION));
  let counted = 0;
  // Blobs of 8-connected ink pixels, walked with an explicit stack; `ink` is cleared as it goes.
  const stack: number[] = [];
  for (let start = 0; start < area; start++) {
    if (ink[start] !== 1) continue;
    ink[start] = 0;
    stack.push(start);
    let size = 0;
    while (stack.length > 0) {
      const index = stack.pop() as number;
      size++;
      const x = index % innerWidth;
      const y = (index - x) / innerWidth;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= innerHeight) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= innerWidth) continue;
          const neighbour = ny * innerWidth + nx;
          if (ink[neighbour] === 1) {
            ink[neighbour] = 0;
            stack.push(neighbour);
          }
        }
      }
    }
    if (size >= minBlob) counted += size;
  }
  const coverage = counted / area;
  return { coverage, paperLuma, blank: coverage < BLANK_BELOW_FRACTION };
}
