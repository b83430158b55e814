// Issue #19 in the CLI: `folders add --split bundle:N` makes a folder bundle scan sessions (N
// seconds of quiet, 5 to 600), `folders list` shows it in its SPLIT column and `--json` carries
// it; a quiet window out of range is bad usage (exit 2) in the CLI's language, and the option's
// help names the choice in nl, fr and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FolderView } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli } from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/** A word of each catalogue's help for `--split` of `folders add`, and its usage error. */
const EXPECTED = {
  nl: { locale: 'nl_BE.UTF-8', help: 'scansessie', usage: 'N seconden, van 5 tot 600' },
  fr: { locale: 'fr_BE.UTF-8', help: 'session de numérisation', usage: 'N secondes, de 5 à 600' },
  en: { locale: 'en_US.UTF-8', help: 'scan session', usage: 'N seconds, from 5 to 600' },
} as const;

test('folders add --split bundle:N binds a folder that bundles scan sessions; list shows it', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'cli-folder-bundle');
  const phone = folder(parent, 'phone');
  const context = {
    configDir: folder(parent, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  };
  const add = ['folders', 'add', phone, '--company', administration.companyNumber];
  const added = await runCli(context, [...add, '--type', 'purchase', '--split', 'bundle:45']);
  assert.equal(added.code, 0, added.stderr);

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
