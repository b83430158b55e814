// `npm run emulator`: its first two output lines are what the demo script and people read.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { DEFAULT_DEMO_TOKEN, seedData } from './index.ts';

const cli = path.join(import.meta.dirname, 'cli.ts');

async function startCli(
  t: TestContext,
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; lines: string[] }> {
  const child = spawn(process.execPath, [cli, ...args]);
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === 2) break;
  }
  return { child, lines };
}

test('prints exactly the origin and the demo token first, serves, and stops on SIGTERM', async (t) => {
  const { child, lines } = await startCli(t, ['--port', '0']);
  const [listening, token] = lines;
  const match = /^emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(listening ?? '');
  assert.ok(match?.[1] !== undefined, listening);
  assert.notEqual(match[2], '0');
  assert.equal(token, `demo token: ${DEFAULT_DEMO_TOKEN}`);

  const response = await fetch(`${match[1]}/graphql`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${DEFAULT_DEMO_TOKEN}`,
      'Content-Type': 'application/graphql',
    },
    body: '{ administrations { companyNumber } }',
  });
  const body = (await response.json()) as { data: { administrations: unknown[] } };
  assert.equal(body.data.administrations.length, seedData.administrations.length);
  assert.equal((await fetch(`${match[1]}/__emulator/uploads`)).status, 200);

  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});

test('--no-test-mode and --extra-administrations are honoured; bad options explain themselves', async (t) => {
  const { child, lines } = await startCli(t, [
    '--port',
    '0',
    '--no-test-mode',
    '--extra-administrations',
    '5',
    '--max-upload-bytes',
    '2048',
  ]);
  const origin = /(http:\/\/\S+)$/.exec(lines[0] ?? '')?.[1];
  assert.ok(origin);
  assert.equal((await fetch(`${origin}/__emulator/uploads`)).status, 404);
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${DEFAULT_DEMO_TOKEN}`,
      'Content-Type': 'application/graphql',
    },
    body: '{ administrations { companyNumber } }',
  });
  const body = (await response.json()) as { data: { administrations: unknown[] } };
  assert.equal(body.data.administrations.length, seedData.administrations.length + 5);
  child.kill('SIGINT');
  assert.deepEqual(await once(child, 'exit'), [0, null]);

  const wrong = spawn(process.execPath, [cli, '--port', 'eighty']);
  let stderr = '';
  wrong.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(wrong, 'exit');
  assert.equal(code, 2);
  assert.match(stderr, /--port must be a whole number, got "eighty"/);
});
