// CLEARFACTS_TOKEN_FILE as a service meets it (#15): a token file that is missing, unreadable or
// holds no token is an authentication problem (exit 3, which the systemd unit does not restart
// on), said in the user's language and naming the file, never "no token is set: run `token set`"
// (`token set` cannot change a token given with the process). A token file written by `echo`
// or a Windows editor (trailing newline, CRLF) is the token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli, type CliContext, type CliResult } from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { EXIT } from '../../../src-main/cli/exit-codes.ts';

/** English that the token stores used to write straight to every terminal. */
const ENGLISH = /cannot be read|is not a Clearfacts token|No token|Error:/;

function assertDutchAbout(result: CliResult, what: string, tokenFile: string): void {
  const said = `${result.stdout}${result.stderr}`;
  assert.equal(result.code, EXIT.auth, `${what}: exit code 3 (authentication)\n${said}`);
  assert.ok(said.includes(tokenFile), `${what} names the token file:\n${said}`);
  assert.doesNotMatch(said, ENGLISH, `${what} speaks English on a Dutch terminal`);
  assert.doesNotMatch(said, /token set/, `${what} suggests \`token set\`, which cannot help`);
  assert.match(said, /^Fout: /m, `${what} reports in Dutch`);
}

test('a missing or token-less CLEARFACTS_TOKEN_FILE stops `token check` and `watch` with exit 3, in Dutch, naming the file', async (t) => {
  const emulator = await startTestEmulator(t);
  const root = tempDir(t, 'tokenbestand');
  const configDir = folder(root, 'instellingen');
  const dutch = { LC_ALL: 'nl_BE.UTF-8', LANG: 'nl_BE.UTF-8' };
  const withFile = (tokenFile: string): CliContext => ({
    configDir,
    apiUrl: emulator.graphqlUrl,
    env: { ...dutch, CLEARFACTS_TOKEN_FILE: tokenFile },
  });

  const missing = path.join(root, 'ontbreekt');
  assertDutchAbout(await runCli(withFile(missing), ['token', 'check']), 'token check', missing);
  assertDutchAbout(await runCli(withFile(missing), ['watch']), 'watch', missing);

  const empty = path.join(root, 'leeg');
  await writeFile(empty, '\n');
  assertDutchAbout(await runCli(withFile(empty), ['token', 'check']), 'token check', empty);
  assertDutchAbout(await runCli(withFile(empty), ['watch']), 'watch', empty);

  const token = emulator.addToken([...ALL_SCOPES]);
  for (const [name, content] of [
    ['echo', `${token}\n`],
    ['windows', `${token}\r\n`],
  ] as const) {
    const tokenFile = path.join(root, name);
    await writeFile(tokenFile, content, { mode: 0o400 });
    const check = await runCli(withFile(tokenFile), ['token', 'check', '--json']);
    assert.equal(check.code, 0, `${name}: ${check.stderr}`);
  }
});
