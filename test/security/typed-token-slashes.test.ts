// A personal access token is 80 printable ASCII characters, so it may hold `/` and `\` (standard
// base64 has `/`). Typed with one character too many, it was taken for a path (the near-token rule
// skipped anything with a path separator) and commander echoed it whole in "too many arguments"
// (#12 attack). A path that exists, or that reads as one, stays readable.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli-process.ts';
import { findSecretIn } from './support/secret-scan.ts';

test('a typed token with slashes, one character off, is not echoed by a usage error', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-cli-slashes-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const target = { configDir: path.join(root, 'config'), apiUrl: 'http://127.0.0.1:9/graphql' };
  const token = 'Ab3/Cd4+Ef5/Gh6+Ij7/Kl8+Mn9/Op0+Qr1/St2+Uv3/Wx4+Yz5/Ab6+Cd7\\Ef8+Gh9/Ij0+Kl1/Mn2!';
  assert.equal(token.length, 80);
  const printed: string[] = [];
  for (const typed of [`${token}x`, token.slice(1), `${token}/`]) {
    for (const args of [['status', typed], [typed]]) {
      const outcome = await runCli(target, args);
      assert.equal(outcome.code, 2, `a usage error: ${outcome.stderr}`);
      printed.push(outcome.stdout, outcome.stderr);
    }
  }
  const output = printed.join('\n');
  assert.match(output, /too many arguments|unknown command/, 'commander did answer');
  assert.deepEqual(findSecretIn(Buffer.from(output), 'CLI output', [token.slice(1, -1)]), []);
  for (let start = 0; start + 12 <= token.length; start += 1) {
    assert.ok(!output.includes(token.slice(start, start + 12)), `piece at ${start} was echoed`);
  }

  // A path is no token: a missing file named on the command line is still named.
  const missing = path.join(root, 'scans', 'a-long-folder-name', 'invoice-2026-0001.pdf');
  const named = await runCli(target, ['status', missing]);
  assert.ok(named.stderr.includes(missing), named.stderr);
});
