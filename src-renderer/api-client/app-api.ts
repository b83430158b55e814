// What the screens use: the contract's ApiClient plus the few things that differ by transport
// (how dropped files become paths, whether a native folder picker exists, connection state).
import type { ApiClient, StagedFile } from '../../src-main/contract/api-contract.ts';

export interface AppApi extends ApiClient {
  readonly transport: 'ipc' | 'http';
  /** Turns files the user dropped or chose into paths core can read, one answer per file. */
  prepareFiles(
    files: readonly File[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<StagedFile[]>;
  /** The shell's native folder dialog, or null where folders are typed (browser mode). */
  readonly pickFolder: (() => Promise<string | null>) | null;
  /** Called with false when the event stream to core is lost and true when it is back. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}
