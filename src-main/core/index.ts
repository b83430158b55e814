// Core's public entry: the only module of core that shells and transports (cli/, bridge/,
// electron/, scripts/) import. Everything else in core is the stages' own business.
// The engine itself is loaded on first use, so `clearfacts-uploader --help` and usage errors
// answer without loading SQLite, the PDF reader and the watchers.
import type { SendingPreview } from './documents/sending-preview.ts';
import type { Engine, EngineOptions } from './engine.ts';
import type { SeparatorSheet } from './split/separator-code.ts';

export type { SendingChange, SendingPreview } from './documents/sending-preview.ts';

export type { Engine, EngineOptions } from './engine.ts';

/** Builds core's one service; see `engine.ts`. Throws what opening the history throws. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const engine = await import('./engine.ts');
  return engine.createEngine(options);
}

/**
 * What would happen to each file if sent, sending nothing; see `documents/sending-preview.ts`.
 * Takes what `upload` takes (`queue/drop-paths.ts`): a folder stands for the documents in it, and
 * a path to nothing throws ApiError `invalid_request` (a typo, not a file that was moved).
 */
export async function previewSending(
  paths: readonly string[],
  options: { maxUploadBytes: number },
): Promise<SendingPreview[]> {
  const [preview, dropPaths] = await Promise.all([
    import('./documents/sending-preview.ts'),
    import('./queue/drop-paths.ts'),
  ]);
  return preview.previewSending(await dropPaths.expandDropPaths(paths), options);
}

/** A printable separator sheet (one A4 PDF page); see `split/separator-sheet.ts`. */
export async function createSeparatorSheet(sheet: SeparatorSheet): Promise<Uint8Array> {
  const sheets = await import('./split/separator-sheet.ts');
  return sheets.createSeparatorSheetPdf(sheet);
}

export { acceptToken, registerTypedTokens } from './account/token/validate-token.ts';
export { createHeadlessTokenStore } from './account/token/create-headless-token-store.ts';
export { ConfigDirUnwritableError } from './store/config-dir.ts';
export { tokenFromEnvironment } from './account/token/env-token-store.ts';
export { createTokenFileEnvStore } from './account/token/token-file-env-store.ts';
export { authHoldReason } from './account/session.ts';
export { createMemoryTokenStore } from './account/token/memory-token-store.ts';
export { writePrivateFileAtomically } from './account/token/private-file.ts';
export { TokenStoreError, type TokenStore } from './account/token/token-store.ts';
export { connectToRunningEngine, type RunningEngine } from './control/control-client.ts';
export type { EngineApi } from './control/engine-api.ts';
export { chooseArchiveCategory } from './folders/category-choice.ts';
export { toApiError } from './handlers/api-errors.ts';
export { dispatchInvoke } from './handlers/invoke-dispatch.ts';
export { createFileLogger, type FileLogger } from './logging/file-logger.ts';
export type { LogFields, Logger } from './logging/logger.ts';
export { redact, redactValue } from './logging/secret-redactor.ts';
export { throttledUploadProgress } from './queue/upload-progress.ts';
export {
  createSettingsStore,
  quarantineUnreadableSettingsFile,
} from './store/conf-settings-store.ts';
export { DEFAULT_CONFIG_DIR } from './store/default-config-dir.ts';
export { EngineBusyError } from './store/engine-lock.ts';
export { ACTIVE_STATES } from './store/file-lifecycle.ts';
export { settingsFileOptions, type SettingsFile } from './store/settings-schema.ts';
export { SeparatorSheet, SeparatorType, encodeSeparator } from './split/separator-code.ts';
