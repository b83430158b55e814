// The health `status` and `service status` show: asked of the running engine over its control
// channel, else computed by an engine of this process from the history (and the folders on disk).
import type {
  FolderHealth,
  FollowUpStatus,
  HealthReport,
  StatusSnapshot,
} from '../contract/domain.ts';
import type { RunningEngine } from '../core/index.ts';
import { msg } from '../contract/messages/msg.ts';
import { STATUS_LABELS } from '../contract/messages/term-tables.ts';
import { cliTerm, inCliLanguage, labeller } from './cli-language.ts';
import type { CliRuntime } from './cli-runtime.ts';
import { followUpNotice } from './follow-up-notice.ts';
import { printLine } from './output.ts';

/** The health, and who answered it. */
export interface HealthAnswer {
  /** The running engine that answered, or null when the history did. */
  engine: RunningEngine['about'] | null;
  health: HealthReport;
  /** The follow-up of delivered invoices: asking, paused (and why) or turned off. */
  followUp: FollowUpStatus;
}

/** Asks the running engine, else reads the history with an unstarted engine of this process. */
export async function readHealth(cli: CliRuntime): Promise<HealthAnswer> {
  const running = await cli.runningEngine();
  const engine = running ?? (await cli.engine({ watchFolders: false }));
  const [health, followUp] = await Promise.all([
    engine.handlers['health.get']({}),
    engine.handlers['followUp.get']({}),
  ]);
  return { engine: running?.about ?? null, health, followUp };
}

/**
 * The `--json` form: `{ running, engine, status, holds, folders, lastUpload, lastError,
 * attention, followUp }`.
 */
export function healthJson(answer: HealthAnswer): Record<string, unknown> {
  return {
    running: answer.engine !== null,
    engine: answer.engine,
    ...answer.health,
    followUp: answer.followUp,
  };
}

function describeQueue(status: StatusSnapshot, running: boolean): string {
  if (!running) {
    const waiting = status.counts.pending + status.counts.uploading;
    return inCliLanguage(
      waiting > 0
        ? msg('cli_queue_not_running_waiting', { count: waiting })
        : msg('cli_queue_not_running'),
    );
  }
  const batch = status.batch.total > 0 ? ` (${status.batch.done}/${status.batch.total})` : '';
  return `${cliTerm('queueState', status.state)}${batch}`;
}

/** Which engine answers, in a word: the process running it, or "not running" and where. */
export function engineLine(engine: HealthAnswer['engine'], configDir: string): string {
  return inCliLanguage(
    engine
      ? msg('cli_engine_running', { shell: engine.shell, pid: engine.pid, version: engine.version })
      : msg('cli_engine_not_running', { configDir }),
  );
}

/**
 * A folder's state in a word: the intake's (watching, polling, …) when an engine watches it, else
 * present or unavailable as the disk and its owner marker say.
 */
export function folderState(folder: FolderHealth): string {
  return folder.availability !== null
    ? cliTerm('folderAvailability', folder.availability)
    : folder.available
      ? inCliLanguage(msg('cli_folder_present'))
      : cliTerm('folderAvailability', 'unavailable');
}

/** The health for a person: queue, holds, files, folders, last upload and last error. */
export function printHealth(answer: HealthAnswer): void {
  const { status, holds, folders, lastUpload, lastError } = answer.health;
  const { counts } = status;
  const line = labeller(STATUS_LABELS);
  printLine(line('queue', describeQueue(status, answer.engine !== null)));
  if (status.historyRebuilt) printLine(line('history', inCliLanguage(status.historyRebuilt)));
  for (const hold of holds) printLine(line('hold', inCliLanguage(hold.message)));
  printLine(
    line(
      'files',
      inCliLanguage(
        msg('cli_files_counts', {
          pending: counts.pending,
          uploading: counts.uploading,
          uploaded: counts.uploaded,
          failed: counts.failed,
          held: counts.held ?? 0,
          unconfirmed: counts.unconfirmed,
          duplicate: counts.duplicate,
        }),
      ),
    ),
  );
  for (const folder of folders) {
    const state = folderState(folder);
    const reason = folder.reason === null ? '' : `: ${inCliLanguage(folder.reason)}`;
    printLine(line('folder', `${folder.path} (${state})${reason}`));
  }
  const none = inCliLanguage(msg('cli_none'));
  printLine(
    line(
      'last_upload',
      lastUpload === null
        ? none
        : inCliLanguage(
            msg('cli_last_upload', {
              fileName: lastUpload.fileName,
              at: Date.parse(lastUpload.at),
              uuid: lastUpload.uuid,
            }),
          ),
    ),
  );
  printLine(
    line(
      'last_error',
      lastError === null
        ? none
        : inCliLanguage(
            msg('cli_last_error', {
              fileName: lastError.fileName,
              at: Date.parse(lastError.at),
              text: inCliLanguage(lastError.failure.message),
            }),
          ),
    ),
  );
  const followUp = followUpNotice(answer.followUp);
  if (followUp !== null) printLine(line('follow_up', followUp));
  if (counts.failed + counts.unconfirmed > 0) printLine(inCliLanguage(msg('cli_see_failed')));
  if ((counts.held ?? 0) > 0) printLine(inCliLanguage(msg('cli_see_held')));
}
