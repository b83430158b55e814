// The headless engine alone in its own process, so its RSS and CPU are its own: composes
// createEngine exactly as a shell does, applies the benchmark's settings and folders, and
// reports over IPC when it is watching and when each file's uuid was stored. The engine is the
// JavaScript an installed copy runs (`dist/`, compiled by bench.ts first through
// `compileShippedEngine`): run from the sources, every thread would also load Node's type
// stripper (amaro's WASM: 12 MB more in a fresh worker thread, measured), which no installed
// copy carries.
import type { EventListener } from '../src-main/contract/api-contract.ts';
import type { FolderView, HistoryEntry } from '../src-main/contract/domain.ts';
import { EngineHostConfig, ParentMessage, type HostMessage } from './lib/engine-messages.ts';
import { shippedModuleUrl } from './lib/shipped-engine.ts';
import type * as RenderMessageModule from '../src-main/contract/messages/render-message.ts';
import type * as EngineModule from '../src-main/core/engine.ts';
import type * as MemoryTokenStoreModule from '../src-main/core/account/token/memory-token-store.ts';

// Typed as the sources they were compiled from.
const { renderMessage } = (await import(
  shippedModuleUrl('contract/messages/render-message.js')
)) as typeof RenderMessageModule;
const { createEngine } = (await import(shippedModuleUrl('core/engine.js'))) as typeof EngineModule;
const { createMemoryTokenStore } = (await import(
  shippedModuleUrl('core/account/token/memory-token-store.js')
)) as typeof MemoryTokenStoreModule;

function send(message: HostMessage): void {
  process.send?.(message);
}

const config = EngineHostConfig.parse(JSON.parse(process.env.BENCH_ENGINE_CONFIG ?? 'null'));

const engine = await createEngine({
  configDir: config.configDir,
  tokenStore: createMemoryTokenStore({ initial: config.token }),
  shell: 'cli',
  version: 'bench',
  apiUrl: config.apiUrl,
  tuning: config.tuning,
});

const reported = new Set<number>();
const uploading = new Set<number>();
const split = new Set<number>();
let watchingResolve: (() => void) | null = null;

const listener: EventListener = (channel, payload) => {
  if (channel === 'folders.changed') {
    const { folders } = payload as { folders: FolderView[] };
    if (
      folders.every(
        (folder) => folder.availability === 'watching' || folder.availability === 'polling',
      )
    ) {
      watchingResolve?.();
    }
    return;
  }
  if (channel !== 'history.changed') return;
  const { entries } = payload as { entries: HistoryEntry[] };
  for (const entry of entries) {
    if (entry.state === 'uploading' && !uploading.has(entry.id)) {
      uploading.add(entry.id);
      send({ type: 'uploading', id: entry.id, fileName: entry.fileName });
    }
    if (entry.state === 'split' && !split.has(entry.id)) {
      split.add(entry.id);
      send({ type: 'split', id: entry.id, fileName: entry.fileName, splitAt: Date.now() });
    }
    if (reported.has(entry.id)) continue;
    if (entry.uuid !== null && (entry.state === 'uploaded' || entry.state === 'archived')) {
      reported.add(entry.id);
      send({
        type: 'stored',
        id: entry.id,
        fileName: entry.fileName,
        sha256: entry.sha256,
        uuid: entry.uuid,
        storedAt: entry.uploadedAt === null ? Date.now() : Date.parse(entry.uploadedAt),
      });
    } else if (
      entry.state === 'failed' ||
      entry.state === 'held' ||
      entry.state === 'duplicate' ||
      entry.state === 'unconfirmed'
    ) {
      reported.add(entry.id);
      send({
        type: 'settled',
        id: entry.id,
        fileName: entry.fileName,
        state: entry.state,
        reason: entry.failure === null ? null : renderMessage(entry.failure.message, 'en'),
      });
    }
  }
};
engine.subscribe(listener);

const watching = new Promise<void>((resolve) => (watchingResolve = resolve));
await engine.start();
await engine.handlers['settings.update'](config.settings);
const bound = new Set(
  (await engine.handlers['folders.list']({})).folders.map((view) => view.binding.path),
);
for (const folder of config.folders) {
  if (bound.has(folder.path)) continue;
  await engine.handlers['folders.add'](folder);
}
const views = (await engine.handlers['folders.list']({})).folders;
if (!views.every((view) => view.availability === 'watching' || view.availability === 'polling')) {
  await watching;
}
send({
  type: 'ready',
  readyAt: Date.now(),
  folders: views.map((view) => ({ id: view.binding.id, path: view.binding.path })),
});

process.on('message', (raw) => {
  const message = ParentMessage.parse(raw);
  switch (message.type) {
    case 'whenIdle':
      engine.whenIdle().then(
        () => send({ type: 'idle' }),
        (error: unknown) => send({ type: 'error', message: String(error) }),
      );
      return;
    case 'stop':
      engine.stop().then(
        // Exits once the answer is out, whatever handle a library may still hold open.
        () => process.send?.({ type: 'stopped' } satisfies HostMessage, () => process.exit(0)),
        (error: unknown) => send({ type: 'error', message: String(error) }),
      );
      return;
  }
});
