// The desktop app end to end, in the real Electron runtime driven by Playwright: the renderer is
// served from app://clearfacts/ with no Node in the page and only the bridge exposed, the user
// signs in against the emulator, binds a folder, and a PDF written into it is uploaded. Where no
// Electron runtime is installed (it cannot be downloaded on every machine) the test says so and
// is counted as skipped.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { findElectronRuntime, missingRuntimeReason } from '../../../scripts/start-electron.ts';
import { seedData, startEmulator } from '../../emulator/index.ts';
import { writePdf } from '../browser/sample-files.ts';
import { withDeadline } from '../../support/waiting.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const runtime = findElectronRuntime();

/**
 * The X display the app opens its windows on. Linux without one gets a private Xvfb, whose
 * number Xvfb itself reports on a pipe once it accepts clients (no waiting on a timer).
 */
async function display(t: TestContext): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  if (process.env.DISPLAY !== undefined && process.env.DISPLAY !== '') return process.env.DISPLAY;
  const xvfb = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((candidate) => existsSync(candidate));
  if (xvfb === undefined) return undefined;
  const server = spawn(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  t.after(() => {
    server.kill();
  });
  const reported = server.stdio[3];
  assert.ok(reported);
  const number = await withDeadline(
    'Xvfb to report its display',
    new Promise<string>((resolve, reject) => {
      let text = '';
      reported.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolve(text.trim());
      });
      server.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    }),
  );
  return `:${number}`;
}

test(
  'desktop app: sign in against the emulator and upload one file through a watched folder',
  {
    skip: runtime === null ? `no Electron runtime: ${missingRuntimeReason()}` : false,
    timeout: 240_000,
  },
  async (t) => {
    assert.ok(runtime);
    const screen = await display(t);
    if (process.platform === 'linux' && screen === undefined) {
      t.skip('no X display: set DISPLAY or install Xvfb (Debian: apt-get install xvfb)');
      return;
    }
    const build = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(build.status, 0, build.stdout + build.stderr);
    assert.ok(
      existsSync(path.join(root, 'dist/renderer/index.html')),
      'npm test builds the renderer',
    );

    const emulator = await startEmulator();
    t.after(() => emulator.close());
    const workDir = await mkdtemp(path.join(tmpdir(), 'clearfacts-desktop-e2e-'));
    t.after(() => rm(workDir, { recursive: true, force: true }));

    const app = await _electron.launch({
      executablePath: runtime.executable,
      // Chromium refuses to run as root with its OS sandbox (CI containers); the renderer's own
      // sandbox (webPreferences.sandbox) stays on either way.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      env: {
        ...process.env,
        ...(screen === undefined ? {} : { DISPLAY: screen }),
        CLEARFACTS_USER_DATA_DIR: path.join(workDir, 'profile'),
        CLEARFACTS_API_URL: emulator.graphqlUrl,
        ELECTRON_RUN_AS_NODE: '',
      },
      timeout: 120_000,
    });
    t.after(() => app.close());
    // A machine without a keyring (CI) asks before storing the token: answer "this session only".
    await app.evaluate(({ dialog }) => {
      Object.assign(dialog, {
        showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
      });
    });

    const page = await app.firstWindow();
    await page.waitForURL(/^app:\/\/clearfacts\//);
    // The page has no Node and sees exactly the bridge.
    assert.equal(await page.evaluate(() => typeof require), 'undefined');
    assert.deepEqual(
      await page.evaluate(() =>
        Object.keys(Reflect.get(globalThis, 'clearfactsBridge') as object).sort(),
      ),
      ['invoke', 'pathForFile', 'pickFolder', 'subscribe'],
    );

    await page.getByRole('heading', { name: 'Sign in to Clearfacts' }).waitFor();
    const token = emulator.addToken(['read_administrations', 'upload_document']);
    await page.getByLabel('Personal access token').fill(token);
    await page.getByRole('button', { name: 'Check and sign in' }).click();
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();

    const administration = seedData.administrations[1];
    assert.ok(administration);
    await page.getByRole('button', { name: 'Add a folder' }).first().click();
    const inbox = path.join(workDir, 'Scans aankopen');
    await mkdir(inbox);
    await page.getByLabel('Folder', { exact: true }).fill(inbox);
    const picker = page.getByRole('combobox', { name: 'Administration' });
    await picker.fill(administration.name.slice(0, 8));
    await page.getByRole('option', { name: new RegExp(administration.name) }).waitFor();
    await picker.press('Enter');
    await page.getByRole('button', { name: 'Start watching' }).click();
    const card = page.getByRole('listitem', { name: inbox });
    await card.getByText('Watching', { exact: true }).waitFor();

    const uploaded = new Promise<void>((resolve) => emulator.onUpload(() => resolve()));
    await writePdf(path.join(inbox, 'Factuur 2026-031.pdf'), 2);
    await withDeadline('the PDF to be uploaded', uploaded);
    await page.getByRole('link', { name: 'History' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Factuur 2026-031.pdf' });
    await row.getByText(/^Uploaded/).waitFor();
    const [received] = emulator.uploads();
    assert.equal(received?.pages, 2);
    assert.equal(received?.companyNumber, administration.companyNumber);
  },
);
