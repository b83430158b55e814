// A drive that refuses the move after upload (a full disk, a refused or cross-device rename),
// injected into the after-upload step: filling a real disk is neither safe nor quick.
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { AfterUploadFs } from '../../src-main/core/queue/after-upload.ts';

export interface FailingMoves {
  fs: AfterUploadFs;
  /** Renames refused so far. */
  refused(): number;
  /** From now on renames succeed: the space came back. */
  heal(): void;
}

/**
 * Every rename fails with the system error `code` (ENOSPC, EXDEV, EACCES) until heal(); EXDEV
 * only for a rename out of the file's folder, as a rename within one folder never crosses devices.
 */
export function failingMoves(code: string): FailingMoves {
  let failing = true;
  let refused = 0;
  const fs: AfterUploadFs = {
    ...fsPromises,
    rename: async (from, to) => {
      const sameFolder = path.dirname(String(from)) === path.dirname(String(to));
      if (!failing || (code === 'EXDEV' && sameFolder)) return fsPromises.rename(from, to);
      refused += 1;
      throw Object.assign(new Error(`${code}: injected failure, rename '${String(from)}'`), {
        code,
      });
    },
  };
  return {
    fs,
    refused: () => refused,
    heal: () => {
      failing = false;
    },
  };
}
