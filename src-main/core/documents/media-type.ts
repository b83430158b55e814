// The Content-Type an upload declares, from the kind the check already sniffed, so the upload
// never reads the file's head a second time to learn what it is.
import type { DocumentKind } from '../../contract/domain.ts';

/** What is sent for a checked file; a PNG is sent as the PDF it was converted to. */
export function uploadMediaType(kind: DocumentKind): string {
  switch (kind) {
    case 'pdf':
    case 'png':
      return 'application/pdf';
    case 'jpeg':
      return 'image/jpeg';
    case 'xml':
      return 'application/xml';
    case 'tiff':
    case 'unknown':
      return 'application/octet-stream';
  }
}
