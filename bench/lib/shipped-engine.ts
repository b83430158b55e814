// The engine as an installed copy runs it: the JavaScript `npm run build:main` (tsc with
// tsconfig.build.json) writes to dist/, beside assets/ as in the package. The bench compiles it
// before it starts an engine, so every figure is of the current sources' compiled code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');

/** The URL of `file` (relative to dist/, e.g. `core/engine.js`) in the compiled engine. */
export function shippedModuleUrl(file: string): string {
  return new URL(file, pathToFileURL(path.join(root, 'dist/'))).href;
}

/**
 * Compiles src-main into dist/ as `npm run build:main` does; throws with tsc's output if it fails.
 */
export function compileShippedEngine(): void {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `compiling the engine (tsc -p tsconfig.build.json) failed:\n${result.stdout}${result.stderr}`,
    );
  }
}
