// The headless CLI as a server runs it (token in CLEARFACTS_TOKEN), with --debug: token check,
// folders add, a watch with retries and refusals, the token revoked mid-run, history. Not one
// byte of any file under the config dir, and not one line the CLI printed, holds the token.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findHistoryDatabase } from '../../bench/lib/find-history-database.ts';
import { ALL_SCOPES, startEmulator } from '../emulator/index.ts';
import { randomBytes } from 'node:crypto';
import {
  followWatch,
  runCli,
  runReliableCli,
  useStabilityWindow,
  type CliTarget,
} from '../support/cli-process.ts';
import { withDeadline } from '../support/waiting.ts';
import { writeEncryptedPdf, writeHtmlNamedPdf, writeValidPdf } from '../support/hostile-files.ts';
import { findSecretIn, scanFolder } from './support/secret-scan.ts';

const FILES = 8;

test('a --debug CLI run leaves the token in no file under the config dir and no output line', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-cli-token-'));
  const emulator = await startEmulator();
  t.after(async () => {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  });
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const token = emulator.addToken([...ALL_SCOPES]);
  const target: CliTarget = {
    configDir: path.join(root, 'config'),
    apiUrl: emulator.graphqlUrl,
    token,
    debug: true,
  };
  useStabilityWindow(target.configDir);
  const printed: string[] = [];
  const run = async (args: string[]) => {
    const outcome = await runReliableCli(target, args);
    printed.push(outcome.stdout, outcome.stderr);
    return outcome;
  };

  const checked = await run(['token', 'check']);
  assert.equal(checked.code, 0, checked.stderr);
  const scans = path.join(root, 'scans');
  await mkdir(scans);
  const added = await run([
    'folders',
    'add',
    scans,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(added.code, 0, added.stderr);
  for (let index = 0; index < FILES; index += 1) {
    await writeValidPdf(path.join(scans, `invoice-${index}.pdf`));
  }
  await writeEncryptedPdf(path.join(scans, 'locked.pdf'));
  await writeHtmlNamedPdf(path.join(scans, 'web-page.pdf'));
  // Retried failures (503 with Retry-After, RFC 9110 §15.6.4) put the retry path in the log.
  emulator.setFaults({
    errorRate: 0.4,
    errorStatuses: [503],
    errorRetryAfterSeconds: 1,
    appliesTo: 'uploads',
    seed: 7,
  });

  const watch = followWatch(target);
  await watch.until('every file settled', (line) => {
    if (line.event !== 'status') return false;
    const { counts } = line;
    return (
      counts.pending === 0 &&
      counts.uploading === 0 &&
      counts.uploaded + counts.failed === FILES + 2
    );
  });
  emulator.revokeToken(token);
  await writeValidPdf(path.join(scans, 'after-revocation.pdf'));
  const blocked = await watch.until(
    'auth_required',
    (line) => line.event === 'status' && line.state === 'auth_required',
  );
  assert.ok(blocked.event === 'status' && blocked.reason !== null);
  const whileRunning = await scanFolder(target.configDir, [token]);
  assert.ok(
    whileRunning.files.some((file) => file.endsWith('-wal')),
    'the WAL was scanned',
  );
  assert.deepEqual(whileRunning.findings, []);
  watch.child.kill('SIGTERM');
  const stopped = await withDeadline('the watch to stop on SIGTERM', watch.exited);
  assert.equal(stopped.code, 0, watch.output.slice(-10).join('\n'));
  printed.push(...watch.output);

  const history = await run(['history', '--json', '--limit', '100']);
  assert.equal(history.code, 0, history.stderr);
  const refused = await run(['token', 'check']);
  assert.equal(refused.code, 3, `a revoked token is an authentication failure: ${refused.stderr}`);

  const { files, findings } = await scanFolder(target.configDir, [token]);
  t.diagnostic(`scanned ${files.length} files under the config dir and ${printed.length} outputs`);
  assert.ok(files.includes(await findHistoryDatabase(target.configDir)));
  assert.ok(
    files.some((file) => file.endsWith('.log')),
    'the --debug log was scanned',
  );
  assert.deepEqual(findings, []);
  assert.deepEqual(findSecretIn(Buffer.from(printed.join('\n')), 'CLI output', [token]), []);
});

test('a token typed as a command-line argument is never echoed back by a usage error', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-cli-typed-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const target = { configDir: path.join(root, 'config'), apiUrl: 'http://127.0.0.1:9/graphql' };
  // A personal access token is 80 printable characters, symbols included (the developer docs).
  const token = `${randomBytes(54).toString('base64url')}!$%&()*+,;<=>?@[]^{|}~`.slice(0, 80);
  assert.equal(token.length, 80);
  const typos = [token.slice(1), `${token}z`];
  const lines = [
    ['token', 'set', token],
    ['token', token],
    [token],
    ['token', 'set', `--${token}`],
    ['token', 'set', typos[0] ?? ''],
    ['token', 'set', typos[1] ?? ''],
  ];
  const printed: string[] = [];
  for (const args of lines) {
    const outcome = await runCli(target, args);
    assert.equal(outcome.code, 2, `a usage error: ${outcome.stderr}`);
    printed.push(outcome.stdout, outcome.stderr);
  }
  const output = printed.join('\n');
  assert.match(output, /too many arguments/, 'commander did answer');
  for (const secret of [token, ...typos]) {
    assert.deepEqual(findSecretIn(Buffer.from(output), 'CLI output', [secret]), []);
    // No 12-character piece either.
    for (let start = 0; start + 12 <= secret.length; start += 1) {
      assert.ok(!output.includes(secret.slice(start, start + 12)), `piece at ${start} was echoed`);
    }
  }
});
