// `npm start`: builds what changed (the renderer with Vite, the main process and preload with
// tsc), makes sure the Electron runtime is there (fetching it with the electron package's own
// installer when it is not), then runs the desktop app. Arguments after `--` go to the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ENVIRONMENT } from '../src-main/contract/engine-environment.ts';
import { ENGINE_JS_FLAGS_SWITCH } from '../src-main/contract/engine-v8-flags.ts';

const root = path.resolve(import.meta.dirname, '..');
const electronPackage = path.join(root, 'node_modules', 'electron');

export interface ElectronRuntime {
  executable: string;
  version: string;
}

/**
 * The Electron executable the `electron` package installed, or null when it is missing. Only
 * reads files: requiring the package would start a download on its own.
 */
export function findElectronRuntime(): ElectronRuntime | null {
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronPackage, 'dist');
  const executable = path.join(distDir, relative);
  if (relative === '' || !existsSync(executable)) return null;
  const versionFile = path.join(distDir, 'version');
  const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'unknown';
  return { executable, version };
}

/** Why there is no runtime, for a skipped test or an error message. */
export function missingRuntimeReason(): string {
  return existsSync(path.join(electronPackage, 'path.txt'))
    ? `node_modules/electron/path.txt names a binary that is not in ${path.join('node_modules', 'electron', 'dist')}`
    : 'node_modules/electron/path.txt is absent: the electron package never downloaded its runtime';
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestChange(path.join(entry, name)));
  }
  return newest;
}

/** True when any source is newer than the output (or the output is missing). */
export function isStale(output: string, sources: readonly string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newestChange(source) > built);
}

function run(command: string, args: string[], label: string): void {
  console.log(`• ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function build(): void {
  const rendererSources = ['src-renderer', 'src-main/contract', 'vite.config.ts'];
  if (isStale(path.join(root, 'dist/renderer/index.html'), rendererSources.map(fromRoot))) {
    run(
      process.execPath,
      [fromRoot('node_modules/vite/bin/vite.js'), 'build'],
      'Building the renderer',
    );
  }
  if (
    isStale(
      path.join(root, 'dist/electron/main.js'),
      ['src-main', 'tsconfig.build.json'].map(fromRoot),
    )
  ) {
    run(
      process.execPath,
      [fromRoot('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      'Building the main process and preload',
    );
  }
}

function fromRoot(relative: string): string {
  return path.join(root, relative);
}

export function ensureRuntime(): ElectronRuntime {
  const found = findElectronRuntime();
  if (found !== null) return found;
  console.log('• The Electron runtime is missing: fetching it with the electron package installer');
  const install = spawnSync(process.execPath, [path.join(electronPackage, 'install.js')], {
    cwd: electronPackage,
    stdio: 'inherit',
  });
  const installed = install.status === 0 ? findElectronRuntime() : null;
  if (installed !== null) return installed;
  console.error(
    `\n${[
      `Cannot start the desktop app: the Electron runtime is not installed (${missingRuntimeReason()}), and downloading it failed (node_modules/electron/install.js exited ${install.status ?? install.signal}; its error is printed above).`,
      'It is fetched from GitHub by default, so this machine needs to reach it: check the network or proxy (set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1), or point ELECTRON_MIRROR at a mirror of the Electron releases that your network allows, then run `npm start` again.',
      'Without the runtime you can still run the same app in your browser: `npx clearfacts-uploader ui`.',
    ].join(' ')}`,
  );
  process.exit(1);
}

function main(): void {
  build();
  const runtime = ensureRuntime();
  console.log(`• Starting Clearfacts Uploader on Electron ${runtime.version}`);
  // The engine's V8 flags (issue #13): the main process's heap only takes them on the command line.
  const args = [ENGINE_JS_FLAGS_SWITCH, root, ...process.argv.slice(2)];
  const result = spawnSync(runtime.executable, args, {
    cwd: root,
    stdio: 'inherit',
    // A leftover ELECTRON_RUN_AS_NODE would run main.js as plain Node instead of the app; the
    // engine's malloc setting counts only from the start (engine-environment.ts).
    env: { ...process.env, ...ENGINE_ENVIRONMENT, ELECTRON_RUN_AS_NODE: undefined },
  });
  process.exit(result.status ?? 1);
}

if (import.meta.main) main();
