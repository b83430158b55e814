// `upload <file…>`: sends files to one administration and destination and waits until each one
// is uploaded or has a reason (the implementation is upload-actions.ts, loaded when it runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';
import type { SplitMode } from '../../contract/domain.ts';
import { addDestinationOptions, type DestinationFlags } from './destination-options.ts';
import { splitOption } from './split-option.ts';

export function registerUploadCommand(program: Command, runtime: () => Promise<CliRuntime>): void {
  addDestinationOptions(program.command('upload <files...>').description(helpText('upload')))
    .option('--json', helpText('json_outcomes'))
    .addOption(splitOption())
    .action(
      async (files: string[], flags: DestinationFlags & { json?: boolean; split: SplitMode }) => {
        const { uploadFiles } = await import('./upload-actions.ts');
        await uploadFiles(runtime, files, flags);
      },
    );
}
