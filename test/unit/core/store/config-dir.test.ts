// The config folder holds file names, company numbers, staged copies of documents and the token
// file: only its user may enter it (docs/architecture.md, "Where the data lives"), also when the
// folder existed before the app first ran (made by `mkdir`, a dotfiles script, an older install).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { prepareConfigDir } from '../../../../src-main/core/store/config-dir.ts';

const modeOf = (folder: string) => statSync(folder).mode & 0o777;

test(
  'a config folder that already exists open to others is closed to 0700',
  { skip: process.platform === 'win32' },
  (t) => {
    const root = mkdtempSync(path.join(tmpdir(), 'cfu-config-dir-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const existing = path.join(root, 'existing');
    mkdirSync(existing);
    chmodSync(existing, 0o755);
    prepareConfigDir(existing);
    assert.equal(modeOf(existing).toString(8), '700');

    const fresh = path.join(root, 'fresh', 'config');
    prepareConfigDir(fresh);
    assert.equal(modeOf(fresh).toString(8), '700');
  },
);
