// Debian's xmllint (libxml2-utils) as the independent oracle for the UBL 2.1 schema advice: the
// same schemas validated by the system's native libxml2 build, run as its own program on the file
// itself, not on the app's copy of the invoice nor through its WebAssembly build (libxml2-wasm).
// Null when xmllint is not installed.
import { execFile } from 'node:child_process';
import path from 'node:path';

/** Deadline for one xmllint run: compiling the UBL schemas takes about a second. */
const XMLLINT_DEADLINE_MS = 60_000;
const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../assets/ubl-2.1-xsd/maindoc');

/** One schema error as xmllint prints it: its line and the element's local name. */
export interface OracleError {
  line: number;
  element: string;
}

/**
 * The schema errors xmllint reports for `filePath` against the UBL 2.1 `root` schema, in its
 * order; null when xmllint is not installed.
 */
export function xmllintSchemaErrors(
  filePath: string,
  root: 'Invoice' | 'CreditNote',
): Promise<OracleError[] | null> {
  const schema = path.join(SCHEMA_DIR, `UBL-${root}-2.1.xsd`);
  return new Promise((resolve, reject) => {
    execFile(
      'xmllint',
      ['--noout', '--schema', schema, filePath],
      { timeout: XMLLINT_DEADLINE_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const failed = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        if (failed?.code === 'ENOENT') return resolve(null);
        if (failed?.killed === true) {
          return reject(new Error(`xmllint did not finish within ${XMLLINT_DEADLINE_MS} ms`));
        }
        const errors: OracleError[] = [];
        for (const match of stderr.matchAll(
          /^.*?:(\d+): element [^:]+: Schemas validity error : Element '(?:\{[^}]*\})?([^']+)'/gm,
        )) {
          errors.push({ line: Number(match[1]), element: match[2] ?? '' });
        }
        resolve(errors);
      },
    );
  });
}
