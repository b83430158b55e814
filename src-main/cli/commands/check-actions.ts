// `check <files…> [--json]`: what would happen to each file — its type, pages, SHA-256, what
// would be changed before sending, or the refusal with its reason — without sending anything,
// without a token and without taking the engine's lock. Users run it on a problem file; support
// asks for its output.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Settings } from '../../contract/domain.ts';
import { previewSending, type SendingPreview } from '../../core/index.ts';
import { msg } from '../../contract/messages/msg.ts';
import type { Terms } from '../../contract/messages/message.ts';
import { inCliLanguage, labeller } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { EXIT } from '../exit-codes.ts';
import { describeEInvoice, printJson, printLine } from '../output.ts';

/** The limit when the settings do not set one: the settings schema's own default. */
const DEFAULT_MAX_UPLOAD_BYTES = Settings.parse({}).maxUploadBytes;
const SettingsLimit = Settings.pick({ maxUploadBytes: true }).partial();

/** The user's upload limit from settings.json, read only (the engine may be running). */
async function maxUploadBytes(configDir: string): Promise<number> {
  try {
    const json: unknown = JSON.parse(await readFile(path.join(configDir, 'settings.json'), 'utf8'));
    return SettingsLimit.safeParse(json).data?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  } catch {
    return DEFAULT_MAX_UPLOAD_BYTES;
  }
}

/** The catalogue's word for each kind `check` recognises. */
const KIND_TERMS: Record<
  SendingPreview['kind'],
  Terms['fileType'] extends Record<infer K, string> ? K : never
> = {
  pdf: 'pdf',
  jpeg: 'jpg',
  png: 'png',
  tiff: 'tif',
  xml: 'xml',
  unknown: 'binary',
};

const CHECK_LABELS = ['type', 'change', 'content', 'goes_to', 'schema', 'verdict'] as const;

const SCHEMA_VERDICTS = {
  valid: msg('cli_check_schema_valid'),
  invalid: msg('cli_check_schema_invalid'),
  unchecked: msg('cli_check_schema_unchecked'),
  envelope: msg('cli_check_schema_envelope'),
} as const;

/**
 * An e-invoice's lines: what it is with its total, the administrations it goes to, the schema's
 * verdict, then each warning its row would carry.
 */
function printEInvoice(preview: SendingPreview, line: ReturnType<typeof labeller>): void {
  const { eInvoice: summary, eInvoiceOutlook: outlook } = preview;
  if (summary === null || outlook === null) return;
  const description = describeEInvoice({ eInvoice: summary }) ?? '';
  printLine(
    `  ${line(
      'content',
      summary.payableAmount === null
        ? description
        : inCliLanguage(
            msg('cli_check_e_invoice_total', {
              description,
              amount: summary.payableAmount,
              currency: summary.currency ?? '',
            }),
          ),
    )}`,
  );
  const routes = [
    ...outlook.routesTo.purchase.map((companyNumber) =>
      msg('cli_check_route_purchase', { companyNumber }),
    ),
    ...outlook.routesTo.sale.map((companyNumber) => msg('cli_check_route_sale', { companyNumber })),
  ];
  for (const route of routes.length === 0 ? [msg('cli_check_route_none')] : routes)
    printLine(`  ${line('goes_to', inCliLanguage(route))}`);
  printLine(`  ${line('schema', inCliLanguage(SCHEMA_VERDICTS[outlook.schema]))}`);
  const indent = ' '.repeat(line('type', '').length);
  for (const advice of outlook.advice) printLine(`  ${indent}${inCliLanguage(advice)}`);
}

function printPreview(preview: SendingPreview): void {
  const line = labeller(CHECK_LABELS, { colon: false });
  const fileType = KIND_TERMS[preview.kind];
  printLine(preview.path);
  printLine(
    `  ${line(
      'type',
      inCliLanguage(
        // An XML file has no pages of its own (Clearfacts counts one for it).
        preview.pages === null || preview.kind === 'xml'
          ? msg('cli_check_kind', { fileType, sizeBytes: preview.sizeBytes })
          : msg('cli_check_kind_pages', {
              fileType,
              count: preview.pages,
              sizeBytes: preview.sizeBytes,
            }),
      ),
    )}`,
  );
  if (preview.sha256 !== null)
    printLine(`  ${'sha256'.padEnd(line('type', '').length)}${preview.sha256}`);
  printEInvoice(preview, line);
  for (const change of preview.changes) {
    printLine(
      `  ${line(
        'change',
        inCliLanguage(
          change.change === 'leave_out_prefix'
            ? msg('cli_change_prefix', { bytes: change.bytes, sha256: change.sentSha256 })
            : change.change === 'unwrap_envelope'
              ? msg('cli_change_envelope', { sha256: change.sentSha256 })
              : msg('cli_change_converted'),
        ),
      )}`,
    );
  }
  printLine(
    `  ${line(
      'verdict',
      inCliLanguage(
        preview.refusal === null
          ? msg('cli_would_be_sent')
          : msg('cli_refused', {
              code: preview.refusal.code,
              text: inCliLanguage(preview.refusal.message),
            }),
      ),
    )}`,
  );
}

/** `check <files…> [--json]`: prints each file's preview; exit 1 when one would be refused. */
export async function checkFiles(
  runtime: () => Promise<CliRuntime>,
  files: string[],
  flags: { json?: boolean },
): Promise<void> {
  const previews = await previewSending(files, {
    maxUploadBytes: await maxUploadBytes((await runtime()).configDir),
  });
  // The refusal and each warning keep their code and params for scripts, with the sentence in
  // the user's language.
  if (flags.json === true) {
    printJson(
      previews.map((preview) => ({
        ...preview,
        eInvoiceOutlook:
          preview.eInvoiceOutlook === null
            ? null
            : {
                ...preview.eInvoiceOutlook,
                advice: preview.eInvoiceOutlook.advice.map((advice) => ({
                  ...advice,
                  text: inCliLanguage(advice),
                })),
              },
        refusal:
          preview.refusal === null
            ? null
            : { ...preview.refusal, text: inCliLanguage(preview.refusal.message) },
      })),
    );
  } else previews.forEach(printPreview);
  process.exitCode = previews.every((preview) => preview.refusal === null)
    ? EXIT.success
    : EXIT.failure;
}
