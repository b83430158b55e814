// Temp folders that a test removes when it ends, so no run leaves anything behind.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';

/** A new folder under the OS temp dir, removed after the test. */
export function tempDir(t: Pick<TestContext, 'after'>, label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cfu-${label}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Makes `root/name` (and what leads to it) and returns its path. */
export function folder(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
