// `check <files…> [--json]`: what would happen to each file — its type, pages, SHA-256, what
// would be changed before sending, or the refusal with its reason — without sending anything,
// without a token and without taking the engine's lock. Users run it on a problem file; support
// asks for its output.
import { helpText } from '../commander-language.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Settings } from '../../contract/domain.ts';
import { previewSending, type SendingPreview } from '../../core/index.ts';
import { msg, type Terms } from '../../contract/messages/message.ts';
import { inCliLanguage, labeller } from '../cli-language.ts';
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

const CHECK_LABELS = ['type', 'change', 'verdict'] as const;

function printPreview(preview: SendingPreview): void {
  const line = labeller(CHECK_LABELS, { colon: false });
  const fileType = KIND_TERMS[preview.kind];
  printLine(preview.path);
  printLine(
    `  ${line(
      'type',
      inCliLanguage(
        preview.pages === null
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

export function registerCheckCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('check <files...>')
    .description(helpText('check'))
    .option('--json', helpText('check_json'))
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
