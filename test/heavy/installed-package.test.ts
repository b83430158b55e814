// The package as an office server gets it: `npm pack` (its prepack compiles dist/ and the renderer)
// in a copy of this checkout, `npm install -g` of the tarball into an empty prefix with the
// project's Node 24 and the shared npm cache, then the installed `clearfacts-uploader` against a
// real emulator (status --json, and watch without its token file, among them). Built once and
// installed once: every command runs in this one test.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ALL_SCOPES } from '../emulator/index.ts';
import { partyOf, sampleInvoice, ublXml } from '../fixtures/e-invoice-builder.ts';
import { pdfBytes } from '../fixtures/generate-documents.ts';
import { startTestEmulator } from '../emulator/emulator-test-support.ts';
import { assertTokenNowhere } from '../support/engine-harness.ts';
import { folder, tempDir } from '../support/temp-folders.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Node 24 (the project's `node` package) first on PATH, so npm and its scripts run on it. */
const PATH = [path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter);

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A child's environment: npm's own settings from `npm test` (npm_* variables) are left out, so a
 * child npm is a fresh one; no token and no keyring (D-Bus) unless `extra` gives them.
 */
function childEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('npm_'));
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), PATH };
  delete env.CLEARFACTS_TOKEN;
  delete env.CLEARFACTS_TOKEN_FILE;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return { ...env, ...extra };
}

/** Runs a command to its end; rejects naming `what` when it is still running after `deadlineMs`. */
function run(
  what: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; deadlineMs: number },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not finish within ${options.deadlineMs / 1000} s:\n${stderr}`));
    }, options.deadlineMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The machine's own `node` (the first on PATH outside a node_modules/.bin), or null. */
function nodeOutsideTheProject(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || dir.includes(`node_modules${path.sep}.bin`)) continue;
    if (existsSync(path.join(dir, 'node'))) return path.join(dir, 'node');
  }
  return null;
}

/** The checkout's own files (tracked or new, not ignored) that a build can need. */
function copySources(destination: string): void {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && file !== 'node_modules')
    .filter((file) => !/^(test|bench|docs)\//.test(file) && existsSync(path.join(root, file)));
  for (const file of listed) {
    mkdirSync(path.dirname(path.join(destination, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(destination, file));
  }
  symlinkSync(
    realpathSync(path.join(root, 'node_modules')),
    path.join(destination, 'node_modules'),
  );
}

const PackResult = z.array(
  z.object({ filename: z.string(), files: z.array(z.object({ path: z.string() })) }),
);

/** The `ui` child's secret link, from its first lines; rejects if it exits or stays silent. */
function secretLink(t: TestContext, binary: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [binary, ...args], {
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    const deadline = setTimeout(
      () => reject(new Error(`the installed \`ui\` printed no link within 60 s: ${output}`)),
      60_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\S*) in your browser/.exec(output);
      if (match?.[1]) {
        clearTimeout(deadline);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => {
      clearTimeout(deadline);
      reject(new Error(`the installed \`ui\` exited early: ${output}`));
    });
  });
  return { child, url, exited };
}

test('the packed tarball installs into an empty prefix and its binary works against the emulator', async (t) => {
  const work = tempDir(t, 'package');
  const checkout = folder(work, 'checkout');
  const prefix = folder(work, 'prefix');
  copySources(checkout);

  const packed = await run('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], {
    cwd: checkout,
    deadlineMs: 300_000,
  });
  assert.equal(packed.code, 0, packed.stderr);
  const [tarball] = PackResult.parse(JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))));
  assert.ok(tarball);
  const files = tarball.files.map((file) => file.path);
  for (const needed of [
    'bin/clearfacts-uploader.js',
    'dist/cli/main.js',
    'dist/renderer/index.html',
  ]) {
    assert.ok(files.includes(needed), `the tarball holds ${needed}`);
  }
  const devOnly = files.filter((file) =>
    /^(src-main|src-renderer|test|bench|docs|scripts|dist\/electron)\/|\.(ts|map)$/.test(file),
  );
  assert.deepEqual(devOnly, [], 'no sources, tests, maps or desktop shell in the tarball');

  const installed = await run(
    'npm install -g of the tarball',
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      path.join(work, tarball.filename),
    ],
    { cwd: work, deadlineMs: 300_000 },
  );
  assert.equal(installed.code, 0, installed.stderr);
  const packageDir = path.join(prefix, 'lib/node_modules/clearfacts-uploader');
  assert.deepEqual(readdirSync(packageDir).sort(), [
    'README.md',
    'assets',
    'bin',
    'dist',
    'node_modules',
    'package.json',
  ]);
  assert.equal(
    existsSync(path.join(packageDir, 'node_modules/electron')),
    false,
    'the CLI package does not pull in the Electron runtime',
  );
  const binary = path.join(prefix, 'bin/clearfacts-uploader');

  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const token = emulator.addToken([...ALL_SCOPES]);
  const tokenFile = path.join(work, 'clearfacts-token');
  await writeFile(tokenFile, `${token}\n`, { mode: 0o400 });
  const configDir = folder(work, 'config');
  const cli = (what: string, args: string[]) =>
    run(
      `the installed \`${what}\``,
      process.execPath,
      [binary, '--config-dir', configDir, '--api-url', emulator.graphqlUrl, ...args],
      {
        cwd: work,
        env: { CLEARFACTS_TOKEN_FILE: tokenFile },
        deadlineMs: 120_000,
      },
    );

  const help = await cli('--help', ['--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /Usage: clearfacts-uploader[\s\S]*CLEARFACTS_TOKEN_FILE/);

  const machineNode = nodeOutsideTheProject();
  const machineVersion =
    machineNode && execFileSync(machineNode, ['--version'], { encoding: 'utf8' });
  if (machineNode !== null && Number(/^v(\d+)/.exec(machineVersion ?? '')?.[1]) < 24) {
    const old = await run(
      `the installed binary on ${machineNode}`,
      machineNode,
      [binary, '--help'],
      {
        cwd: work,
        deadlineMs: 60_000,
      },
    );
    assert.equal(old.code, 1);
    assert.match(old.stderr, /needs Node\.js 24 or later; this is Node\.js \d+\./);
  } else {
    t.diagnostic(
      `no Node older than 24 on PATH (${machineNode}): the old-Node message is not exercised`,
    );
  }

  const check = await cli('token check', ['token', 'check', '--json']);
  assert.equal(check.code, 0, check.stderr);
  // Upload scopes are learned from the first real upload, never probed with a mutation.
  assert.ok(JSON.parse(check.stdout).uncheckedScopes.includes('upload_document'));

  const scans = folder(work, 'scans');
  const added = await cli('folders add', [
    'folders',
    'add',
    scans,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(added.code, 0, added.stderr);

  const invoice = path.join(work, 'invoice.pdf');
  await writeFile(invoice, await pdfBytes(2, { label: 'installed' }));
  const upload = await cli('upload', [
    'upload',
    invoice,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(upload.code, 0, upload.stderr + upload.stdout);
  assert.match(upload.stdout, /uploaded +invoice\.pdf/);
  assert.equal(
    emulator.uploads().length,
    1,
    'SQLite (better-sqlite3) and the upload work installed',
  );

  // The health a monitoring script reads, from the history when no engine runs.
  const health = await cli('status --json', ['status', '--json']);
  assert.equal(health.code, 0, health.stderr + health.stdout);
  const healthJson = z
    .object({
      running: z.boolean(),
      status: z.object({ counts: z.record(z.string(), z.number()) }),
    })
    .parse(JSON.parse(health.stdout));
  assert.equal(healthJson.running, false);
  assert.equal(healthJson.status.counts.uploaded, 1);

  // An e-invoice breaking the UBL 2.1 schema: the installed validator process (dist/ and
  // assets/ubl-2.1-xsd/ from the tarball, libxml2-wasm from the registry) advises on it, and
  // `history` prints the note.
  const xml = ublXml(sampleInvoice({ number: 'I-1', customer: partyOf(administration) })).replace(
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>',
    '<cbc:BuyerReference>PO-77</cbc:BuyerReference>\n  <cbc:Colour>blue</cbc:Colour>',
  );
  const colourLine = xml.slice(0, xml.indexOf('<cbc:Colour>')).split('\n').length;
  const eInvoice = path.join(work, 'e-invoice.xml');
  await writeFile(eInvoice, xml);
  const sentXml = await cli('upload of an e-invoice', [
    'upload',
    eInvoice,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(sentXml.code, 0, sentXml.stderr + sentXml.stdout);
  const advised = await cli('history', ['history']);
  assert.equal(advised.code, 0, advised.stderr);
  assert.ok(
    advised.stdout.includes(
      `e-invoice.xml: Advice: UBL 2.1 schema, line ${colourLine}, cbc:Colour: this element is not allowed here`,
    ),
    advised.stdout,
  );

  // `watch` as the service runs it, with its token file gone: exit 3, which the unit does not
  // restart on (RestartPreventExitStatus=3), naming the file.
  const missingTokenFile = path.join(work, 'no-such-token');
  const noToken = await run(
    'the installed `watch` without its token file',
    process.execPath,
    [binary, '--config-dir', configDir, '--api-url', emulator.graphqlUrl, 'watch'],
    { cwd: work, env: { CLEARFACTS_TOKEN_FILE: missingTokenFile }, deadlineMs: 120_000 },
  );
  assert.equal(noToken.code, 3, noToken.stderr + noToken.stdout);
  assert.ok(noToken.stderr.includes(missingTokenFile), noToken.stderr);

  // The systemd unit on Linux; the definitions of every platform have their own unit tests.
  const unit = await cli('service install --print', ['service', 'install', '--print']);
  assert.equal(unit.code, 0, unit.stderr);
  if (process.platform === 'linux') {
    const script = realpathSync(path.join(packageDir, 'bin/clearfacts-uploader.js'));
    assert.ok(
      unit.stdout.includes(
        `ExecStart="${process.execPath}" "--max-semi-space-size=4" "${script}" "--config-dir" "${configDir}" "--api-url" "${emulator.graphqlUrl}" "watch"`,
      ),
      unit.stdout,
    );
    assert.ok(unit.stdout.includes('Environment="MALLOC_ARENA_MAX=2"'), unit.stdout);
    assert.ok(unit.stdout.includes(`Environment="CLEARFACTS_TOKEN_FILE=${tokenFile}"`));
  }
  assert.equal(unit.stdout.includes(token), false, 'the unit names the token file, not the token');

  const ui = secretLink(
    t,
    binary,
    ['--config-dir', configDir, '--api-url', emulator.graphqlUrl, 'ui'],
    { CLEARFACTS_TOKEN_FILE: tokenFile },
  );
  const link = new URL(await ui.url);
  const page = await fetch(new URL('/', link));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>Clearfacts Uploader<\/title>[\s\S]*<div id="root">/);
  // The single-use code in the link's fragment is traded for the page's session.
  const traded = await fetch(new URL('/api/session', link), {
    method: 'POST',
    headers: { 'x-clearfacts-link': link.hash.slice('#link='.length) },
  });
  assert.equal(traded.status, 200, 'the installed bridge trades its link for a session');
  ui.child.kill('SIGTERM');
  assert.equal(await ui.exited, 0);

  assertTokenNowhere(configDir, token);
});
