// One scan folder on a "share" (a temp folder) that several installations (engines with their
// own config folders) bind, for the folder owner tests (issue #10, folders/folder-owner.ts).
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { ApiError } from '../../src-main/contract/api-contract.ts';
import type { FolderBinding, FolderSnapshot, FolderView } from '../../src-main/contract/domain.ts';
import { startTestEmulator } from '../emulator/emulator-test-support.ts';
import type { Emulator } from '../emulator/index.ts';
import { startEngine, type EngineHarness } from './engine-harness.ts';
import { folder, tempDir } from './temp-folders.ts';

/** The folder's view once the engine judged it (anything but `starting`). */
export function judged(
  harness: EngineHarness,
  folderPath: string,
): Promise<FolderView | undefined> {
  return harness
    .waitForFolders(`${folderPath} judged`, (views) =>
      views.some((view) => view.binding.path === folderPath && view.availability !== 'starting'),
    )
    .then((views) => views.find((view) => view.binding.path === folderPath));
}

/** An emulator, a temp parent (config folders go in it) and `nas-scans` in it, and how to bind it. */
export async function sharedScanFolder(
  t: TestContext,
  label: string,
): Promise<{
  emulator: Emulator;
  parent: string;
  shared: string;
  bind(harness: EngineHarness): Promise<FolderSnapshot>;
}> {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, label);
  const shared = folder(parent, 'nas-scans');
  const bind = (harness: EngineHarness) =>
    harness.engine.handlers['folders.add']({
      path: shared,
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    });
  return { emulator, parent, shared, bind };
}

/** Binds the shared folder in a second installation and checks it names another owner. */
export async function bindOwnedElsewhere(
  harness: EngineHarness,
  shared: string,
  bind: (harness: EngineHarness) => Promise<FolderSnapshot>,
): Promise<FolderBinding> {
  await bind(harness);
  const [binding] = (await harness.engine.handlers['folders.list']({})).folders.map(
    (view) => view.binding,
  );
  assert.ok(binding);
  assert.equal((await judged(harness, shared))?.reason?.code, 'folder_owned_elsewhere');
  return binding;
}

/** Whether `error` is the refusal to displace a live owner. */
export function isOwnerActiveRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'conflict' &&
    error.userMessage.code === 'folder_owner_active'
  );
}

/**
 * Another installation (config folder `owner-config` under `parent`) binds `shared` for
 * `companyNumber`'s purchases, watches it, and stops: its owner marker stays in the folder, as
 * after a kill. Returns that installation's (stopped) harness.
 */
export async function ownedByStoppedInstallation(
  t: TestContext,
  emulator: Emulator,
  parent: string,
  shared: string,
  companyNumber: string,
): Promise<EngineHarness> {
  const owner = await startEngine(t, { emulator, configDir: folder(parent, 'owner-config') });
  await owner.engine.handlers['folders.add']({
    path: shared,
    companyNumber,
    destination: { type: 'purchase' },
  });
  await owner.waitForFolders('the owner watches the folder', (views) =>
    views.some((view) => view.availability === 'watching'),
  );
  await owner.stop();
  return owner;
}
