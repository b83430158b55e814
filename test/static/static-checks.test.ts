// The compiler, the linter and the formatter are tests like any other: a red one fails the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function runTool(relativeBin: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, relativeBin), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// tsconfig.node.json covers everything tsconfig.build.json builds (src-main's .ts and .cts, with
// its import rewriting), so electron-security.test.ts builds the app without checking it again.
for (const project of ['tsconfig.node.json', 'tsconfig.renderer.json']) {
  test(`TypeScript finds no errors in ${project}`, () => {
    const { status, output } = runTool('node_modules/typescript/bin/tsc', [
      '-p',
      project,
      '--noEmit',
    ]);
    assert.equal(status, 0, output);
  });
}

test('ESLint finds no problems (including the layering rules)', () => {
  const { status, output } = runTool('node_modules/eslint/bin/eslint.js', [
    '.',
    '--max-warnings=0',
  ]);
  assert.equal(status, 0, output);
});

test('every source file is formatted with Prettier', () => {
  const { status, output } = runTool('node_modules/prettier/bin/prettier.cjs', ['--check', '.']);
  assert.equal(status, 0, output);
});
