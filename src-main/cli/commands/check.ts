// `check <files…> [--json]`: what would happen to each file — its type, pages, SHA-256, what
// would be changed before sending, or the refusal with its reason — without sending anything,
// without a token and without taking the engine's lock. Users run it on a problem file; support
// asks for its output.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Settings } from '../../contract/domain.ts';
import { previewSending, type SendingPreview } from '../../core/index.ts';
import { inCliLanguage } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson, printLine } from '../output.ts';

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

const KIND_NAMES: Record<SendingPreview['kind'], string> = {
  pdf: 'PDF',
  jpeg: 'JPEG image',
  png: 'PNG image',
  tiff: 'TIFF image',
  xml: 'XML',
  unknown: 'unknown type',
};

function describeSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function printPreview(preview: SendingPreview): void {
  const pages =
    preview.pages === null ? '' : `, ${preview.pages} page${preview.pages === 1 ? '' : 's'}`;
  printLine(preview.path);
  printLine(`  type     ${KIND_NAMES[preview.kind]}${pages}, ${describeSize(preview.sizeBytes)}`);
  if (preview.sha256 !== null) printLine(`  sha256   ${preview.sha256}`);
  for (const change of preview.changes) {
    printLine(
      change.change === 'leave_out_prefix'
        ? `  change   the ${change.bytes} byte(s) before %PDF- are left out of the copy sent (sha256 ${change.sentSha256}); the file is not modified`
        : change.change === 'unwrap_envelope'
          ? `  change   the invoice inside the Peppol envelope is sent (sha256 ${change.sentSha256}); the file is not modified`
          : '  change   converted to PDF before sending; the file is not modified',
    );
  }
  printLine(
    preview.refusal === null
      ? '  verdict  would be sent'
      : `  verdict  refused (${preview.refusal.code}): ${inCliLanguage(preview.refusal.message)}`,
  );
}

export function registerCheckCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('check <files...>')
    .description('say what would happen to each file, without sending anything')
    .option('--json', 'print every file’s preview as JSON')
    .action(async (files: string[], flags: { json?: boolean }) => {
      const previews = await previewSending(files, {
        maxUploadBytes: await maxUploadBytes(runtime().configDir),
      });
      // The refusal keeps its code and params for scripts, with its sentence in the user's language.
      if (flags.json === true) {
        printJson(
          previews.map((preview) => ({
            ...preview,
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
    });
}
