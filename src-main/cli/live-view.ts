// What `watch` shows while it runs: in a terminal, a progress bar for the current batch with one
// line per file above it; in a pipe or a log, plain timestamped lines; with --json, one JSON
// event per line.
import { FILE_STATES } from '../contract/file-states.ts';
import { cliTerm, inCliLanguage } from './cli-language.ts';
import { msg } from '../contract/messages/msg.ts';
import cliProgress from 'cli-progress';
import type { EventChannel, EventOf } from '../contract/api-contract.ts';
import type { HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import { redact } from '../core/index.ts';
import { describeEntry, lead } from './output.ts';
import { uploadProgressLine } from './upload-progress-line.ts';

export type LiveMode = 'terminal' | 'lines' | 'json';

export interface LiveView {
  show<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  /** A line of the CLI's own (started, stopping), placed above the progress bar. */
  note(line: string): void;
  stop(): void;
}

/**
 * States worth a line: a file's arrival, its outcome, and a retry being scheduled; not the
 * instant before the gate (`detected`) nor a wait for the user's choice (`held`, told by `status`).
 */
const TOLD: readonly HistoryEntry['state'][] = FILE_STATES.filter(
  (state) => state !== 'detected' && state !== 'held',
);

function statusLine(status: StatusSnapshot): string {
  const reason = status.reason ? `: ${inCliLanguage(status.reason)}` : '';
  return `${cliTerm('cliLabel', 'queue')}: ${cliTerm('queueState', status.state)}${reason}`;
}

export function createLiveView(mode: LiveMode): LiveView {
  const lastTold = new Map<number, string>();
  const lastFolderReason = new Map<string, string | null>();
  let lastStatus = '';
  const bars =
    mode === 'terminal'
      ? new cliProgress.MultiBar(
          {
            // cli-progress's own placeholders, in single braces, are in the catalogue's text.
            format: inCliLanguage(msg('cli_watch_progress')),
            hideCursor: true,
            clearOnComplete: false,
            stopOnComplete: false,
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const batchBar =
    bars?.create(0, 0, {
      uploading: 0,
      failed: 0,
      state: cliTerm('folderAvailability', 'starting'),
    }) ?? null;

  // One bar per file being uploaded, under the batch's, named from its history row.
  const fileNames = new Map<number, string>();
  const fileBars = new Map<number, cliProgress.SingleBar>();

  function showProgress(progress: EventOf<'upload.progress'>): void {
    const fileName = fileNames.get(progress.id);
    if (!bars || fileName === undefined) return;
    const detail = redact(uploadProgressLine(fileName, progress));
    const bar = fileBars.get(progress.id);
    if (bar === undefined) {
      // The format has no words: the line's text comes from the catalogue.
      const created = bars.create(
        progress.totalBytes,
        progress.sentBytes,
        { detail },
        {
          format: ' {bar} {detail}',
        },
      );
      fileBars.set(progress.id, created);
    } else {
      bar.update(progress.sentBytes, { detail });
    }
  }

  function followUploading(entry: HistoryEntry): void {
    if (entry.state === 'uploading') {
      fileNames.set(entry.id, entry.fileName);
      return;
    }
    fileNames.delete(entry.id);
    const bar = fileBars.get(entry.id);
    if (bar !== undefined) bars?.remove(bar);
    fileBars.delete(entry.id);
  }

  function say(line: string): void {
    const safe = redact(line);
    if (bars) bars.log(`${safe}\n`);
    else process.stdout.write(`${new Date().toISOString()} ${safe}\n`);
  }

  function tellEntry(entry: HistoryEntry): void {
    if (!TOLD.includes(entry.state)) return;
    // A file waiting again after a change, or a retry, is told once per state and reason.
    const key = `${entry.state}:${JSON.stringify(entry.failure?.message ?? null)}:${entry.attempts}`;
    if (lastTold.get(entry.id) === key) return;
    if (entry.state === 'ready' && entry.failure === null) return;
    lastTold.set(entry.id, key);
    say(
      entry.state === 'waiting_stability'
        ? `${lead(cliTerm('state', 'detected'))} ${entry.fileName}`
        : describeEntry(entry),
    );
  }

  return {
    show(channel, payload) {
      if (mode === 'json') {
        process.stdout.write(
          `${redact(JSON.stringify({ event: channel, ...(payload as object) }))}\n`,
        );
        return;
      }
      if (channel === 'history.changed') {
        for (const entry of (payload as EventOf<'history.changed'>).entries) {
          followUploading(entry);
          tellEntry(entry);
        }
      } else if (channel === 'upload.progress') {
        showProgress(payload as EventOf<'upload.progress'>);
      } else if (channel === 'status') {
        const status = payload as StatusSnapshot;
        batchBar?.setTotal(status.batch.total);
        batchBar?.update(status.batch.done, {
          uploading: status.counts.uploading,
          failed: status.counts.failed,
          state: cliTerm('queueState', status.state),
        });
        const line = statusLine(status);
        if (line !== lastStatus && (status.reason !== null || lastStatus !== '')) say(line);
        lastStatus = line;
      } else if (channel === 'folders.changed') {
        for (const folder of (payload as EventOf<'folders.changed'>).folders) {
          const told = `(${cliTerm('folderAvailability', folder.availability)}): ${folder.reason === null ? '' : inCliLanguage(folder.reason)}`;
          if (lastFolderReason.get(folder.binding.id) === told) continue;
          lastFolderReason.set(folder.binding.id, told);
          if (folder.reason !== null) {
            say(`${cliTerm('cliLabel', 'folder')}: ${folder.binding.path} ${told}`);
          }
        }
      }
    },
    note(line) {
      if (mode !== 'json') say(line);
    },
    stop() {
      bars?.stop();
    },
  };
}
