// Compiles the real preload source as the build does (CommonJS) and runs it the way Electron runs
// a sandboxed preload: a function given `require`, `exports` and `module`, where `require` knows
// only 'electron'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import type { PreloadBridge } from '../../../src-main/contract/api-contract.ts';
import { IPC_EVENT, IPC_INVOKE, IPC_PICK_FOLDER } from '../../../src-main/electron/ipc-channels.ts';

const preloadPath = path.resolve(import.meta.dirname, '../../../src-main/electron/preload.cts');

type RendererListener = (event: unknown, ...args: unknown[]) => void;

function loadPreload() {
  const exposed: Array<{ key: string; api: PreloadBridge }> = [];
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<RendererListener>>();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: PreloadBridge) {
        exposed.push({ key, api });
      },
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
      on(channel: string, listener: RendererListener) {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener(channel: string, listener: RendererListener) {
        listeners.get(channel)?.delete(listener);
      },
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  };
  const source = ts.transpileModule(readFileSync(preloadPath, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: preloadPath,
  }).outputText;
  const wrapper = vm.runInNewContext(
    `(function (require, exports, module) {${source}\n})`,
    {},
    { filename: preloadPath },
  ) as (require: (id: string) => unknown, exports: object, module: object) => void;
  const module = { exports: {} };
  wrapper(
    (id) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return electron;
    },
    module.exports,
    module,
  );
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? [])
      listener({ sender: 'IpcRendererEvent' }, ...args);
  };
  return { exposed, invoked, listeners, required, emit };
}

test('exposes exactly one object, clearfactsBridge, with only the bridge functions', () => {
  const { exposed, required } = loadPreload();
  assert.equal(exposed.length, 1);
  assert.equal(exposed[0]?.key, 'clearfactsBridge');
  assert.deepEqual(Object.keys(exposed[0]?.api ?? {}).sort(), [
    'invoke',
    'pathForFile',
    'pickFolder',
    'subscribe',
  ]);
  assert.deepEqual(required, ['electron']);
});

test('invoke carries the channel and request over the invoke channel', async () => {
  const { exposed, invoked } = loadPreload();
  const bridge = exposed[0]?.api;
  assert.ok(bridge);
  assert.deepEqual(await bridge.invoke('status.get', {}), { ok: true, value: null });
  assert.deepEqual(invoked, [[IPC_INVOKE, 'status.get', {}]]);
});

test('subscribe relays events without the IPC event object, and unsubscribes', () => {
  const { exposed, emit, listeners } = loadPreload();
  const bridge = exposed[0]?.api;
  assert.ok(bridge);
  const received: unknown[][] = [];
  const unsubscribe = bridge.subscribe((...args) => received.push(args));
  emit(IPC_EVENT, 'status', { state: 'idle' });
  assert.deepEqual(received, [['status', { state: 'idle' }]]);
  unsubscribe();
  assert.equal(listeners.get(IPC_EVENT)?.size, 0);
  emit(IPC_EVENT, 'status', { state: 'paused' });
  assert.equal(received.length, 1);
});

test('pathForFile asks webUtils and pickFolder uses its own channel', async () => {
  const { exposed, invoked } = loadPreload();
  const bridge = exposed[0]?.api;
  assert.ok(bridge?.pickFolder);
  const file = new File(['%PDF'], 'invoice.pdf');
  assert.equal(bridge.pathForFile(file), '/dropped/invoice.pdf');
  await bridge.pickFolder();
  assert.deepEqual(invoked, [[IPC_PICK_FOLDER]]);
});

test('the preload repeats exactly the channel names the main process listens on', () => {
  const source = readFileSync(preloadPath, 'utf8');
  for (const [name, value] of Object.entries({ IPC_INVOKE, IPC_EVENT, IPC_PICK_FOLDER })) {
    assert.match(source, new RegExp(`const ${name} = '${value}';`), name);
  }
});
