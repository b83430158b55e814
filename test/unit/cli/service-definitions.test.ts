// The service definitions `service install` writes: their exact text, their quoting of hostile
// paths checked by independent readers (systemd-analyze for the unit, Python's plistlib for the
// agent), and the Windows command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderLaunchdAgent } from '../../../src-main/cli/service/launchd-agent.ts';
import { serviceCommand, type ServiceSpec } from '../../../src-main/cli/service/service-spec.ts';
import { renderSystemdUnit } from '../../../src-main/cli/service/systemd-unit.ts';
import { windowsTaskCommands } from '../../../src-main/cli/service/windows-task.ts';

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
    ProgramArguments: serviceCommand(hostile),
    EnvironmentVariables: { CLEARFACTS_TOKEN_FILE: '/srv/tokens/%i $USER' },
    RunAtLoad: true,
    KeepAlive: { SuccessfulExit: false },
    ThrottleInterval: 10,
    ExitTimeOut: 60,
    StandardOutPath: '/dev/null',
    StandardErrorPath: '/srv/scans & <more>/config/service-stderr.log',
  });
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
