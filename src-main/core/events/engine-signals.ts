// What one stage tells the others without knowing them. Stages are built in dependency order and
// report through these signals; the composition root subscribes the reactions after every stage
// exists, so no stage is used before it is built and no stage reaches into another.
import type { Message } from '../../contract/messages/message.ts';
import { EventEmitter } from 'node:events';
import type { FileState } from '../../contract/domain.ts';
import type { FileRecord } from '../store/file-record.ts';

/** Signal name → its arguments. */
export interface EngineSignalMap {
  /** A history row was inserted (previous is null) or changed state. */
  fileStateChanged: [previous: FileState | null, record: FileRecord];
  /** A row was dropped: its file was deleted before it was ever ready. */
  fileForgotten: [record: FileRecord];
  /** A folder binding, its availability or its counts changed. */
  foldersChanged: [];
  /** The history stopped (a sentence) or resumed (null) accepting writes. */
  storageFault: [fault: Message | null];
  /** The queue's holds changed (pause, auth, scope, storage, offline, rate limit). */
  holdsChanged: [];
  /** Clearfacts refused the token during a send; the session decides what follows. */
  tokenRefused: [];
  /** A reason while nothing can be sent for lack of a usable token; null once there is one. */
  tokenUsable: [holdReason: Message | null];
  /** Another token (or none) is in use: what the old one could see may differ. */
  tokenChanged: [];
  /**
   * The session asked the API address: api_not_graphql when it answered as no GraphQL endpoint
   * does, null when it answered normally or changed.
   */
  addressChecked: [problem: Message | null];
  /** A file changed on disk after its send started: it must pass the gate again. */
  changedAfterSend: [filePath: string];
  /** A folder's owner marker names another installation now, or the user took a folder over. */
  folderOwnerChanged: [];
}

export type EngineSignals = EventEmitter<EngineSignalMap>;

/** A fresh, empty set of signals for one engine. */
export function createEngineSignals(): EngineSignals {
  return new EventEmitter<EngineSignalMap>();
}
