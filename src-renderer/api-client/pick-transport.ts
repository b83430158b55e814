// The renderer runs in two hosts: Electron, whose preload exposes window.clearfactsBridge, and a
// plain browser tab served by the loopback bridge. The screens never know which.
import type { PreloadBridge } from '../../src-main/contract/api-contract.ts';
import type { AppApi } from './app-api.ts';
import { createBridgeSession } from './bridge-session.ts';
import { createHttpApi } from './http-client.ts';
import { createIpcApi } from './ipc-client.ts';

declare global {
  interface Window {
    clearfactsBridge?: PreloadBridge;
  }
}

export function pickTransport(host: Window): AppApi {
  return host.clearfactsBridge !== undefined
    ? createIpcApi(host.clearfactsBridge)
    : createHttpApi({
        session: createBridgeSession(host, '', globalThis.fetch.bind(globalThis)),
      });
}
