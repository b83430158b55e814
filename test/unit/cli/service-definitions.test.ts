// The service definitions `service install` writes: their exact text, their quoting of hostile
// paths checked by independent readers (systemd-analyze for the unit, Python's plistlib for the
// agent), and the Windows command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  LAUNCHD_EXIT_WRAPPER,
  renderLaunchdAgent,
} from '../../../src-main/cli/service/launchd-agent.ts';
import { serviceCommand, type ServiceSpec } from '../../../src-main/cli/service/service-spec.ts';
import { renderSystemdUnit } from '../../../src-main/cli/service/systemd-unit.ts';
import { windowsTaskCommands } from '../../../src-main/cli/service/windows-task.ts';
import { createWaitList, withDeadline } from '../../support/waiting.ts';

const plain: ServiceSpec = {
  node: '/usr/local/bin/node',
  script: '/usr/local/lib/node_modules/clearfacts-uploader/bin/clearfacts-uploader.js',
  configDir: '/home/office/.config/clearfacts-uploader',
  tokenFile: '/run/credentials/clearfacts-token',
};

const hostile: ServiceSpec = {
  node: '/opt/node 24/bin/node',
  script: '/srv/100% "sure"/$HOME\\bin/clearfacts-uploader.js',
  configDir: '/srv/scans & <more>/config',
  apiUrl: 'http://127.0.0.1:4000/graphql?a=1&b=%41',
  tokenFile: '/srv/tokens/%i $USER',
};

test('the systemd unit runs `watch`, restarts on failure but not on exit code 3, and holds no token', () => {
  assert.equal(
    renderSystemdUnit(plain),
    `# Written by \`clearfacts-uploader service install\`; \`clearfacts-uploader service uninstall\` removes it.
[Unit]
Description=Clearfacts Uploader: sends the documents in the watched folders to Clearfacts

[Service]
Type=exec
ExecStart="/usr/local/bin/node" "--max-semi-space-size=4" "/usr/local/lib/node_modules/clearfacts-uploader/bin/clearfacts-uploader.js" "--config-dir" "/home/office/.config/clearfacts-uploader" "watch"
Environment="MALLOC_ARENA_MAX=2"
Environment="CLEARFACTS_TOKEN_FILE=/run/credentials/clearfacts-token"
Restart=on-failure
RestartSec=10
RestartPreventExitStatus=3
# The engine logs to the rotating log in the config folder; the journal gets only stderr.
StandardOutput=null
StandardError=journal
# SIGTERM lets running sends finish (stopGraceMs) before the engine exits.
KillSignal=SIGTERM
TimeoutStopSec=60

[Install]
WantedBy=default.target
`,
  );
  const unit = renderSystemdUnit(hostile);
  assert.ok(
    unit.includes(
      'ExecStart="/opt/node 24/bin/node" "--max-semi-space-size=4" "/srv/100%% \\"sure\\"/$$HOME\\\\bin/clearfacts-uploader.js" "--config-dir" "/srv/scans & <more>/config" "--api-url" "http://127.0.0.1:4000/graphql?a=1&b=%%41" "watch"',
    ),
    unit,
  );
  assert.ok(unit.includes('Environment="CLEARFACTS_TOKEN_FILE=/srv/tokens/%%i $USER"'), unit);
  assert.throws(() => renderSystemdUnit({ ...plain, configDir: '/a\nExecStartPre=/bin/sh' }));
});

test('systemd-analyze reads the unit with hostile paths without a complaint', (t) => {
  const analyze = spawnSync('systemd-analyze', ['--version']);
  if (analyze.status !== 0) {
    t.skip('systemd-analyze is not installed');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-unit-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const unitFile = path.join(dir, 'clearfacts-uploader-test.service');
  // The executable must exist for verify to accept ExecStart; the rest is quoted as it is.
  writeFileSync(unitFile, renderSystemdUnit({ ...hostile, node: '/bin/true' }));
  const verified = spawnSync('systemd-analyze', ['verify', unitFile], { encoding: 'utf8' });
  const complaints = `${verified.stdout}${verified.stderr}`
    .split('\n')
    .filter((line) => line.includes(unitFile));
  assert.deepEqual(complaints, [], 'systemd-analyze verify has nothing to say about the unit');
  assert.equal(verified.status, 0, verified.stderr);
});

test('the launchd agent keeps the engine alive after a failure and says the same words as the spec', (t) => {
  const agent = renderLaunchdAgent(hostile);
  assert.ok(agent.includes('<string>/srv/scans &amp; &lt;more&gt;/config</string>'));
  assert.throws(() => renderLaunchdAgent({ ...plain, configDir: '/a\u0001b' }));
  const python = spawnSync('python3', ['--version']);
  if (python.status !== 0) {
    t.skip('python3 (plistlib) is not installed');
    return;
  }
  const read = spawnSync(
    'python3',
    [
      '-c',
      'import json, plistlib, sys; print(json.dumps(plistlib.loads(sys.stdin.buffer.read())))',
    ],
    { input: agent, encoding: 'utf8' },
  );
  assert.equal(read.status, 0, read.stderr);
  assert.deepEqual(JSON.parse(read.stdout), {
    Label: 'be.clearfacts.uploader',
    ProgramArguments: [
      '/bin/sh',
      '-c',
      LAUNCHD_EXIT_WRAPPER,
      'clearfacts-uploader',
      ...serviceCommand(hostile),
    ],
    EnvironmentVariables: { MALLOC_ARENA_MAX: '2', CLEARFACTS_TOKEN_FILE: '/srv/tokens/%i $USER' },
    RunAtLoad: true,
    KeepAlive: { SuccessfulExit: false },
    ThrottleInterval: 10,
    ExitTimeOut: 60,
    StandardOutPath: '/dev/null',
    StandardErrorPath: '/srv/scans & <more>/config/service-stderr.log',
  });
});

/** Runs LAUNCHD_EXIT_WRAPPER with /bin/sh around `node -e script`, as launchd would. */
function runUnderLaunchdWrapper(script: string): ChildProcess {
  return spawn(
    '/bin/sh',
    ['-c', LAUNCHD_EXIT_WRAPPER, 'clearfacts-uploader', process.execPath, '-e', script],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

function exitCodeOf(child: ChildProcess): Promise<number | null> {
  return withDeadline(
    'the launchd wrapper to exit',
    new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  );
}

test('under launchd, exit code 3 (no usable token) ends the agent for good; other codes restart it', async () => {
  // launchd restarts after every non-zero exit (KeepAlive/SuccessfulExit=false): the wrapper
  // turns only 3 into 0, the way systemd's RestartPreventExitStatus=3 does for the unit.
  for (const [exitCode, seenByLaunchd] of [
    [3, 0],
    [1, 1],
    [0, 0],
    [70, 70],
  ] as const) {
    const child = runUnderLaunchdWrapper(`process.exit(${exitCode})`);
    assert.equal(await exitCodeOf(child), seenByLaunchd, `the command exited ${exitCode}`);
  }
});

test('under launchd, the stop signal reaches the engine and the wrapper waits for it to end', async () => {
  const child = runUnderLaunchdWrapper(
    "process.on('SIGTERM', () => setTimeout(() => { console.log('stopped cleanly'); process.exit(0); }, 200)); console.log('running'); setInterval(() => {}, 1000);",
  );
  let output = '';
  const waits = createWaitList();
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    waits.wake();
  });
  await waits.until('the command under the wrapper to start', () =>
    output.includes('running') ? true : undefined,
  );
  child.kill('SIGTERM');
  assert.equal(await exitCodeOf(child), 0);
  assert.match(output, /stopped cleanly/, 'the engine got SIGTERM and finished before the wrapper');
});

test('the Windows command creates a boot task for the user running `watch`', () => {
  const commands = windowsTaskCommands(
    {
      node: 'C:\\Program Files\\nodejs\\node.exe',
      script:
        'C:\\Users\\office\\AppData\\Roaming\\npm\\node_modules\\clearfacts-uploader\\bin\\clearfacts-uploader.js',
      configDir: 'C:\\Users\\office\\AppData\\Roaming\\clearfacts-uploader\\Config',
    },
    'OFFICE\\scanner',
  );
  assert.equal(
    commands.create,
    'schtasks /Create /TN "Clearfacts Uploader" /TR "\\"C:\\Program Files\\nodejs\\node.exe\\" \\"--max-semi-space-size=4\\" \\"C:\\Users\\office\\AppData\\Roaming\\npm\\node_modules\\clearfacts-uploader\\bin\\clearfacts-uploader.js\\" \\"--config-dir\\" \\"C:\\Users\\office\\AppData\\Roaming\\clearfacts-uploader\\Config\\" \\"watch\\"" /SC ONSTART /RU "OFFICE\\scanner" /RP /RL LIMITED /F',
  );
  assert.equal(commands.remove, 'schtasks /Delete /TN "Clearfacts Uploader" /F');
});
