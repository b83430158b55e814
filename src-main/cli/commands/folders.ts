// `folders add | tree | inbox | list | remove | take-over`: the watched folders (the
// implementation is folders-actions.ts, loaded when a command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { FolderSplit } from '../../contract/domain.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { addDestinationOptions, type DestinationFlags } from './destination-options.ts';
import { splitOption } from './split-option.ts';

export function registerFolderCommands(program: Command, runtime: () => Promise<CliRuntime>): void {
  const folders = program.command('folders').description(helpText('folders'));

  addDestinationOptions(folders.command('add <path>').description(helpText('folders_add')))
    .option('--json', helpText('json_folders'))
    .addOption(splitOption(true))
    .action(
      async (
        folderPath: string,
        flags: DestinationFlags & { json?: boolean; split: FolderSplit },
      ) => {
        const { addFolder } = await import('./folders-actions.ts');
        await addFolder(runtime, folderPath, flags);
      },
    );

  folders
    .command('tree <root>')
    .description(helpText('folders_tree'))
    .option('--json', helpText('json_folders'))
    .action(async (root: string, flags: { json?: boolean }) => {
      const { addTree } = await import('./folders-actions.ts');
      await addTree(runtime, root, flags);
    });

  folders
    .command('inbox <path>')
    .description(helpText('folders_inbox'))
    .option('--json', helpText('json_folders'))
    .action(async (inbox: string, flags: { json?: boolean }) => {
      const { addInbox } = await import('./folders-actions.ts');
      await addInbox(runtime, inbox, flags);
    });

  folders
    .command('list')
    .description(helpText('folders_list'))
    .option('--json', helpText('json_them'))
    .action(async (flags: { json?: boolean }) => {
      const { listFolders } = await import('./folders-actions.ts');
      await listFolders(runtime, flags);
    });

  folders
    .command('remove <id-or-path>')
    .description(helpText('folders_remove'))
    .action(async (idOrPath: string) => {
      const { removeFolder } = await import('./folders-actions.ts');
      await removeFolder(runtime, idOrPath);
    });

  folders
    .command('take-over <id-or-path>')
    .description(helpText('folders_take_over'))
    .action(async (idOrPath: string) => {
      const { takeOverFolder } = await import('./folders-actions.ts');
      await takeOverFolder(runtime, idOrPath);
    });
}
