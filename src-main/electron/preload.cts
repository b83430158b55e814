// The preload of every window: exposes exactly the PreloadBridge as `window.clearfactsBridge`
// and nothing else. It runs sandboxed, where only a CommonJS script with `require('electron')`
// works, so it is compiled to preload.cjs and imports nothing at run time but electron. The
// renderer never sees an IpcRendererEvent or ipcRenderer itself: only these four functions.
import type { ContextBridge, IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import type {
  EventChannel,
  InvokeResult,
  PreloadBridge,
  RequestChannel,
} from '../contract/api-contract.ts';

interface SandboxedElectron {
  contextBridge: ContextBridge;
  ipcRenderer: IpcRenderer;
  webUtils: WebUtils;
}

// A sandboxed preload has no module loader, only this require() for electron's own modules.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer, webUtils } = require('electron') as SandboxedElectron;

// Repeated from ipc-channels.ts (a sandboxed preload cannot import it); a test keeps them equal.
const IPC_INVOKE = 'clearfacts:invoke';
const IPC_EVENT = 'clearfacts:event';
const IPC_PICK_FOLDER = 'clearfacts:pick-folder';

const bridge: PreloadBridge = {
  invoke(channel: RequestChannel, request: unknown): Promise<InvokeResult> {
    return ipcRenderer.invoke(IPC_INVOKE, channel, request) as Promise<InvokeResult>;
  },
  subscribe(listener: (channel: EventChannel, payload: unknown) => void): () => void {
    const relay = (_event: IpcRendererEvent, channel: EventChannel, payload: unknown): void => {
      listener(channel, payload);
    };
    ipcRenderer.on(IPC_EVENT, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, relay);
    };
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  pickFolder(): Promise<string | null> {
    return ipcRenderer.invoke(IPC_PICK_FOLDER) as Promise<string | null>;
  },
};

contextBridge.exposeInMainWorld('clearfactsBridge', bridge);
