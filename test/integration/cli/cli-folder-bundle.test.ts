// Issue #19 in the CLI: `folders add --split bundle:N` makes a folder bundle scan sessions (N
// seconds of quiet, 5 to 600), `folders list` shows it in its SPLIT column and `--json` carries
// it; a quiet window out of range is bad usage (exit 2) in the CLI's language, and the option's
// help names the choice in nl, fr and en. `history` lists a combined document's files.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FolderView } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { photoPage } from '../../fixtures/photo-pages.ts';
import { runCli, spawnCli, useStabilityWindow } from '../../support/cli-process.ts';
import { startEngineHarness } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { createWaitList } from '../../support/waiting.ts';

/** A word of each catalogue's help for `--split` of `folders add`, and its usage error. */
const EXPECTED = {
  nl: { locale: 'nl_BE.UTF-8', help: 'scansessie', usage: 'N seconden, van 5 tot 600' },
  fr: { locale: 'fr_BE.UTF-8', help: 'session de numérisation', usage: 'N secondes, de 5 à 600' },
  en: { locale: 'en_US.UTF-8', help: 'scan session', usage: 'N seconds, from 5 to 600' },
} as const;

/**
 * An emulator, a temporary `phone` folder and `folders add … --split <split>` run in the CLI with
 * `locale`; what the tests need of them.
 */
async function bundlingFolder(t: TestContext, locale: string, split: string) {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'cli-folder-bundle');
  const phone = folder(parent, 'phone');
  const context = {
    configDir: folder(parent, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    env: { LANG: locale, LC_ALL: locale },
  };
  useStabilityWindow(context.configDir);
  const add = ['folders', 'add', phone, '--company', administration.companyNumber];
  const added = await runCli(context, [...add, '--type', 'purchase', '--split', split]);
  assert.equal(added.code, 0, added.stderr);
  return { phone, context, add };
}

// Each test has its own emulator and folders and mostly waits (a scan session's 5 s of quiet,
// uploads, processes starting): side by side.
describe('bundling folders in the CLI', { concurrency: true }, () => {
  test('folders add --split bundle:N binds a folder that bundles scan sessions; list shows it', async (t) => {
    const { phone, context, add } = await bundlingFolder(t, 'en_US.UTF-8', 'bundle:45');

    const listed = await runCli(context, ['folders', 'list']);
    assert.equal(listed.code, 0, listed.stderr);
    const row = listed.stdout.split('\n').find((line) => line.includes(`${phone} `));
    assert.ok(row?.includes('bundle:45'), listed.stdout);
    const json = await runCli(context, ['folders', 'list', '--json']);
    const [view] = JSON.parse(json.stdout) as FolderView[];
    assert.ok(view && view.binding.mode === 'single');
    assert.equal(view.binding.split, 'bundle:45');

    for (const [language, expected] of Object.entries(EXPECTED)) {
      const env = { LANG: expected.locale, LC_ALL: expected.locale };
      const refused = await runCli({ ...context, env }, [
        ...add,
        '--type',
        'purchase',
        '--split',
        'bundle:3',
      ]);
      assert.equal(refused.code, 2, `${language}: ${refused.stderr}`);
      assert.ok(refused.stderr.includes(expected.usage), `${language}: ${refused.stderr}`);
      const help = await runCli({ ...context, env }, ['folders', 'add', '--help']);
      // commander wraps the help at the terminal's width.
      const helpText = help.stdout.replace(/\s+/g, ' ');
      assert.ok(helpText.includes(expected.help), `${language}: ${help.stdout}`);
    }
  });

  test("watch's line for a file of a scan session names the combined document, never 'marked done'", async (t) => {
    // Seen attacking #19: each page's line read "uploaded IMG_0001.jpg → … (marked done, moved to
    // …)", though nobody marked it done; it went to Clearfacts inside the combined PDF.
    const { phone, context } = await bundlingFolder(t, 'nl_BE.UTF-8', 'bundle:5');
    const child = spawnCli(context, ['watch']);
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    const waits = createWaitList();
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      waits.wake();
    });
    await waits.until('watch to start', () => (stdout.includes('Ctrl-C') ? true : undefined));
    await writeFile(path.join(phone, 'IMG_0001.jpg'), await photoPage('page 1', 'jpeg'));
    await writeFile(path.join(phone, 'IMG_0002.jpg'), await photoPage('page 2', 'jpeg'));
    const pageLines = () => stdout.split('\n').filter((line) => /IMG_000[12]\.jpg → /.test(line));
    await waits.until(
      "both pages' lines after the combined document's upload",
      () => (pageLines().length === 2 ? true : undefined),
      { detail: () => stdout },
    );
    for (const line of pageLines()) {
      assert.ok(!line.includes('als gedaan gemarkeerd'), line);
      assert.match(line, /in samengevoegd document \d+/, line);
    }
    child.kill('SIGINT');
  });

  test("history lists a combined document's files under its table, in nl, fr and en", async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const parent = tempDir(t, 'cli-combined-history');
    const phone = folder(parent, 'phone');
    const names = ['IMG_0001.png', 'IMG_0002.jpg'];
    await writeFile(path.join(phone, names[0] ?? ''), await photoPage('page 1', 'png'));
    await writeFile(path.join(phone, names[1] ?? ''), await photoPage('page 2', 'jpeg'));
    const configDir = folder(parent, 'config');
    const harness = await startEngineHarness({ emulator, configDir });
    t.after(() => harness.close());
    const queued = await harness.engine.handlers['drop.combine']({
      paths: names.map((name) => path.join(phone, name)),
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    });
    await harness.waitForEntry('the combined document uploaded', (entry) => entry.uuid !== null);
    await harness.engine.whenIdle();
    await harness.stop();

    const expected = {
      nl: { locale: 'nl_BE.UTF-8', words: 'Samengevoegd uit 2 bestanden:' },
      fr: { locale: 'fr_BE.UTF-8', words: 'Réuni à partir de 2 fichiers :' },
      en: { locale: 'en_US.UTF-8', words: 'Combined from 2 files:' },
    };
    for (const [language, { locale, words }] of Object.entries(expected)) {
      const history = await runCli(
        { configDir, apiUrl: emulator.graphqlUrl, env: { LANG: locale, LC_ALL: locale } },
        ['history'],
      );
      assert.equal(history.code, 0, history.stderr);
      const line = history.stdout
        .split('\n')
        .find((candidate) => candidate.startsWith(`${String(queued.id).padStart(5)} `));
      assert.equal(
        line,
        `${String(queued.id).padStart(5)} IMG_0001 (+1).pdf: ${words} ${names.join(', ')}`,
        `${language}: ${history.stdout}`,
      );
    }
  });
});
