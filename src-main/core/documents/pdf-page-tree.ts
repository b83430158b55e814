// The page tree counted by its leaves, as qpdf does (QPDFPageDocumentHelper::getAllPages), over
// the objects pdf.js has already parsed (its xref, with its repair and decryption). /Count is the
// number of leaves below a node (ISO 32000-2 §7.7.3.2), but readers use it differently: pdf.js
// and poppler take the root's /Count as the number of pages, pdf.js skips whole subtrees by their
// /Count to find a page, qpdf and poppler's page list walk the leaves. Wherever a /Count is
// wrong they show different pages, so the check compares every /Count with the leaves.

/** The parts of a pdf.js `Dict` (pdf.worker.mjs, not in its public types) the walk reads. */
interface PdfjsDict {
  /** The value, with an indirect reference resolved through the xref. */
  get(key: string): unknown;
  has(key: string): boolean;
  /** `<number>R[<generation>]` when the dictionary was read as an indirect object. */
  objId: string | null;
}

/** The parts of pdf.js' `XRef` the walk reads. */
interface PdfjsXref {
  /** The object an indirect reference names; throws when it cannot be read. */
  fetch(reference: unknown): unknown;
}

/** The parts of pdf.js' `Catalog` the walk reads. */
export interface PdfjsCatalog {
  /** The root of the page tree; a getter that throws when the catalog names no /Pages dict. */
  readonly toplevelPagesDict: PdfjsDict;
  readonly xref: PdfjsXref;
  /**
   * True once pdf.js replaced the root's /Count by its own walk of the leaves (its checkLastPage,
   * when the page the /Count names last is missing): its pages are then the leaves in order.
   */
  readonly hasActualNumPages?: boolean;
}

/** What the leaves of a page tree say about its /Count entries. */
export interface PageTreeCount {
  /** The pages (leaves) reached from the root, each counted once. */
  leaves: number;
  /**
   * The root's /Count, or null when it is not an integer. A negative one is kept: pdf.js takes it
   * as the number of pages and shows none, and poppler refuses the file, as with 0.
   */
  declared: number | null;
  /**
   * Some /Pages node below the root has a /Count that is not the number of leaves under it, and
   * a reader that skips subtrees by /Count (pdf.js' getPageDict) skips it on the way to a page
   * the root's /Count names: that reader then shows other pages than the leaves.
   */
  innerCountWrong: boolean;
}

function isDict(value: unknown): value is PdfjsDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    'get' in value &&
    typeof value.get === 'function' &&
    'has' in value &&
    typeof value.has === 'function'
  );
}

/** pdf.js' `Ref`: an object number and generation; its string form is the xref's key. */
function referenceKey(value: unknown): string | null {
  return typeof value === 'object' &&
    value !== null &&
    'num' in value &&
    typeof value.num === 'number' &&
    'gen' in value &&
    typeof value.gen === 'number'
    ? String(value)
    : null;
}

function integerCountOf(node: PdfjsDict): number | null {
  const count = node.get('Count');
  return Number.isInteger(count) && typeof count === 'number' ? count : null;
}

function countOf(node: PdfjsDict): number | null {
  const count = integerCountOf(node);
  return count !== null && count >= 0 ? count : null;
}

/** A leaf by pdf.js' and qpdf's rule: `/Type /Page`, or a node without /Kids. */
function isLeaf(node: PdfjsDict): boolean {
  const type = node.get('Type');
  const typeName =
    typeof type === 'object' && type !== null && 'name' in type ? type.name : undefined;
  return typeName === 'Page' || !node.has('Kids');
}

function kidsOf(node: PdfjsDict): readonly unknown[] {
  const kids = node.get('Kids');
  return Array.isArray(kids) ? kids : [];
}

/**
 * Walks the tree depth first without recursion (a deep tree cannot overflow the stack). A /Pages
 * node seen before (a loop) is not walked again; a page listed twice counts twice, as qpdf and
 * pdfinfo count it (qpdf 11.3: `/Kids [3 0 R 3 0 R]` is 2 pages). A kid that is not a dictionary
 * (a reference to a missing object) is not a page: pdf.js shows none there, while qpdf, with a
 * warning, puts an empty page in its place.
 */
export function countPageTree(catalog: PdfjsCatalog): PageTreeCount {
  const root = catalog.toplevelPagesDict;
  const declared = integerCountOf(root);
  const seen = new Set<string>();
  if (root.objId !== null) seen.add(root.objId);
  // `first`: the leaves walked before the node, i.e. the index of its first page.
  const stack = [{ node: root, kids: kidsOf(root), next: 0, first: 0 }];
  let leaves = 0;
  let innerCountWrong = false;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) break;
    if (frame.next === frame.kids.length) {
      stack.pop();
      // A skipping reader passes over a node whose /Count `count` ends before a page it looks
      // for (first + count < declared) and then counts `count` pages where it holds fewer or
      // more; a node it never passes over is walked leaf by leaf and misleads nothing.
      const count = countOf(frame.node);
      const misleads =
        count !== null && count !== leaves - frame.first && frame.first + count < (declared ?? 0);
      if (stack.length > 0 && misleads) innerCountWrong = true;
      continue;
    }
    const kid = frame.kids[frame.next];
    frame.next += 1;
    const key = referenceKey(kid);
    let node: unknown;
    try {
      node = key === null ? kid : catalog.xref.fetch(kid);
    } catch {
      continue;
    }
    if (!isDict(node)) continue;
    if (isLeaf(node)) {
      leaves += 1;
      continue;
    }
    if (key !== null) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    stack.push({ node, kids: kidsOf(node), next: 0, first: leaves });
  }
  return { leaves, declared, innerCountWrong };
}
