// A second `clearfacts-uploader` process reaches the engine a first one runs, over the control
// channel of their config folder: real processes, a real socket, the emulator over real HTTP.
// Only the owner of the folder gets in, bad frames cost only their own connection, and a socket
// left by a killed engine does not keep the next one from opening its channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { HistoryEntry, StatusSnapshot } from '../../../src-main/contract/domain.ts';
import { ALL_SCOPES } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { runCli, spawnCli, startWatch, type CliContext } from '../../support/cli-process.ts';

const DEADLINE_MS = 30_000;

interface StatusJson {
  running: boolean;
  engine: { shell: string; pid: number; version: string; protocol: number } | null;
  status: StatusSnapshot;
}

function within<T>(promise: Promise<T>, what: string, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function status(context: CliContext): Promise<{ code: number | null; json: StatusJson }> {
  const result = await runCli(context, ['status', '--json']);
  assert.equal(result.stderr, '', 'status has nothing to complain about');
  return { code: result.code, json: JSON.parse(result.stdout) as StatusJson };
}

test('a second process reaches the engine `watch` runs: status, upload, history, and status after it stops', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'control-cli');
  const configDir = folder(root, 'config');
  // Only `watch` has a token: the other processes can only succeed through its engine.
  const token = emulator.addToken([...ALL_SCOPES]);
  const second: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  const watch = startWatch(t, { ...second, token });
  await watch.until('the engine reports its status', () => watch.status() !== null);
  const socketPath = path.join(configDir, 'engine.sock');
  assert.equal(statSync(socketPath).mode & 0o777, 0o600);

  const idle = await status(second);
  assert.equal(idle.code, 0, 'idle: nothing needs the user');
  assert.equal(idle.json.running, true);
  assert.equal(idle.json.engine?.pid, watch.child.pid, "the answer is the watch process's");
  assert.equal(idle.json.engine?.shell, 'cli');
  assert.equal(idle.json.status.state, 'idle');

  const human = await runCli(second, ['status']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, new RegExp(`Engine: +running .*process ${watch.child.pid}`));

  const good = path.join(root, 'good.pdf');
  const broken = path.join(root, 'broken.pdf');
  await writeFile(good, await pdfBytes(2, { label: 'handed over' }));
  await writeFile(broken, 'not a pdf at all');
  // Relative paths, as a person types them, mean the second process's folder, not the engine's.
  const uploaded = await runCli({ ...second, cwd: root }, [
    'upload',
    'good.pdf',
    'broken.pdf',
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(uploaded.code, 1, `one file failed: partial failure\n${uploaded.stderr}`);
  assert.match(uploaded.stdout, /uploaded +good\.pdf → .* 2 pages/);
  assert.match(uploaded.stdout, /failed +broken\.pdf/);
  assert.equal(emulator.uploads().length, 1);
  await watch.until('the watch engine tells about the upload it made', () =>
    [...watch.entries.values()].some(
      (entry) => entry.fileName === 'good.pdf' && entry.uuid !== null,
    ),
  );

  const history = await runCli(second, ['history', '--json']);
  assert.equal(history.code, 0, history.stderr);
  const rows = (JSON.parse(history.stdout) as { rows: HistoryEntry[] }).rows;
  assert.deepEqual(rows.map((row) => [row.fileName, row.state, row.source]).sort(), [
    ['broken.pdf', 'failed', 'cli'],
    ['good.pdf', 'uploaded', 'cli'],
  ]);

  const attention = await status(second);
  assert.equal(attention.code, 1, 'a failed file needs the user');
  assert.equal(attention.json.status.counts.failed, 1);

  watch.child.kill('SIGTERM');
  assert.equal((await within(watch.exited, 'watch to stop')).code, 0);
  assert.equal(existsSync(socketPath), false, 'a clean stop takes the socket with it');
  const stopped = await status(second);
  assert.equal(stopped.json.running, false);
  assert.equal(stopped.json.engine, null);
  assert.deepEqual(
    stopped.json.status.counts,
    attention.json.status.counts,
    'the same counts, from the history',
  );
  assert.equal(stopped.code, 1);
});

test('every command that needs an engine works through the running one', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'control-commands');
  const configDir = folder(root, 'config');
  const token = emulator.addToken([...ALL_SCOPES]);
  const second: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  const watch = startWatch(t, { ...second, token });
  await watch.until('the engine reports its status', () => watch.status() !== null);
  const company = administration.companyNumber;

  // Clearfacts answers only with the token, which only the watch process has.
  const listed = await runCli(second, ['administrations', '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.ok(
    (JSON.parse(listed.stdout) as { companyNumber: string }[]).some(
      (item) => item.companyNumber === company,
    ),
  );
  const categories = await runCli(second, ['categories', company, '--json']);
  assert.equal(categories.code, 0, categories.stderr);
  assert.ok(Array.isArray(JSON.parse(categories.stdout).various));

  const scans = folder(root, 'scans');
  const added = await runCli({ ...second, cwd: root }, [
    'folders',
    'add',
    'scans',
    '--company',
    company,
    '--type',
    'sale',
    '--json',
  ]);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(JSON.parse(added.stdout)[0]?.binding.path, scans, 'a relative folder is ours');
  await writeFile(path.join(scans, 'scanned.pdf'), await pdfBytes(1, { label: 'scanned' }));
  await watch.until('the watch picks up the folder it was told about and sends its file', () =>
    [...watch.entries.values()].some(
      (entry) => entry.fileName === 'scanned.pdf' && entry.state === 'archived',
    ),
  );
  const removed = await runCli(second, ['folders', 'remove', scans]);
  assert.equal(removed.code, 0, removed.stderr);
  assert.deepEqual(JSON.parse((await runCli(second, ['folders', 'list', '--json'])).stdout), []);

  const fixable = path.join(root, 'fixable.pdf');
  await writeFile(fixable, 'not yet a pdf');
  const failed = await runCli(second, [
    'upload',
    fixable,
    '--company',
    company,
    '--type',
    'sale',
    '--json',
  ]);
  assert.equal(failed.code, 1);
  const [entry] = JSON.parse(failed.stdout) as HistoryEntry[];
  assert.equal(entry?.state, 'failed');
  await writeFile(fixable, await pdfBytes(2, { label: 'fixed' }));
  const retried = await runCli(second, ['retry', String(entry.id)]);
  assert.equal(retried.code, 0, retried.stderr);
  assert.match(retried.stdout, /uploaded +fixable\.pdf/);

  const again = await runCli(second, [
    'upload',
    fixable,
    '--company',
    company,
    '--type',
    'sale',
    '--json',
  ]);
  assert.equal(again.code, 0, again.stderr);
  const [duplicate] = JSON.parse(again.stdout) as HistoryEntry[];
  assert.equal(duplicate?.state, 'duplicate');
  const resent = await runCli(second, ['resend', String(duplicate.id)]);
  assert.equal(resent.code, 0, resent.stderr);
  assert.match(resent.stdout, /uploaded +fixable\.pdf/);
  assert.equal(emulator.uploads().filter((upload) => upload.filename === 'fixable.pdf').length, 2);

  // The engine's refusal travels back as the same one sentence and exit code.
  const notUnconfirmed = await runCli(second, ['mark-done', String(entry.id)]);
  assert.equal(notUnconfirmed.code, 2);
  assert.match(notUnconfirmed.stderr, /^Error: .+\n$/);
});

test('bad frames sent to a running watch cost only their connection; a killed watch leaves no obstacle', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'control-stale'), 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl, token: emulator.demoToken };
  const socketPath = path.join(configDir, 'engine.sock');
  const first = startWatch(t, context);
  await first.until('the first engine reports its status', () => first.status() !== null);

  for (const garbage of ['not json\n', '{"type":"invoke"}\n', `${'['.repeat(9_000_000)}`]) {
    const peer = net.connect(socketPath);
    peer.on('error', () => {});
    const lines: string[] = [];
    createInterface({ input: peer }).on('line', (line) => lines.push(line));
    await within(new Promise((resolve) => peer.once('data', resolve)), 'the hello');
    peer.write(garbage);
    await within(new Promise((resolve) => peer.once('close', resolve)), 'the server to hang up');
    assert.equal(JSON.parse(lines.at(-1) ?? '{}').type, 'refused', garbage.slice(0, 20));
  }
  assert.equal(first.child.exitCode, null, 'the engine lives on');
  const answered = await status(context);
  assert.equal(answered.json.engine?.pid, first.child.pid);

  first.child.kill('SIGKILL');
  await within(first.exited, 'the first watch to die');
  assert.ok(statSync(socketPath).isSocket(), 'a killed engine leaves its socket behind');
  const none = await status(context);
  assert.equal(none.json.running, false, 'a socket nobody answers on is no engine');
  assert.equal(none.code, 0);

  const next = startWatch(t, context);
  await next.until('the next engine reports its status', () => next.status() !== null);
  const reached = await status(context);
  assert.equal(reached.json.running, true);
  assert.equal(reached.json.engine?.pid, next.child.pid, 'the next engine opened the channel');
  next.child.kill('SIGTERM');
  assert.equal((await within(next.exited, 'the next watch to stop')).code, 0);
});

/** How to run a command as `nobody`, when this test runs as root; null when it cannot. */
function asNobody(): ((command: string, args: string[]) => string[]) | null {
  if (process.getuid?.() !== 0) return null;
  const has = (tool: string) =>
    spawnSync(tool, ['--help'], { stdio: 'ignore' }).error === undefined;
  if (has('setpriv')) {
    return (command, args) => [
      'setpriv',
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      command,
      ...args,
    ];
  }
  if (has('runuser')) return (command, args) => ['runuser', '-u', 'nobody', '--', command, ...args];
  return null;
}

const PROBE = `
import net from 'node:net';
const [socketPath, clientModule, configDir] = process.argv.slice(1);
const raw = await new Promise((resolve) => {
  const socket = net.connect(socketPath);
  socket.once('connect', () => { socket.destroy(); resolve('connected'); });
  socket.once('error', (error) => resolve(error.code));
});
let client;
try {
  const { connectToRunningEngine } = await import(clientModule);
  const remote = await connectToRunningEngine(configDir);
  client = remote === null ? 'no engine' : 'connected';
  remote?.close();
} catch (error) {
  client = error.message;
}
console.log(JSON.stringify({ uid: process.getuid(), raw, client }));
`;

const nobody = asNobody();

test(
  "another user's process cannot connect; the owner's can",
  {
    skip:
      nobody === null
        ? 'needs root and setpriv or runuser to run a process as another user'
        : false,
  },
  async (t) => {
    assert.ok(nobody);
    const emulator = await startTestEmulator(t);
    const { configDir } = await startEngine(t, { emulator, token: emulator.demoToken });
    const socketPath = path.join(configDir, 'engine.sock');
    const clientModule = path.resolve(
      import.meta.dirname,
      '../../../src-main/core/control/control-client.ts',
    );
    const probeArgs = ['--input-type=module', '-e', PROBE, socketPath, clientModule, configDir];

    // Asynchronously: the engine answering the probe runs in this very process.
    function probe(command: string[]): Promise<{ uid: number; raw: string; client: string }> {
      const [tool, ...args] = command;
      assert.ok(tool);
      const child = spawn(tool, args, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
      t.after(() => child.kill('SIGKILL'));
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return within(
        new Promise((resolve, reject) =>
          child.on('close', (code) => {
            if (code === 0)
              resolve(JSON.parse(stdout) as { uid: number; raw: string; client: string });
            else reject(new Error(`the probe failed (${code}): ${stderr}`));
          }),
        ),
        `the probe ${command.slice(0, 3).join(' ')}`,
      );
    }

    const owner = await probe([process.execPath, ...probeArgs]);
    assert.deepEqual(
      owner,
      { uid: 0, raw: 'connected', client: 'connected' },
      'the probe can succeed',
    );

    // The config folder is 0700 (in a 0700 temp folder): the path cannot even be reached.
    const outsider = await probe(nobody(process.execPath, probeArgs));
    assert.equal(outsider.uid, 65534);
    assert.match(outsider.raw, /^(EACCES|EPERM)$/);
    assert.match(outsider.client, /cannot be reached.*(EACCES|EPERM)/);

    // Folders opened to everyone: the socket's own 0600 still keeps the outsider out...
    chmodSync(path.dirname(configDir), 0o755);
    chmodSync(configDir, 0o755);
    assert.equal(statSync(socketPath).mode & 0o777, 0o600);
    const throughOpenFolders = await probe(nobody(process.execPath, probeArgs));
    assert.match(throughOpenFolders.raw, /^(EACCES|EPERM)$/);
    assert.match(throughOpenFolders.client, /(EACCES|EPERM)/);

    // ...and is what does: opened to everyone, it lets them in.
    chmodSync(socketPath, 0o666);
    assert.equal((await probe(nobody(process.execPath, probeArgs))).raw, 'connected');
  },
);

test('a second `ui` serves the page and forwards to the running engine, until that one stops', async (t) => {
  const emulator = await startTestEmulator(t);
  const configDir = folder(tempDir(t, 'control-ui'), 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl };
  const watch = startWatch(t, { ...context, token: emulator.demoToken });
  await watch.until('the engine reports its status', () => watch.status() !== null);

  const ui = spawnCli(context, ['ui']);
  t.after(() => {
    if (ui.exitCode === null) ui.kill('SIGKILL');
  });
  let stderr = '';
  ui.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => ui.on('exit', (code) => resolve(code)));
  const line = await within(
    new Promise<string>((resolve, reject) => {
      createInterface({ input: ui.stdout }).once('line', resolve);
      ui.once('exit', () => reject(new Error(`ui exited early: ${stderr}`)));
    }),
    'the link',
  );
  const link = /http:\/\/127\.0\.0\.1:\d+\/#link=[\w-]{43}/.exec(line)?.[0];
  assert.ok(link, `the ui prints its link: ${line}`);
  assert.match(line, new RegExp(`process ${watch.child.pid}`), 'and says it forwards');

  // The page trades the link's single-use code for a session it sends as a header.
  const origin = new URL(link).origin;
  const entry = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'x-clearfacts-link': new URL(link).hash.slice('#link='.length) },
  });
  assert.equal(entry.status, 200);
  const { session: pageSession } = (await entry.json()) as { session: string };
  async function invoke(
    channel: string,
  ): Promise<{ ok: boolean; value?: Record<string, unknown> }> {
    const answer = await fetch(`${origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-clearfacts-session': pageSession,
        origin,
      },
      body: '{}',
    });
    return (await answer.json()) as { ok: boolean; value?: Record<string, unknown> };
  }
  const session = await invoke('session.get');
  assert.equal(session.value?.signedIn, true, "the watch engine's session, not a new one");
  assert.equal((await invoke('app.info')).value?.shell, 'browser', 'the page is in a browser');
  const forwarded = await status(context);
  assert.equal(forwarded.json.engine?.pid, watch.child.pid, 'still one engine: the watch');

  watch.child.kill('SIGTERM');
  assert.equal(await within(exited, 'the ui to stop with the engine'), 1);
  assert.match(stderr, /The engine this page worked with is gone/);
});

test('files handed to an engine that stops before sending them are sent by the handing process', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'control-takeover');
  const configDir = folder(root, 'config');
  const context: CliContext = { configDir, apiUrl: emulator.graphqlUrl, token: emulator.demoToken };
  const watch = startWatch(t, context);
  await watch.until('the engine reports its status', () => watch.status() !== null);
  // Clearfacts asks to slow down: the watch keeps the file queued.
  emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });

  const file = path.join(root, 'handed.pdf');
  await writeFile(file, await pdfBytes(1, { label: 'handed' }));
  const upload = spawnCli(context, [
    'upload',
    file,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  t.after(() => {
    if (upload.exitCode === null) upload.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  upload.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  upload.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const uploadExited = new Promise<number | null>((resolve) =>
    upload.on('exit', (code) => resolve(code)),
  );
  await watch.until('the watch engine was told to retry the file later', () =>
    [...watch.entries.values()].some(
      (entry) =>
        entry.fileName === 'handed.pdf' && entry.state === 'ready' && entry.failure !== null,
    ),
  );
  watch.child.kill('SIGTERM');
  assert.equal((await within(watch.exited, 'the watch to stop')).code, 0);
  emulator.setFaults({});

  assert.equal(await within(uploadExited, 'the upload to finish by itself'), 0, stderr);
  assert.match(stdout, /is gone .*; this process sends the other 1 file/);
  assert.match(stdout, /uploaded +handed\.pdf/);
  assert.equal(emulator.uploads().filter((item) => item.filename === 'handed.pdf').length, 1);
});
