// What `watch` shows while it runs: in a terminal, a progress bar for the current batch with one
// line per file above it; in a pipe or a log, plain timestamped lines; with --json, one JSON
// event per line (upload progress at most once a second per file: JSON_PROGRESS_INTERVAL_MS).
import { FILE_STATES } from '../contract/file-states.ts';
import { cliTerm, inCliLanguage } from './cli-language.ts';
import { msg } from '../contract/messages/msg.ts';
import cliProgress from 'cli-progress';
import type { EventChannel, EventOf } from '../contract/api-contract.ts';
import type { HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import { redact, throttledUploadProgress } from '../core/index.ts';
import { describeEntry, lead } from './output.ts';
import { uploadProgressLine } from './upload-progress-line.ts';

export type LiveMode = 'terminal' | 'lines' | 'json';

/**
 * The shortest time between two `upload.progress` lines of one file with --json (ms), its first
 * line and its last (all bytes sent) always written. The engine reports about 4 a second for
 * screens; a machine-read stream (a log, a monitoring script) needs far fewer, and a 15 MB upload
 * on a slow line would otherwise fill a log with hundreds of lines. Stated in the README.
 */
export const JSON_PROGRESS_INTERVAL_MS = 1_000;

/** What the view is given besides its mode; tests inject both. */
export interface LiveViewOptions {
  /** The clock the --json progress lines are spaced by (epoch ms); Date.now by default. */
  now?: () => number;
  /** Where --json lines go, one JSON text without its newline; stdout by default. */
  writeJson?: (line: string) => void;
}

export interface LiveView {
  show<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  /** A line of the CLI's own (started, stopping), placed above the progress bar. */
  note(line: string): void;
  /** A problem the user must hear of in every mode: as `note`, and on stderr with --json. */
  warn(line: string): void;
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

export function createLiveView(mode: LiveMode, options: LiveViewOptions = {}): LiveView {
  const now = options.now ?? Date.now;
  const writeJson = options.writeJson ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const json = (channel: EventChannel, payload: object): void =>
    writeJson(redact(JSON.stringify({ event: channel, ...payload })));
  /** --json: each uploading file's progress, thinned to JSON_PROGRESS_INTERVAL_MS. */
  const jsonProgress = new Map<number, (sentBytes: number, totalBytes: number) => void>();
  const lastTold = new Map<number, string>();
  const lastFolderReason = new Map<string, string | null>();
  let lastStatus = '';
  /** Problems `warn` said already: the queue's status line with the same reason is not repeated. */
  const warned = new Set<string>();
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

  function showJson<E extends EventChannel>(channel: E, payload: EventOf<E>): void {
    if (channel === 'upload.progress') {
      const progress = payload as EventOf<'upload.progress'>;
      let thinned = jsonProgress.get(progress.id);
      if (thinned === undefined) {
        thinned = throttledUploadProgress(
          progress.id,
          (passed) => json('upload.progress', passed),
          now,
          JSON_PROGRESS_INTERVAL_MS,
        );
        jsonProgress.set(progress.id, thinned);
      }
      thinned(progress.sentBytes, progress.totalBytes);
      return;
    }
    if (channel === 'history.changed') {
      // A file that stopped uploading starts afresh (its first line written) if it is sent again.
      for (const entry of (payload as EventOf<'history.changed'>).entries) {
        if (entry.state !== 'uploading') jsonProgress.delete(entry.id);
      }
    }
    json(channel, payload as object);
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
        showJson(channel, payload);
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
        const saidAlready = status.reason !== null && warned.has(inCliLanguage(status.reason));
        if (line !== lastStatus && (status.reason !== null || lastStatus !== '') && !saidAlready) {
          say(line);
        }
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
    warn(line) {
      warned.add(line);
      if (mode === 'json') process.stderr.write(`${redact(line)}\n`);
      else say(line);
    },
    stop() {
      bars?.stop();
    },
  };
}
