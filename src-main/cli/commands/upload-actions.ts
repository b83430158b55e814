// `upload <file…>`: sends files to one administration and destination and waits until each one
// is uploaded or has a reason. The files are left where they are. When an engine already runs
// with the config folder (`watch`, `ui`, the desktop app), the files are handed to it and
// followed there; otherwise this process runs the engine until they are done. (Defined in
// upload.ts.)
import path from 'node:path';
import { EngineBusyError } from '../../core/index.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { parseDestination, resolveCategory } from './destination-choice.ts';
import type { DestinationFlags } from './destination-options.ts';
import { reportOutcome } from './send-and-report.ts';
import { showUploadProgress } from '../upload-progress-line.ts';
import type { SplitMode } from '../../contract/domain.ts';

/** Sends `files` and follows them; the exit code says whether every one arrived. */
export async function uploadFiles(
  runtime: () => Promise<CliRuntime>,
  files: string[],
  flags: DestinationFlags & { json?: boolean; split: SplitMode },
): Promise<void> {
  const { companyNumber, destination } = parseDestination(flags);
  const cli = await runtime();
  const handle = await cli.engineFor({ start: true, watchFolders: false });
  if (handle.kind === 'local' && !handle.started) throw new EngineBusyError(cli.configDir);
  const queued = await handle.engine.handlers['drop.send']({
    // An engine in another process resolves relative paths against its own folder.
    paths: files.map((file) => path.resolve(file)),
    companyNumber,
    destination: await resolveCategory(handle.engine, companyNumber, destination),
    split: flags.split,
  });
  // In a terminal, the bytes sent of the file going out, on one line of stderr.
  const stopProgress =
    flags.json !== true && process.stderr.isTTY
      ? showUploadProgress(handle.engine, process.stderr)
      : () => {};
  try {
    process.exitCode = await reportOutcome(
      cli,
      handle,
      queued.map((entry) => entry.id),
      flags.json,
    );
  } finally {
    stopProgress();
  }
}
