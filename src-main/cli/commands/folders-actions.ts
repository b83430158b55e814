// `folders add | tree | inbox | list | remove | take-over`: the watched folders, stored in the
// settings so a running `watch` (or the desktop app) picks the change up (the commands are
// defined in folders.ts).
import path from 'node:path';
import type {
  FolderBinding,
  FolderHealth,
  FolderSplit,
  FolderView,
} from '../../contract/domain.ts';
import { formatCompanyNumber } from '../../contract/company-number.ts';
import { msg } from '../../contract/messages/msg.ts';
import { cliTerm, inCliLanguage } from '../cli-language.ts';
import type { CliRuntime, EngineHandle } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { folderState } from '../health.ts';
import { describeDestination, printJson, printLine, printTable } from '../output.ts';
import { parseDestination, resolveCategory } from './destination-choice.ts';
import type { DestinationFlags } from './destination-options.ts';

function printFolders(
  folders: FolderView[],
  json: boolean | undefined,
  health: readonly FolderHealth[] | null = null,
): void {
  const judged = new Map(health?.map((folder) => [folder.id, folder]));
  if (json) {
    // With the health: whether each folder is delivered here, as `status --json` says it.
    printJson(
      health === null
        ? folders
        : folders.map((view) => {
            const folder = judged.get(view.binding.id);
            return folder === undefined
              ? view
              : {
                  ...view,
                  available: folder.available,
                  availability: folder.availability,
                  reason: folder.reason,
                };
          }),
    );
    return;
  }
  if (folders.length === 0) {
    printLine(inCliLanguage(msg('cli_no_folders')));
    return;
  }
  const columns = ['id', 'path', 'goes_to', 'split'] as const;
  const counted = ['pending', 'uploaded', 'failed'] as const;
  printTable(
    [...columns, ...(health === null ? [] : (['state'] as const)), ...counted].map((column) =>
      cliTerm('cliColumn', column),
    ),
    folders.map(({ binding, counts }) => {
      const folder = judged.get(binding.id);
      return [
        binding.id,
        binding.path,
        binding.mode === 'single'
          ? `${formatCompanyNumber(binding.companyNumber)} ${describeDestination(binding.destination)}`
          : binding.mode === 'e-invoice-inbox'
            ? inCliLanguage(msg('cli_folder_inbox'))
            : inCliLanguage(msg('cli_folder_tree')),
        binding.mode === 'e-invoice-inbox' ? '-' : (binding.split ?? 'off'),
        ...(health === null ? [] : [folder === undefined ? '-' : folderState(folder)]),
        String(counts.pending),
        String(counts.uploaded),
        String(counts.failed),
      ];
    }),
  );
  // Why a folder is not delivered here (missing, another installation's, taken over), as the
  // Folders screen says under each one.
  for (const folder of health ?? []) {
    if (folder.reason !== null) printLine(`${folder.path}: ${inCliLanguage(folder.reason)}`);
  }
}

type Runtime = () => Promise<CliRuntime>;

/** The engine the folder commands change: the running one, else an unstarted one of this process. */
async function engineOf(runtime: Runtime): Promise<EngineHandle['engine']> {
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  return engine;
}

/** `folders add <path> --company … --type … [--category …] [--split …] [--json]`. */
export async function addFolder(
  runtime: Runtime,
  folderPath: string,
  flags: DestinationFlags & { json?: boolean; split: FolderSplit },
): Promise<void> {
  const { companyNumber, destination } = parseDestination(flags);
  const engine = await engineOf(runtime);
  const result = await engine.handlers['folders.add']({
    // An engine in another process resolves relative paths against its own folder.
    path: path.resolve(folderPath),
    companyNumber,
    destination: await resolveCategory(engine, companyNumber, destination),
    split: flags.split,
  });
  printFolders(result.folders, flags.json);
}

/** `folders tree <root> [--json]`: the accountant tree for every administration. */
export async function addTree(
  runtime: Runtime,
  root: string,
  flags: { json?: boolean },
): Promise<void> {
  const engine = await engineOf(runtime);
  printFolders(
    (await engine.handlers['folders.addTree']({ path: path.resolve(root) })).folders,
    flags.json,
  );
}

/** `folders inbox <path> [--json]`: an e-invoice inbox, routed by the parties. */
export async function addInbox(
  runtime: Runtime,
  inbox: string,
  flags: { json?: boolean },
): Promise<void> {
  const engine = await engineOf(runtime);
  printFolders(
    (await engine.handlers['folders.addInbox']({ path: path.resolve(inbox) })).folders,
    flags.json,
  );
}

/** `folders list [--json]`: the bound folders with their counts and health. */
export async function listFolders(runtime: Runtime, flags: { json?: boolean }): Promise<void> {
  const engine = await engineOf(runtime);
  // The running engine's word on each folder, else the disk's and the owner markers'.
  const [views, health] = await Promise.all([
    engine.handlers['folders.list']({}),
    engine.handlers['health.get']({}),
  ]);
  printFolders(views.folders, flags.json, health.folders);
}

/** The bound folder named by its id or its path; bad usage when none is. */
async function boundFolder(
  engine: EngineHandle['engine'],
  idOrPath: string,
): Promise<FolderBinding> {
  const { folders: current } = await engine.handlers['folders.list']({});
  const match = current.find(
    ({ binding }) =>
      binding.id === idOrPath || path.resolve(binding.path) === path.resolve(idOrPath),
  );
  if (!match)
    throw new CliError(inCliLanguage(msg('cli_no_such_folder', { folder: idOrPath })), EXIT.usage);
  return match.binding;
}

/** `folders remove <id-or-path>`: stops watching a folder. */
export async function removeFolder(runtime: Runtime, idOrPath: string): Promise<void> {
  const engine = await engineOf(runtime);
  const binding = await boundFolder(engine, idOrPath);
  await engine.handlers['folders.remove']({ id: binding.id });
  printLine(inCliLanguage(msg('cli_no_longer_watching', { folder: binding.path })));
}

/** `folders take-over <id-or-path>`: delivers a folder another installation owned. */
export async function takeOverFolder(runtime: Runtime, idOrPath: string): Promise<void> {
  const engine = await engineOf(runtime);
  const binding = await boundFolder(engine, idOrPath);
  await engine.handlers['folders.takeOver']({ id: binding.id });
  printLine(inCliLanguage(msg('cli_folder_taken_over', { folder: binding.path })));
}
