// `service install | status | uninstall` on Linux as an administrator runs them: the systemd user
// unit written where systemd reads it (XDG_CONFIG_HOME, a temp folder here), `service status`
// answered by the running engine over its control channel and from the history when none runs,
// and a non-zero exit whenever systemd could not be told (the service may then still run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import { runCli, startWatch, type CliContext } from '../../support/cli-process.ts';

const ServiceJson = (text: string) =>
  JSON.parse(text) as {
    service: { manager: string; installed: boolean; running: boolean; definition: string };
    running: boolean;
    engine: { pid: number } | null;
  };

test(
  'service install writes the unit, status reads the engine or the history, uninstall removes it',
  {
    skip: process.platform === 'linux' ? false : 'the systemd unit is Linux only',
  },
  async (t) => {
    const emulator = await startTestEmulator(t);
    const root = tempDir(t, 'service');
    const xdg = folder(root, 'xdg');
    const tokenFile = path.join(root, 'token');
    await writeFile(tokenFile, `${emulator.demoToken}\n`, { mode: 0o600 });
    const context: CliContext = {
      configDir: folder(root, 'config'),
      apiUrl: emulator.graphqlUrl,
      env: { XDG_CONFIG_HOME: xdg },
    };
    const unitPath = path.join(xdg, 'systemd', 'user', 'clearfacts-uploader.service');

    const installed = await runCli(context, [
      'service',
      'install',
      '--token-file',
      tokenFile,
      '--no-linger',
    ]);
    assert.ok(existsSync(unitPath), installed.stdout + installed.stderr);
    const unit = readFileSync(unitPath, 'utf8');
    assert.match(unit, /^RestartPreventExitStatus=3$/m);
    assert.ok(unit.includes(`"--config-dir" "${context.configDir}"`), unit);
    assert.ok(unit.includes(`CLEARFACTS_TOKEN_FILE=${tokenFile}`), unit);
    assert.ok(!unit.includes(emulator.demoToken), 'the unit holds no token');
    const systemdAnswers = !installed.stdout.includes('systemd could not be reached');
    assert.equal(installed.code, systemdAnswers ? 0 : 1, installed.stdout);
    assert.match(installed.stdout, /loginctl enable-linger/, 'lingering is explained');

    // No engine: the history answers, and the service is not running.
    const idle = await runCli(context, ['service', 'status', '--json']);
    const idleJson = ServiceJson(idle.stdout);
    assert.equal(idleJson.service.manager, 'systemd');
    assert.equal(idleJson.service.installed, true);
    assert.equal(idleJson.service.definition, unitPath);
    assert.equal(idleJson.running, false);
    assert.equal(idleJson.engine, null);
    assert.equal(idle.code, 1, 'a service that does not run needs a person');

    // An engine runs (here a `watch` of the test, not the service): it answers for itself.
    const watch = startWatch(t, { ...context, token: emulator.demoToken });
    await watch.until('the engine reports its status', () => watch.status() !== null);
    const running = await runCli(context, ['service', 'status', '--json']);
    const runningJson = ServiceJson(running.stdout);
    assert.equal(runningJson.running, true);
    assert.equal(runningJson.engine?.pid, watch.child.pid);
    const human = await runCli(context, ['service', 'status']);
    assert.match(human.stdout, /^Service: +installed \(/m);
    assert.match(
      human.stdout,
      new RegExp(`^Engine: +running .*\\(process ${watch.child.pid}`, 'm'),
    );
    watch.child.kill('SIGTERM');
    await watch.exited;

    const removed = await runCli(context, ['service', 'uninstall']);
    assert.equal(existsSync(unitPath), false, 'the unit file is gone');
    assert.equal(removed.code, systemdAnswers ? 0 : 1, `uninstall: ${removed.stdout}`);
  },
);

test('service install refuses a token file that holds no token, naming it, and writes no unit', async (t) => {
  const root = tempDir(t, 'service-token-file');
  const xdg = folder(root, 'xdg');
  const tokenFile = path.join(root, 'token');
  // The usual slip: the file made but the token not yet pasted into it.
  await writeFile(tokenFile, '\n', { mode: 0o600 });
  const context: CliContext = {
    configDir: folder(root, 'config'),
    // Never asked: the file is read before anything else.
    apiUrl: 'http://127.0.0.1:9/graphql',
    env: { XDG_CONFIG_HOME: xdg },
  };
  for (const args of [['--print'], ['--no-linger']]) {
    const refused = await runCli(context, [
      'service',
      'install',
      '--token-file',
      tokenFile,
      ...args,
    ]);
    assert.equal(refused.code, 3, `install ${args.join(' ')}: ${refused.stdout}${refused.stderr}`);
    assert.ok(refused.stderr.includes(tokenFile), refused.stderr);
    assert.doesNotMatch(
      refused.stdout,
      /ExecStart/,
      'no unit is shown for a service that cannot start',
    );
  }
  const unitPath = path.join(xdg, 'systemd', 'user', 'clearfacts-uploader.service');
  assert.equal(existsSync(unitPath), false, 'no unit is written');
});
