// Transport 1: Electron IPC through the preload's window.clearfactsBridge.
import { msg } from '../../src-main/contract/messages/message.ts';
import type {
  EventListener,
  PreloadBridge,
  RequestChannel,
  RequestOf,
  ResponseOf,
  StagedFile,
} from '../../src-main/contract/api-contract.ts';
import type { AppApi } from './app-api.ts';
import { decodeAnswer, decodeEvent } from '../../src-main/contract/decode.ts';

export function createIpcApi(bridge: PreloadBridge): AppApi {
  const pickFolder = bridge.pickFolder;
  return {
    transport: 'ipc',
    async invoke<C extends RequestChannel>(
      channel: C,
      request: RequestOf<C>,
    ): Promise<ResponseOf<C>> {
      return decodeAnswer(channel, await bridge.invoke(channel, request));
    },
    subscribe(listener: EventListener) {
      return bridge.subscribe((channel, payload) => {
        const event = decodeEvent(channel, payload);
        if (event !== null) listener(event.channel, event.payload);
      });
    },
    async prepareFiles(files, onProgress) {
      const prepared = files.map((file): StagedFile => {
        const path = bridge.pathForFile(file);
        return path === ''
          ? {
              ok: false,
              name: file.name,
              failure: { code: 'file_missing', message: msg('file_gone') },
            }
          : { ok: true, name: file.name, path };
      });
      onProgress?.(files.length, files.length);
      return prepared;
    },
    pickFolder: pickFolder === undefined ? null : () => pickFolder.call(bridge),
    // IPC lives as long as the window: there is no connection to lose.
    onConnectionChange: () => () => undefined,
  };
}
