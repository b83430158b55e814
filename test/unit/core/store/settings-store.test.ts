import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pbkdf2 } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  InvalidSettingsError,
  openHeadlessSettingsStore,
  SETTINGS_FOLLOW_INTERVAL_MS,
} from '../../../../src-main/core/store/conf-settings-store.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_FORMAT_VERSION,
} from '../../../../src-main/core/store/settings-schema.ts';
import type { SettingsStore } from '../../../../src-main/core/store/settings-store.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';
import { withDeadline } from '../../../support/waiting.ts';

function tempConfigDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-settings-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes settings.json by hand, as a user editing it would, in the current format; its path. */
function writeSettingsByHand(dir: string, values: Record<string, unknown>): string {
  const file = path.join(dir, 'settings.json');
  writeFileSync(
    file,
    JSON.stringify({
      __internal__: { migrations: { version: SETTINGS_FORMAT_VERSION } },
      ...values,
    }),
  );
  return file;
}

const goodFolder = {
  id: 'f1',
  mode: 'single',
  path: '/scans/purchase',
  companyNumber: '0123456789',
  destination: { type: 'purchase' },
};

test('a fresh config dir gives the defaults and writes settings.json', (t) => {
  const dir = tempConfigDir(t);
  const store = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => store.close());
  assert.deepEqual(store.get(), DEFAULT_SETTINGS);
  assert.equal(store.get().concurrency, 2);
  assert.equal(store.get().afterUpload, 'move');
  assert.ok(existsSync(path.join(dir, 'settings.json')));
});

test('an update is validated, persisted and read back by a new store', (t) => {
  const dir = tempConfigDir(t);
  const logger = createRecordingLogger();
  const store = openHeadlessSettingsStore({ configDir: dir, logger });
  t.after(() => store.close());
  const seen: number[] = [];
  store.onChange((settings) => seen.push(settings.concurrency));

  store.update({ concurrency: 4, folders: [goodFolder as never] });
  assert.deepEqual(seen, [4]);
  assert.throws(
    () => store.update({ concurrency: 99 }),
    (error: unknown) =>
      error instanceof InvalidSettingsError && /concurrency is invalid/.test(error.message),
  );

  const reopened = openHeadlessSettingsStore({ configDir: dir, logger });
  t.after(() => reopened.close());
  assert.equal(reopened.get().concurrency, 4);
  assert.equal(reopened.get().folders[0]?.id, 'f1');
});

test('invalid values are backed up and reset one by one, keeping what is valid', (t) => {
  const dir = tempConfigDir(t);
  const file = writeSettingsByHand(dir, {
    concurrency: 'three',
    afterUpload: 'leave',
    folders: [goodFolder, { id: 'broken', mode: 'single', path: '/x' }],
  });
  const logger = createRecordingLogger();
  const store = openHeadlessSettingsStore({ configDir: dir, logger });
  t.after(() => store.close());

  const settings = store.get();
  assert.equal(settings.concurrency, 2);
  assert.equal(settings.afterUpload, 'leave');
  assert.deepEqual(
    settings.folders.map((folder) => folder.id),
    ['f1'],
  );
  assert.ok(readdirSync(dir).some((name) => name.startsWith('settings.json.invalid-')));
  const warning = logger.lines.find((line) => line.level === 'warn');
  assert.match(warning?.message ?? '', /invalid values/);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).concurrency, 2);
});

test('an API address that is no URL at all (a hand edit without https://) is backed up and reset, never a crash', (t) => {
  const dir = tempConfigDir(t);
  writeSettingsByHand(dir, {
    apiUrl: 'api.clearfacts.be/graphql',
    afterUpload: 'leave',
  });
  const store = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => store.close());
  assert.equal(store.get().apiUrl, DEFAULT_SETTINGS.apiUrl);
  assert.equal(store.get().afterUpload, 'leave');
  assert.ok(readdirSync(dir).some((name) => name.startsWith('settings.json.invalid-')));
  assert.throws(
    () => store.update({ apiUrl: 'not a url' }),
    (error: unknown) => error instanceof InvalidSettingsError,
  );
});

test('hand-written bindings that cannot be watched as written are backed up and dropped: relative or empty paths, a disk root as a tree, a folder bound twice', (t) => {
  const dir = tempConfigDir(t);
  const single = (id: string, folderPath: string) => ({ ...goodFolder, id, path: folderPath });
  writeSettingsByHand(dir, {
    folders: [
      goodFolder,
      single('relative', 'scans/purchase'),
      single('empty', ''),
      { id: 'root-tree', mode: 'accountant-tree', path: '/' },
      single('again', '/scans/purchase/'),
      { id: 'inbox-again', mode: 'e-invoice-inbox', path: '/scans/./purchase' },
      { id: 'tree', mode: 'accountant-tree', path: '/clients' },
    ],
  });
  const store = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => store.close());
  assert.deepEqual(
    store.get().folders.map((folder) => folder.id),
    ['f1', 'tree'],
  );
  assert.ok(readdirSync(dir).some((name) => name.startsWith('settings.json.invalid-')));
});

test('a file that is not JSON is set aside, never a crash', (t) => {
  const dir = tempConfigDir(t);
  writeFileSync(path.join(dir, 'settings.json'), '{ "concurrency": 3, ');
  const logger = createRecordingLogger();
  const store = openHeadlessSettingsStore({ configDir: dir, logger });
  t.after(() => store.close());
  assert.deepEqual(store.get(), DEFAULT_SETTINGS);
  assert.ok(readdirSync(dir).some((name) => name.startsWith('settings.json.invalid-')));
  assert.ok(logger.lines.some((line) => /not readable JSON/.test(line.message)));
});

test('the 1.0.0 migration gives folders written without an id a stable id', (t) => {
  const dir = tempConfigDir(t);
  const withoutId: Record<string, unknown> = { ...goodFolder };
  delete withoutId.id;
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ folders: [withoutId] }));
  const store = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => store.close());
  const [folder] = store.get().folders;
  assert.ok(folder);
  assert.match(folder.id, /^[0-9a-f-]{36}$/);
  assert.equal(folder.path, '/scans/purchase');

  const reopened = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => reopened.close());
  assert.equal(reopened.get().folders[0]?.id, folder.id);
});

/**
 * A watching store, then a second store (another process's) that sets concurrency 5; resolves
 * with the concurrency the watching store reports next, failing if it never does.
 */
async function heardFromAnotherWriter(
  t: TestContext,
  whileStarting: Promise<unknown> = Promise.resolve(),
): Promise<{ heard: number; watching: SettingsStore }> {
  const dir = tempConfigDir(t);
  const watching = openHeadlessSettingsStore({
    configDir: dir,
    logger: createRecordingLogger(),
    watch: true,
  });
  t.after(() => watching.close());
  const changed = new Promise<number>((resolve) => {
    const stop = watching.onChange((settings) => {
      stop();
      resolve(settings.concurrency);
    });
  });
  const other = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => other.close());
  other.update({ concurrency: 5 });
  await whileStarting;
  const heard = await withDeadline('the watching store to report the other write', changed);
  return { heard, watching };
}

test('a watching store hears about another process writing the file', async (t) => {
  const { heard, watching } = await heardFromAnotherWriter(t);
  assert.equal(heard, 5);
  assert.equal(watching.get().concurrency, 5);
});

test('a write that lands while the thread pool is busy at start is still heard (CI hung on it)', async (t) => {
  // conf's Linux watcher took its first stat on libuv's thread pool; with the pool busy, the
  // other process's write was that first stat's state and was never reported.
  const poolWork = Array.from(
    { length: 4 },
    () =>
      new Promise<void>((resolve) => {
        pbkdf2('busy', 'pool', 2_000_000, 32, 'sha256', () => resolve());
      }),
  );
  const { heard } = await heardFromAnotherWriter(t, Promise.all(poolWork));
  assert.equal(heard, 5);
});

test('a following store looks at the file each interval and reports only real changes', (t) => {
  const dir = tempConfigDir(t);
  t.mock.timers.enable({ apis: ['setInterval'] });
  const following = openHeadlessSettingsStore({
    configDir: dir,
    logger: createRecordingLogger(),
    watch: true,
  });
  t.after(() => following.close());
  const heard: number[] = [];
  following.onChange((settings) => heard.push(settings.concurrency));

  t.mock.timers.tick(SETTINGS_FOLLOW_INTERVAL_MS * 3);
  assert.deepEqual(heard, [], 'nothing written, nothing reported');

  const other = openHeadlessSettingsStore({ configDir: dir, logger: createRecordingLogger() });
  t.after(() => other.close());
  other.update({ concurrency: 5 });
  assert.deepEqual(heard, [], 'not before the next look');
  t.mock.timers.tick(SETTINGS_FOLLOW_INTERVAL_MS);
  assert.deepEqual(heard, [5]);

  following.update({ concurrency: 2 });
  t.mock.timers.tick(SETTINGS_FOLLOW_INTERVAL_MS * 2);
  assert.deepEqual(heard, [5, 2], 'its own write is reported once, at the write');

  following.close();
  other.update({ concurrency: 7 });
  t.mock.timers.tick(SETTINGS_FOLLOW_INTERVAL_MS * 2);
  assert.deepEqual(heard, [5, 2], 'closed: no more looks');
});
