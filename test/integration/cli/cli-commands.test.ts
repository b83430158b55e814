// The headless CLI as a script or a person uses it: every command against a real emulator, the
// exit codes it documents, one-sentence errors, and the token kept out of every file but its own.
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FolderView, HistoryEntry } from '../../../src-main/contract/domain.ts';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { assertTokenNowhere, logLines } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import {
  runCli,
  spawnCli,
  startWatch,
  useStabilityWindow,
  type CliResult,
} from '../../support/cli-process.ts';
import { withDeadline } from '../../support/waiting.ts';

/** One sentence on stderr, never a stack trace. */
function assertOneSentence(result: CliResult, pattern: RegExp): void {
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
}

// Each test has its own emulator and config folder; the first, a long chain of commands, bounds
// the file, and the other two (a watch waiting for a token, `ui`) run beside it.
describe('the CLI against the emulator', { concurrency: true }, () => {
  test('token, folders, upload, history and retry, with their exit codes', async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration, second] = emulator.seed.administrations;
    assert.ok(administration && second);
    const root = tempDir(t, 'cli');
    const configDir = folder(root, 'config');
    const context = { configDir, apiUrl: emulator.graphqlUrl };
    const token = emulator.addToken([...ALL_SCOPES]);
    const tokenFile = path.join(configDir, 'token');

    const help = await runCli(context, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes:[\s\S]*3 +authentication/);

    assert.equal(
      (await runCli(context, ['frobnicate'])).code,
      2,
      'an unknown command is bad usage',
    );
    assert.equal((await runCli(context, ['history', '--limit', 'lots'])).code, 2);
    for (const command of ['retry', 'resend', 'mark-done']) {
      const badId = await runCli(context, [command, 'abc']);
      assert.equal(badId.code, 2, `${command} with a bad id is bad usage`);
      assertOneSentence(badId, /"abc" is not a history id/);
    }

    const noToken = await runCli(context, ['token', 'check']);
    assert.equal(noToken.code, 3);
    assertOneSentence(noToken, /No token is set/);

    const withoutConsent = await runCli(context, ['token', 'set'], `${token}\n`);
    assert.equal(withoutConsent.code, 2);
    assertOneSentence(withoutConsent, /--allow-plain-file/);
    assert.equal(existsSync(tokenFile), false);

    const notAToken = await runCli(context, ['token', 'set', '--allow-plain-file'], 'hello\n');
    assert.equal(notAToken.code, 2);
    assertOneSentence(notAToken, /not a Clearfacts token/);

    const set = await runCli(context, ['token', 'set', '--allow-plain-file'], `${token}\n`);
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /Token stored \(a file on this computer\)/);
    assert.match(set.stdout, /Warning: .*unencrypted/);
    assert.equal(statSync(tokenFile).mode & 0o777, 0o600);

    const check = await runCli(context, ['token', 'check', '--json']);
    assert.equal(check.code, 0, check.stderr);
    // Scopes are learned without side effects: the read scopes are verified, the upload scopes
    // can only be learned from a real upload, so they are reported apart as unchecked.
    const checked = JSON.parse(check.stdout) as { scopes: string[]; uncheckedScopes: string[] };
    assert.deepEqual(checked.scopes.sort(), ['archive_read', 'read_administrations']);
    assert.deepEqual(checked.uncheckedScopes.sort(), ['archive_actions', 'upload_document']);
    assert.deepEqual(
      emulator.phantoms(),
      [],
      'the token check uploaded nothing to learn its scopes',
    );
    const checkText = await runCli(context, ['token', 'check']);
    assert.equal(checkText.code, 0, checkText.stderr);
    assert.match(checkText.stdout, /Scopes: +read_administrations, archive_read\n/);
    assert.match(checkText.stdout, /Checked at the first upload: upload_document, archive_actions/);

    // The table writes company numbers as the KBO/BCE groups them (issue #14: they were bare).
    const table = await runCli(context, ['administrations']);
    assert.equal(table.code, 0, table.stderr);
    const bare = administration.companyNumber;
    assert.ok(
      table.stdout.includes(`${bare.slice(0, 4)}.${bare.slice(4, 7)}.${bare.slice(7)}`),
      table.stdout,
    );

    const listed = await runCli(context, ['administrations', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(
      JSON.parse(listed.stdout).some(
        (item: { companyNumber: string }) => item.companyNumber === administration.companyNumber,
      ),
    );

    const scans = folder(root, 'scans');
    const badCompany = await runCli(context, [
      'folders',
      'add',
      scans,
      '--company',
      '12',
      '--type',
      'purchase',
    ]);
    assert.equal(badCompany.code, 2);
    assertOneSentence(badCompany, /not a Belgian company number/);
    const noCategory = await runCli(context, [
      'folders',
      'add',
      scans,
      '--company',
      administration.companyNumber,
      '--type',
      'various',
    ]);
    assert.equal(noCategory.code, 2);
    assertOneSentence(noCategory, /needs --category/);
    const added = await runCli(context, [
      'folders',
      'add',
      scans,
      '--company',
      administration.companyNumber,
      '--type',
      'purchase',
      '--json',
    ]);
    assert.equal(added.code, 0, added.stderr);
    const [binding] = JSON.parse(added.stdout) as FolderView[];
    assert.equal(binding?.binding.path, scans);
    const again = await runCli(context, [
      'folders',
      'add',
      scans,
      '--company',
      administration.companyNumber,
      '--type',
      'sale',
    ]);
    assert.equal(again.code, 2);
    assertOneSentence(again, /already watched/);

    const good = path.join(root, 'good.pdf');
    const broken = path.join(root, 'broken.pdf');
    await writeFile(good, await pdfBytes(3, { label: 'good' }));
    await writeFile(broken, 'not a pdf at all');
    const upload = await runCli(context, [
      'upload',
      good,
      broken,
      '--company',
      second.companyNumber,
      '--type',
      'sale',
    ]);
    assert.equal(upload.code, 1, 'one file failed: partial failure');
    assert.match(upload.stdout, /uploaded +good\.pdf → .* 3 pages/);
    assert.match(upload.stdout, /failed +broken\.pdf: .*plain text/);
    assert.match(upload.stdout, /Uploaded: 1, failed: 1,/);
    assert.ok(existsSync(good) && existsSync(broken), 'files given to upload are never moved');
    assert.equal(emulator.uploads().length, 1);

    const history = await runCli(context, ['history', '--status', 'failed', '--json']);
    assert.equal(history.code, 0, history.stderr);
    const [failed] = (JSON.parse(history.stdout) as { rows: HistoryEntry[] }).rows;
    assert.equal(failed?.fileName, 'broken.pdf');
    assert.equal(failed.failure?.code, 'unsupported_type');

    const wrongState = await runCli(context, ['retry', String(failed.id + 1000)]);
    assert.equal(wrongState.code, 2);
    await writeFile(broken, await pdfBytes(2, { label: 'fixed' }));
    const retried = await runCli(context, ['retry', String(failed.id)]);
    assert.equal(retried.code, 0, retried.stderr);
    assert.match(retried.stdout, /uploaded +broken\.pdf/);
    assert.equal(emulator.uploads().length, 2);

    const removed = await runCli(context, ['folders', 'remove', scans]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual(JSON.parse((await runCli(context, ['folders', 'list', '--json'])).stdout), []);

    // An accountant's e-invoice inbox: bound with no administration, which its invoices name.
    const peppol = folder(root, 'peppol');
    const inbox = await runCli(context, ['folders', 'inbox', peppol]);
    assert.equal(inbox.code, 0, inbox.stderr);
    assert.match(inbox.stdout, /e-invoice inbox \(by the invoice's parties\)/);
    const inboxes = JSON.parse((await runCli(context, ['folders', 'list', '--json'])).stdout);
    assert.deepEqual(
      (inboxes as FolderView[]).map(({ binding }) => [binding.mode, binding.path]),
      [['e-invoice-inbox', peppol]],
    );
    assert.equal((await runCli(context, ['folders', 'remove', peppol])).code, 0);

    emulator.revokeToken(token);
    const late = path.join(root, 'late.pdf');
    await writeFile(late, await pdfBytes(1, { label: 'late' }));
    const refused = await runCli(context, [
      'upload',
      late,
      '--company',
      second.companyNumber,
      '--type',
      'purchase',
    ]);
    assert.equal(refused.code, 3, 'a refused token is an authentication failure');
    assertOneSentence(refused, /no longer accepts the token/);

    const cleared = await runCli(context, ['token', 'clear']);
    assert.equal(cleared.code, 0);
    assert.equal(existsSync(tokenFile), false);

    assertTokenNowhere(configDir, token);
    assert.equal(
      logLines(configDir).some((line) => line.includes(token)),
      false,
    );
  });

  test('a running watch resumes by itself after `token set` replaces a revoked token', async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const root = tempDir(t, 'cli-revoke');
    const configDir = folder(root, 'config');
    const scans = folder(root, 'scans');
    const context = { configDir, apiUrl: emulator.graphqlUrl };
    useStabilityWindow(configDir);
    const first = emulator.addToken([...ALL_SCOPES]);
    assert.equal((await runCli(context, ['token', 'set', '--allow-plain-file'], first)).code, 0);
    const added = await runCli(context, [
      'folders',
      'add',
      scans,
      '--company',
      administration.companyNumber,
      '--type',
      'sale',
    ]);
    assert.equal(added.code, 0, added.stderr);

    const watch = startWatch(t, context);
    await watch.until('the engine reports its status', () => watch.status() !== null);
    emulator.revokeToken(first);
    await writeFile(path.join(scans, 'waiting.pdf'), await pdfBytes(2, { label: 'waiting' }));
    await watch.until(
      'the queue waits for a token',
      () => watch.status()?.state === 'auth_required',
    );
    assert.match(englishOf(watch.status()?.reason), /Set a new token.*token set/);

    const replacement = emulator.addToken([...ALL_SCOPES]);
    const set = await runCli(context, ['token', 'set', '--allow-plain-file'], replacement);
    assert.equal(set.code, 0, set.stderr);
    await watch.until('the waiting file is uploaded', () =>
      [...watch.entries.values()].some(
        (entry) => entry.fileName === 'waiting.pdf' && entry.state === 'archived',
      ),
    );
    assert.equal(
      emulator.uploads().filter((upload) => upload.filename === 'waiting.pdf').length,
      1,
    );
    watch.child.kill('SIGTERM');
    assert.equal((await withDeadline('the watch to stop on SIGTERM', watch.exited)).code, 0);

    const tokenFile = path.join(configDir, 'token');
    for (const token of [first, replacement]) {
      assertTokenNowhere(configDir, token, tokenFile);
      assert.equal(
        logLines(configDir).some((line) => line.includes(token)),
        false,
      );
    }
  });

  test('`ui` serves the app on a loopback port behind its secret link, and stops cleanly', async (t) => {
    const emulator = await startTestEmulator(t);
    const configDir = folder(tempDir(t, 'cli-ui'), 'config');
    const child = spawnCli({ configDir, apiUrl: emulator.graphqlUrl, token: emulator.demoToken }, [
      'ui',
    ]);
    t.after(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const url = await withDeadline(
      'ui to print its link',
      new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\S*) in your browser/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`ui exited early: ${output}`)));
      }),
    );
    // The link carries a single-use code in its fragment, which the browser never sends: the page
    // itself is served to anyone on loopback, and no secret rides in a cookie.
    const link = new URL(url);
    assert.match(link.hash, /^#link=[\w-]{43}$/);
    assert.equal(link.pathname, '/');
    const page = await fetch(new URL('/', link), { redirect: 'manual' });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(page.headers.get('set-cookie'), null, 'no secret in a cookie');
    const invoke = (session?: string) =>
      fetch(new URL('/api/invoke/session.get', link), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(session === undefined ? {} : { 'x-clearfacts-session': session }),
        },
        body: JSON.stringify({}),
      });
    assert.equal((await invoke()).status, 403, 'without a session the API answers nothing');
    const trade = () =>
      fetch(new URL('/api/session', link), {
        method: 'POST',
        headers: { 'x-clearfacts-link': link.hash.slice('#link='.length) },
      });
    const traded = await trade();
    assert.equal(traded.status, 200, 'the link code is traded for a session');
    const { session } = (await traded.json()) as { session: string };
    assert.equal((await trade()).status, 403, 'the link is single-use');
    const signedIn = await invoke(session);
    assert.equal(signedIn.status, 200);
    const answer = (await signedIn.json()) as { ok: boolean; value: { user: unknown } };
    assert.equal(answer.ok, true);
    assert.notEqual(answer.value.user, null, 'the session reaches the signed-in engine');
    assert.equal((await invoke('x'.repeat(43))).status, 403, 'an unknown session is refused');
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    assert.equal(await withDeadline('ui to stop on SIGTERM', exited), 0);
  });
});
