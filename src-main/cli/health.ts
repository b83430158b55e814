// The health `status` and `service status` show: asked of the running engine over its control
// channel, else computed by an engine of this process from the history (and the folders on disk).
import type { HealthReport, StatusSnapshot } from '../contract/domain.ts';
import type { RunningEngine } from '../core/index.ts';
import { inCliLanguage } from './cli-language.ts';
import type { CliRuntime } from './cli-runtime.ts';
import { printLine } from './output.ts';

/** The health, and who answered it. */
export interface HealthAnswer {
  /** The running engine that answered, or null when the history did. */
  engine: RunningEngine['about'] | null;
  health: HealthReport;
}

/** Asks the running engine, else reads the history with an unstarted engine of this process. */
export async function readHealth(cli: CliRuntime): Promise<HealthAnswer> {
  const running = await cli.runningEngine();
  const engine = running ?? (await cli.engine({ watchFolders: false }));
  const health = await engine.handlers['health.get']({});
  return { engine: running?.about ?? null, health };
}

/** The `--json` form: `{ running, engine, status, holds, folders, lastUpload, lastError, attention }`. */
export function healthJson(answer: HealthAnswer): Record<string, unknown> {
  return { running: answer.engine !== null, engine: answer.engine, ...answer.health };
}

function describeQueue(status: StatusSnapshot, running: boolean): string {
  if (!running) {
    const waiting = status.counts.pending + status.counts.uploading;
    return waiting > 0
      ? `not running: ${waiting} file${waiting === 1 ? '' : 's'} wait for \`watch\`, \`ui\` or the desktop app`
      : 'not running';
  }
  const state = status.state.replace('_', ' ');
  const batch = status.batch.total > 0 ? ` (${status.batch.done}/${status.batch.total})` : '';
  return `${state}${batch}`;
}

/** The health for a person: queue, holds, files, folders, last upload and last error. */
export function printHealth(answer: HealthAnswer): void {
  const { status, holds, folders, lastUpload, lastError } = answer.health;
  const { counts } = status;
  printLine(`Queue:   ${describeQueue(status, answer.engine !== null)}`);
  if (status.historyRebuilt) printLine(`History: ${inCliLanguage(status.historyRebuilt)}`);
  for (const hold of holds) printLine(`Hold:    ${hold.kind}: ${inCliLanguage(hold.message)}`);
  printLine(
    `Files:   ${counts.pending} waiting, ${counts.uploading} sending, ${counts.uploaded} uploaded, ${counts.failed} failed, ${counts.unconfirmed} unconfirmed, ${counts.duplicate} duplicate`,
  );
  for (const folder of folders) {
    const state = folder.availability ?? (folder.available ? 'present' : 'unavailable');
    const reason = folder.reason === null ? '' : `: ${inCliLanguage(folder.reason)}`;
    printLine(`Folder:  ${folder.path} (${state})${reason}`);
  }
  printLine(
    `Last upload: ${lastUpload === null ? 'none' : `${lastUpload.fileName} at ${lastUpload.at} → ${lastUpload.uuid}`}`,
  );
  printLine(
    `Last error:  ${lastError === null ? 'none' : `${lastError.fileName} at ${lastError.at}: ${inCliLanguage(lastError.failure.message)}`}`,
  );
  if (counts.failed + counts.unconfirmed > 0) {
    printLine(
      'See them with `clearfacts-uploader history --status failed,unconfirmed`; then `retry`, `resend` or `mark-done`.',
    );
  }
}
