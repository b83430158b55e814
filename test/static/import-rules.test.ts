// The import rules of docs/architecture.md are ESLint patterns (eslint.config.js). Each fixture
// in import-rule-fixtures/ breaks one rule, or is the compliant twin of one that does; it is
// linted with the project's config as if it lived in the folder the rule covers, so a rule that
// stops matching (or starts matching too much) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'import-rule-fixtures');
const eslint = new ESLint({ cwd: root });

interface Case {
  fixture: string;
  /** Where the fixture is linted as being, relative to the repository root. */
  lintAs: string;
  /** A phrase of the rule's message; null when the fixture must pass. */
  breaks: string | null;
}

const STAGE_ORDER = 'core stage order';
const NO_ELECTRON = 'never import Electron';
const CORE_ENTRY = 'only through src-main/core/index.ts';
const TRANSPORTS = 'one transport never imports another';
const PLAIN_NODE = 'runs in plain Node';

const cases: Case[] = [
  {
    fixture: 'stage-imports-later-stage.ts',
    lintAs: 'src-main/core/account/fixture.ts',
    breaks: STAGE_ORDER,
  },
  {
    fixture: 'nested-stage-imports-later-stage.ts',
    lintAs: 'src-main/core/account/token/fixture.ts',
    breaks: STAGE_ORDER,
  },
  {
    fixture: 'stage-imports-root.ts',
    lintAs: 'src-main/core/handlers/fixture.ts',
    breaks: STAGE_ORDER,
  },
  {
    fixture: 'stage-imports-command-line.ts',
    lintAs: 'src-main/core/logging/fixture.ts',
    breaks: STAGE_ORDER,
  },
  {
    fixture: 'stage-imports-earlier-stage.ts',
    lintAs: 'src-main/core/account/fixture.ts',
    breaks: null,
  },
  {
    fixture: 'core-imports-electron.ts',
    lintAs: 'src-main/core/logging/fixture.ts',
    breaks: NO_ELECTRON,
  },
  {
    fixture: 'core-imports-electron-package.ts',
    lintAs: 'src-main/core/store/fixture.ts',
    breaks: NO_ELECTRON,
  },
  {
    fixture: 'core-imports-electron-scoped-package.ts',
    lintAs: 'src-main/core/fixture.ts',
    breaks: NO_ELECTRON,
  },
  {
    fixture: 'core-imports-node-packages.ts',
    lintAs: 'src-main/core/logging/fixture.ts',
    breaks: null,
  },
  {
    fixture: 'contract-imports-electron-package.ts',
    lintAs: 'src-main/contract/fixture.ts',
    breaks: NO_ELECTRON,
  },
  { fixture: 'contract-imports-zod.ts', lintAs: 'src-main/contract/fixture.ts', breaks: null },
  {
    fixture: 'shell-imports-core-internals.ts',
    lintAs: 'src-main/cli/commands/fixture.ts',
    breaks: CORE_ENTRY,
  },
  {
    fixture: 'shell-imports-core-internals.ts',
    lintAs: 'src-main/bridge/fixture/fixture.ts',
    breaks: CORE_ENTRY,
  },
  {
    fixture: 'shell-imports-core-internals.ts',
    lintAs: 'src-main/electron/fixture/fixture.ts',
    breaks: CORE_ENTRY,
  },
  {
    fixture: 'script-imports-core-internals.ts',
    lintAs: 'scripts/fixture.ts',
    breaks: CORE_ENTRY,
  },
  {
    fixture: 'shell-imports-core-entry.ts',
    lintAs: 'src-main/cli/commands/fixture.ts',
    breaks: null,
  },
  {
    fixture: 'shell-imports-core-entry.ts',
    lintAs: 'src-main/electron/fixture/fixture.ts',
    breaks: null,
  },
  { fixture: 'script-imports-core-entry.ts', lintAs: 'scripts/fixture.ts', breaks: null },
  {
    fixture: 'shell-imports-core-command-line.ts',
    lintAs: 'src-main/cli/fixture.ts',
    breaks: null,
  },
  {
    fixture: 'cli-imports-electron-shell.ts',
    lintAs: 'src-main/cli/fixture.ts',
    breaks: TRANSPORTS,
  },
  { fixture: 'bridge-imports-cli.ts', lintAs: 'src-main/bridge/fixture.ts', breaks: TRANSPORTS },
  {
    fixture: 'electron-imports-bridge.ts',
    lintAs: 'src-main/electron/fixture.ts',
    breaks: TRANSPORTS,
  },
  {
    fixture: 'plain-node-transport-imports-electron.ts',
    lintAs: 'src-main/bridge/fixture.ts',
    breaks: PLAIN_NODE,
  },
  {
    fixture: 'plain-node-transport-imports-electron.ts',
    lintAs: 'src-main/cli/fixture.ts',
    breaks: PLAIN_NODE,
  },
  { fixture: 'cli-hosts-bridge.ts', lintAs: 'src-main/cli/commands/fixture.ts', breaks: null },
];

for (const { fixture, lintAs, breaks } of cases) {
  const title =
    breaks === null
      ? `${fixture} passes as ${lintAs}`
      : `${fixture} breaks "${breaks}" as ${lintAs}`;
  test(title, async () => {
    const code = readFileSync(path.join(fixtures, fixture), 'utf8');
    const [result] = await eslint.lintText(code, { filePath: path.join(root, lintAs) });
    assert.ok(result, 'ESLint returned no result');
    const problems = result.messages.map((message) => `${message.ruleId}: ${message.message}`);
    if (breaks === null) {
      assert.deepEqual(problems, []);
      return;
    }
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.equal(result.messages[0]?.ruleId, 'no-restricted-imports');
    assert.match(result.messages[0]?.message ?? '', new RegExp(breaks));
  });
}
