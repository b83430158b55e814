// The main-process end of the preload bridge: one invoke channel carrying every contract request,
// one channel pushing core's events, and the native folder picker. Every message is checked to
// come from our own page in a top-level frame before anything else looks at it, so a frame that
// somehow loaded foreign content (or an iframe) cannot reach core.
import { msg } from '../contract/messages/message.ts';
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { ApiHandlers, EventChannel, EventOf, InvokeResult } from '../contract/api-contract.ts';
import { dispatchInvoke, type Logger } from '../core/index.ts';
import { isAppUrl } from './app-protocol.ts';
import { IPC_EVENT, IPC_INVOKE, IPC_PICK_FOLDER } from './ipc-channels.ts';

/** The frame fields the check reads: where it is, and whether it is a subframe. */
export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'>;

/** Our page, at the top of its window: nothing embedded, nothing navigated elsewhere. */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export class UntrustedSenderError extends Error {
  constructor(url: string) {
    super(`IPC refused: the message came from ${url || 'an unknown frame'}, not from the app`);
    this.name = 'UntrustedSenderError';
  }
}

export type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  sender: Pick<WebContents, 'id'>;
};

export type IpcHandle = (
  channel: string,
  listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
) => void;

export interface IpcBridgeOptions {
  ipcMain: { handle: IpcHandle; removeHandler: IpcMain['removeHandler'] };
  handlers: ApiHandlers;
  logger: Logger;
  /** The native folder dialog for the window that asked; null when the user cancelled. */
  pickFolder(senderId: number): Promise<string | null>;
}

function checkSender(event: InvokeEvent, logger: Logger): void {
  if (isTrustedSender(event.senderFrame)) return;
  const url = event.senderFrame?.url ?? '';
  logger.warn('Refused an IPC message from an untrusted frame', {
    url,
    subframe: event.senderFrame?.parent != null,
  });
  throw new UntrustedSenderError(url);
}

/** Registers the handlers; the returned function removes them (tests, shutdown). */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, handlers, logger } = options;

  ipcMain.handle(IPC_INVOKE, async (event, channel, request): Promise<InvokeResult> => {
    checkSender(event, logger);
    if (typeof channel !== 'string') {
      return {
        ok: false,
        error: { code: 'invalid_request', message: msg('request_invalid') },
      };
    }
    return dispatchInvoke(handlers, channel, request, (error, failedChannel) => {
      logger.error('A request failed unexpectedly', { channel: failedChannel, error });
    });
  });

  ipcMain.handle(IPC_PICK_FOLDER, async (event): Promise<string | null> => {
    checkSender(event, logger);
    return options.pickFolder(event.sender.id);
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeHandler(IPC_PICK_FOLDER);
  };
}

/** A window's contents as the event forwarder sees them. */
export type EventTarget = Pick<WebContents, 'isDestroyed' | 'send'> & {
  mainFrame: Pick<WebFrameMain, 'url'>;
};

/**
 * Sends a core event to every live window showing our page. A window still loading (or one that
 * somehow navigated away) is skipped: it asks for a fresh snapshot once the page is up.
 */
export function forwardEvent<E extends EventChannel>(
  targets: Iterable<EventTarget>,
  channel: E,
  payload: EventOf<E>,
): void {
  for (const target of targets) {
    if (target.isDestroyed() || !isAppUrl(target.mainFrame.url)) continue;
    target.send(IPC_EVENT, channel, payload);
  }
}
