// The `clearfacts-uploader` command started as a user's shell starts it, through its shebang: the
// process must have the engine's V8 flags (issue #13) and environment (issue #17), which only
// count when the process starts with them. A probe module, loaded by NODE_OPTIONS into the started
// process, reports what that process was given.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../../support/temp-folders.ts';

const bin = path.resolve(import.meta.dirname, '../../../bin/clearfacts-uploader.js');

test(
  'the command started through its shebang runs with MALLOC_ARENA_MAX=2 and --max-semi-space-size=4',
  { skip: process.platform === 'win32' && 'Windows starts it through npm’s shim, not a shebang' },
  (t) => {
    const dir = tempDir(t, 'engine-launch');
    const probe = path.join(dir, 'probe.mjs');
    const report = path.join(dir, 'report.json');
    writeFileSync(
      probe,
      `import { writeFileSync } from 'node:fs';\n` +
        `writeFileSync(${JSON.stringify(report)}, JSON.stringify({ arenas: process.env.MALLOC_ARENA_MAX ?? null, execArgv: process.execArgv }));\n`,
    );
    const started = spawnSync(bin, ['--help'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        MALLOC_ARENA_MAX: undefined,
        // `env -S … node` finds node on PATH: this test's Node 24 first.
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
        NODE_OPTIONS: `--import=${pathToFileURL(probe).href}`,
      },
    });
    assert.equal(started.status, 0, `${started.error?.message ?? ''} ${started.stderr}`);
    const given: unknown = JSON.parse(readFileSync(report, 'utf8'));
    assert.deepEqual(given, { arenas: '2', execArgv: ['--max-semi-space-size=4'] });
  },
);
