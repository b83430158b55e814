// `status`: what the engine is doing and whether anything needs the user. The running engine
// answers for itself; when none runs, the same snapshot is computed from the history.
import type { Command } from 'commander';
import type { StatusSnapshot } from '../../contract/domain.ts';
import type { RunningEngine } from '../../core/index.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson, printLine } from '../output.ts';

/** Queue states only the user can end: a token, a scope, a disk. */
const HELD_FOR_USER: readonly StatusSnapshot['state'][] = [
  'auth_required',
  'scope_missing',
  'storage_error',
];

/** Failed or unconfirmed files, or a queue held until the user acts. */
export function needsAttention(status: StatusSnapshot): boolean {
  return (
    status.counts.failed > 0 ||
    status.counts.unconfirmed > 0 ||
    HELD_FOR_USER.includes(status.state)
  );
}

const SHELL_NAMES: Record<RunningEngine['about']['shell'], string> = {
  electron: 'the desktop app',
  browser: '`clearfacts-uploader ui`',
  cli: 'a `clearfacts-uploader` command',
};

function describeQueue(status: StatusSnapshot, running: boolean): string {
  if (!running) {
    const waiting = status.counts.pending + status.counts.uploading;
    return waiting > 0
      ? `not running: ${waiting} file${waiting === 1 ? '' : 's'} wait for \`watch\`, \`ui\` or the desktop app`
      : 'not running';
  }
  const state = status.state.replace('_', ' ');
  const batch = status.batch.total > 0 ? ` (${status.batch.done}/${status.batch.total})` : '';
  return `${state}${batch}${status.reason ? `: ${status.reason}` : ''}`;
}

export function registerStatusCommand(program: Command, runtime: () => CliRuntime): void {
  program
    .command('status')
    .description(
      "the engine's state and counts; exits 1 when something needs you (failed or unconfirmed files, no usable token, a missing scope, a history that cannot be written)",
    )
    .option('--json', 'print it as JSON: { running, engine, status }')
    .action(async (flags: { json?: boolean }) => {
      const cli = runtime();
      const running = await cli.runningEngine();
      const engine = running ?? (await cli.engine({ watchFolders: false }));
      const status = await engine.handlers['status.get']({});
      if (flags.json) {
        printJson({ running: running !== null, engine: running?.about ?? null, status });
      } else {
        const { counts } = status;
        printLine(
          `Engine:  ${running ? `running in ${SHELL_NAMES[running.about.shell]} (process ${running.about.pid}, version ${running.about.version})` : `not running (config folder ${cli.configDir})`}`,
        );
        printLine(`Queue:   ${describeQueue(status, running !== null)}`);
        printLine(
          `Files:   ${counts.pending} waiting, ${counts.uploading} sending, ${counts.uploaded} uploaded, ${counts.failed} failed, ${counts.unconfirmed} unconfirmed, ${counts.duplicate} duplicate`,
        );
        if (counts.failed + counts.unconfirmed > 0) {
          printLine(
            'See them with `clearfacts-uploader history --status failed,unconfirmed`; then `retry`, `resend` or `mark-done`.',
          );
        }
      }
      process.exitCode = needsAttention(status) ? EXIT.failure : EXIT.success;
    });
}
