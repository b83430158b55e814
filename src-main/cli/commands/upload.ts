// `upload <file…>`: sends files to one administration and destination and waits until each one
// is uploaded or has a reason. The files are left where they are.
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';
import {
  addDestinationOptions,
  parseDestination,
  type DestinationFlags,
} from './destination-options.ts';
import { reportOutcome } from './send-and-report.ts';

export function registerUploadCommand(program: Command, runtime: () => CliRuntime): void {
  addDestinationOptions(
    program
      .command('upload <files...>')
      .description('send files now and wait until each is uploaded or failed (they are not moved)'),
  )
    .option('--json', 'print the outcome of every file as JSON')
    .action(async (files: string[], flags: DestinationFlags & { json?: boolean }) => {
      const { companyNumber, destination } = parseDestination(flags);
      const engine = await runtime().engine({ watchFolders: false });
      await engine.start();
      const queued = await engine.handlers['drop.send']({
        paths: files,
        companyNumber,
        destination,
      });
      process.exitCode = await reportOutcome(
        engine,
        queued.map((entry) => entry.id),
        flags.json,
      );
    });
}
