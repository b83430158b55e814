// Everything an end-to-end test of browser mode needs, all real: the emulator, core
// (createEngine) on a temporary config dir, the loopback bridge serving the built renderer, and
// Debian's Chromium driven by playwright-core.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../../src-main/bridge/browser-mode.ts';
import { createEngine, type Engine } from '../../../src-main/core/engine.ts';
import {
  seedData,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../emulator/index.ts';
import { pdfBytes } from './sample-files.ts';
import { createMemoryTokenStore } from '../../../src-main/core/account/token/memory-token-store.ts';
import type { BrowseRootsSource } from '../../../src-main/core/folders/folder-browser.ts';
import type { FolderSplit, HistoryEntry } from '../../../src-main/contract/domain.ts';
import { createWaitList } from '../../support/waiting.ts';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
];
/** Generous: the machine is shared and a slow step must not be mistaken for a broken one. */
export const UI_TIMEOUT_MS = 30_000;

export async function launchChromium(t: TestContext): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  t.after(() => browser.close());
  return browser;
}

export interface Stack {
  emulator: Emulator;
  engine: Engine;
  bridge: BrowserMode;
  /** A scratch folder for the test's files (watched folders, files to drop). */
  workDir: string;
  configDir: string;
}

export interface StackOptions {
  emulator?: EmulatorOptions;
  /** Core's patience with an API answer; short where a test makes the emulator hang. */
  apiTimeoutMs?: number;
  /** Least time between two follow-up lookups (the engine's default is 5 s). */
  followUpSpacingMs?: number;
  /** Where the folder browser may list (default: this machine's home folder and drives). */
  browseRoots?: BrowseRootsSource;
}

export async function startStack(t: TestContext, options: StackOptions = {}): Promise<Stack> {
  const root = await mkdtemp(path.join(tmpdir(), 'e2e-browser-'));
  const configDir = path.join(root, 'config');
  const workDir = path.join(root, 'work');
  await mkdir(workDir, { recursive: true });
  const emulator = await startEmulator(options.emulator ?? {});
  const engine = await createEngine({
    configDir,
    tokenStore: createMemoryTokenStore(),
    shell: 'browser',
    version: '0.0.0-e2e',
    apiUrl: emulator.graphqlUrl,
    demoToken: emulator.demoToken,
    tuning: {
      retryBaseDelayMs: 50,
      retryMaxDelayMs: 500,
      ...(options.apiTimeoutMs === undefined ? {} : { apiTimeoutMs: options.apiTimeoutMs }),
      ...(options.followUpSpacingMs === undefined
        ? {}
        : { followUpSpacingMs: options.followUpSpacingMs }),
    },
    // A browser cannot open the OS file manager: "show file" answers where the file is.
    revealFile: () => Promise.resolve(),
    ...(options.browseRoots === undefined ? {} : { browseRoots: options.browseRoots }),
  });
  await engine.handlers['settings.update']({ stabilityWindowMs: 300, pollingIntervalMs: 500 });
  await engine.start();
  const bridge = await startBrowserMode({ engine, configDir });
  t.after(async () => {
    await bridge.close();
    await engine.stop();
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  });
  return { emulator, engine, bridge, workDir, configDir };
}

export async function openApp(
  browser: Browser,
  stack: Stack,
  options: { colorScheme?: 'light' | 'dark'; locale?: string; link?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  // Each link's code is single-use (traded once for a session), so every page gets a fresh one,
  // from the bridge's newLink, which `ui --link` reaches over the control channel
  // (test/integration/cli/cli-ui-link.test.ts).
  await page.goto(options.link ?? stack.bridge.newLink());
  return { context, page };
}

/** Signs in through core directly, for tests whose subject is not the sign-in screen. */
export async function signInThroughCore(stack: Stack): Promise<void> {
  await stack.engine.handlers['session.signIn']({ token: stack.emulator.demoToken });
}

/**
 * Drops `file` as a purchase of the first seeded administration and waits until the engine is
 * idle; returns the administration and what the emulator received.
 */
export async function dropPurchase(stack: Stack, file: string) {
  const administration = seedData.administrations[0];
  assert.ok(administration);
  await stack.engine.handlers['drop.send']({
    paths: [file],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await stack.engine.whenIdle();
  const [upload] = stack.emulator.uploads();
  assert.ok(upload, 'the file reached the emulator');
  return { administration, upload };
}

/** Makes `<workDir>/<folderName>` and watches it for purchases of an administration; its path. */
export async function addWatchedFolder(
  stack: Stack,
  folderName: string,
  companyNumber: string,
): Promise<string> {
  const folder = path.join(stack.workDir, folderName);
  await mkdir(folder);
  await stack.engine.handlers['folders.add']({
    path: folder,
    companyNumber,
    destination: { type: 'purchase' },
  });
  return folder;
}

/** Sets the split mode (or `bundle:N`) of the watched folder at `folderPath` in core. */
export async function setSplitInCore(
  stack: Stack,
  folderPath: string,
  split: FolderSplit,
): Promise<void> {
  const { folders } = await stack.engine.handlers['folders.list']({});
  const binding = folders.find((view) => view.binding.path === folderPath)?.binding;
  assert.ok(binding, `${folderPath} is watched`);
  await stack.engine.handlers['folders.setSplit']({ id: binding.id, split });
}

/** Waits (with the waits' deadline, naming `what`) until the newest history rows satisfy `done`. */
export async function untilHistory(
  stack: Stack,
  what: string,
  done: (rows: HistoryEntry[]) => boolean,
): Promise<void> {
  const waits = createWaitList({ recheckMs: 50 });
  await waits.until(what, async () => {
    const { rows } = await stack.engine.handlers['history.query']({
      filter: {},
      offset: 0,
      limit: 10,
    });
    return done(rows) ? true : undefined;
  });
}

/**
 * A watched folder and a history with an upload (named `uploadedName`) and a refusal (an empty
 * `leeg.pdf`), so no screen is empty.
 */
export async function addSomeActivity(stack: Stack, uploadedName: string): Promise<void> {
  const administration = seedData.administrations[0];
  assert.ok(administration);
  await addWatchedFolder(stack, 'scans', administration.companyNumber);
  const good = path.join(stack.workDir, uploadedName);
  const empty = path.join(stack.workDir, 'leeg.pdf');
  await writeFile(good, await pdfBytes(2));
  await writeFile(empty, '');
  await stack.engine.handlers['drop.send']({
    paths: [good, empty],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await stack.engine.whenIdle();
}

/** Moves the app to a screen by its hash route, as the sidebar's links do. */
export function goTo(page: Page, hash: string): Promise<void> {
  return page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}

/**
 * Resolves once core has the folder's split mode or scan session choice (`off` when it has none);
 * fails after 30 s saying what it saw.
 */
export async function splitInCore(
  stack: Stack,
  folderPath: string,
  expected: FolderSplit,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { folders } = await stack.engine.handlers['folders.list']({});
    const binding = folders.find((folder) => folder.binding.path === folderPath)?.binding;
    const latest =
      binding === undefined || binding.mode === 'e-invoice-inbox'
        ? 'off'
        : (binding.split ?? 'off');
    if (latest === expected) return;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after 30 s waiting for the folder's split mode in core to be ${expected}; it is ${latest}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Signs in, then opens Settings in en, nl and fr in turn and waits for each language's text
 * (exact), failing at the wait's deadline when a language's text never shows.
 */
export async function settingsShowsInEachLanguage(
  t: TestContext,
  expected: Record<'en' | 'nl' | 'fr', string>,
): Promise<void> {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  for (const language of ['en', 'nl', 'fr'] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    await goTo(page, '#/settings');
    await page.getByText(expected[language], { exact: true }).waitFor();
    await context.close();
  }
}
