// The UBL 2.1 schema validator on its own (issue #18): how long its process takes to start and
// compile the schemas, how long one file takes after that (the schemas kept), and the process's
// own peak memory; beside Debian's native xmllint, which compiles the schemas for every file.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createUblSchemaService } from '../../src-main/core/documents/e-invoice/ubl-schema-service.ts';
import { sampleInvoice, ublXml } from '../../test/fixtures/e-invoice-builder.ts';
import { peakResidentBytes } from '../lib/process-stats.ts';

const run = promisify(execFile);
const SCHEMA = path.resolve(
  import.meta.dirname,
  '../../assets/ubl-2.1-xsd/maindoc/UBL-Invoice-2.1.xsd',
);
/** Invoice lines in the larger file: a long purchase invoice. */
const MANY_LINES = 500;

export interface SchemaFileTiming {
  lines: number;
  bytes: number;
  /** Wall time of each validation after the warm-up, sent to the answer, ms. */
  msPerFile: number[];
}

export interface UblSchemaTimingResult {
  /** The first file: the process started, both schemas compiled, the file validated. */
  coldMs: number;
  files: SchemaFileTiming[];
  /** Peak resident set of the validator process after every file. */
  validatorPeakRssBytes: number;
  /** Debian's xmllint --schema on the one-line file, per run (null: not installed). */
  nativeXmllintMs: number[] | null;
}

/** The builder's invoice with `lines` invoice lines. */
function invoiceWithLines(lines: number): string {
  const xml = ublXml(sampleInvoice());
  const line = /<cac:InvoiceLine>.*<\/cac:InvoiceLine>\n/s.exec(xml)?.[0];
  if (line === undefined) throw new Error('the builder wrote no invoice line');
  const more = Array.from({ length: lines - 1 }, (_unused, index) =>
    line.replace('<cbc:ID>1</cbc:ID>', `<cbc:ID>${index + 2}</cbc:ID>`),
  ).join('');
  return xml.replace(line, `${line}${more}`);
}

async function nativeXmllint(workDir: string, xml: string, runs: number): Promise<number[] | null> {
  const dir = await mkdtemp(path.join(workDir, 'xmllint-'));
  const file = path.join(dir, 'invoice.xml');
  await writeFile(file, xml);
  const times: number[] = [];
  try {
    for (let index = 0; index < runs; index += 1) {
      const started = performance.now();
      await run('xmllint', ['--noout', '--schema', SCHEMA, file]);
      times.push(performance.now() - started);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return times;
}

export async function measureUblSchemaTiming(
  workDir: string,
  filesPerSize: number,
): Promise<UblSchemaTimingResult> {
  const service = createUblSchemaService();
  try {
    const small = ublXml(sampleInvoice());
    const coldStarted = performance.now();
    const cold = await service.validate(small, 'Invoice');
    const coldMs = performance.now() - coldStarted;
    if (cold.outcome !== 'checked' || cold.errors.length > 0) {
      throw new Error(`the sample invoice did not validate: ${JSON.stringify(cold)}`);
    }
    const files: SchemaFileTiming[] = [];
    for (const lines of [1, MANY_LINES]) {
      const xml = lines === 1 ? small : invoiceWithLines(lines);
      const msPerFile: number[] = [];
      for (let index = 0; index < filesPerSize; index += 1) {
        const started = performance.now();
        const result = await service.validate(xml, 'Invoice');
        msPerFile.push(performance.now() - started);
        if (result.outcome !== 'checked' || result.errors.length > 0) {
          throw new Error(`a ${lines}-line invoice did not validate: ${JSON.stringify(result)}`);
        }
      }
      files.push({ lines, bytes: Buffer.byteLength(xml), msPerFile });
    }
    const pid = service.runningPid();
    if (pid === null) throw new Error('the validator ended between files');
    const validatorPeakRssBytes = await peakResidentBytes(pid);
    return {
      coldMs,
      files,
      validatorPeakRssBytes,
      nativeXmllintMs: await nativeXmllint(workDir, small, 5),
    };
  } finally {
    await service.close();
  }
}
