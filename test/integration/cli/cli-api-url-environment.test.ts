// CLEARFACTS_API_URL as the README promises it: the CLI (a service's ExecStart, a script) is given
// its Clearfacts address in the environment, as the desktop app is. It once ignored the variable
// and called the real Clearfacts instead (attack-18); an address the contract refuses is a usage
// error before any connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli } from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { EXIT } from '../../../src-main/cli/exit-codes.ts';

test('CLEARFACTS_API_URL is the address when --api-url is not given, checked like it', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'api-url-env'), 'config');
  const token = emulator.addToken([...ALL_SCOPES], { username: 'address-from-environment' });

  const check = await runCli(
    { configDir, apiUrl: emulator.graphqlUrl, apiUrlInEnvironment: true, token },
    ['token', 'check', '--json'],
  );
  assert.equal(check.code, 0, `token check against the emulator: ${check.stderr}`);
  assert.match(check.stdout, /address-from-environment/, 'the emulator it names answered');

  const plain = await runCli(
    { configDir, apiUrl: 'http://clearfacts.example/graphql', apiUrlInEnvironment: true, token },
    ['token', 'check'],
  );
  assert.equal(plain.code, EXIT.usage, `plain http off this machine is refused: ${plain.stderr}`);
  assert.match(plain.stderr, /https/);
});
