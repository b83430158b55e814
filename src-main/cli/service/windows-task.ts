// Windows: the Task Scheduler command (schtasks /Create, Microsoft's "schtasks create" reference)
// that starts the engine at boot as the user, printed for an administrator to run. Not tested on
// Windows here; nothing is run for them.
import { serviceCommand, type ServiceSpec } from './service-spec.ts';

/** The task's name in Task Scheduler. */
export const WINDOWS_TASK_NAME = 'Clearfacts Uploader';

/** One argument for the Windows command line: in double quotes, inner quotes backslash-escaped. */
function quoteForWindows(word: string): string {
  return `"${word.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

/** The commands to print: create the task, start it now, look at it, and delete it. */
export function windowsTaskCommands(
  spec: ServiceSpec,
  user: string,
): {
  create: string;
  run: string;
  query: string;
  remove: string;
} {
  // /TR is one string for cmd.exe: each word quoted, then the whole quoted again for schtasks.
  const taskRun = serviceCommand(spec).map(quoteForWindows).join(' ');
  return {
    create: [
      'schtasks /Create',
      `/TN ${quoteForWindows(WINDOWS_TASK_NAME)}`,
      `/TR ${quoteForWindows(taskRun)}`,
      '/SC ONSTART',
      `/RU ${quoteForWindows(user)}`,
      '/RP',
      '/RL LIMITED',
      '/F',
    ].join(' '),
    run: `schtasks /Run /TN ${quoteForWindows(WINDOWS_TASK_NAME)}`,
    query: `schtasks /Query /TN ${quoteForWindows(WINDOWS_TASK_NAME)} /V /FO LIST`,
    remove: `schtasks /Delete /TN ${quoteForWindows(WINDOWS_TASK_NAME)} /F`,
  };
}
