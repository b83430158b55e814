import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import {
  createAutoUpdate,
  parseFeedUrl,
  type UpdateQuestion,
  type UpdaterPort,
} from '../../../src-main/electron/auto-update.ts';
import { recordingLogger } from './fakes.ts';
import { withDeadline } from '../../support/waiting.ts';

/** Emits 'call' for every method reached and for autoInstallOnAppQuit being set. */
class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = true;
  #autoInstallOnAppQuit = true;
  feeds: unknown[] = [];
  calls: string[] = [];
  checkResult: 'available' | 'none' | 'fail' = 'none';

  get autoInstallOnAppQuit(): boolean {
    return this.#autoInstallOnAppQuit;
  }
  set autoInstallOnAppQuit(value: boolean) {
    this.#autoInstallOnAppQuit = value;
    this.#record(`autoInstallOnAppQuit=${value}`);
  }
  #record(call: string): void {
    this.calls.push(call);
    this.emit('call', call);
  }
  /** Resolves when `call` is reached (now or later). */
  async reached(call: string): Promise<void> {
    await withDeadline(
      `the updater to reach ${call}`,
      (async () => {
        while (!this.calls.includes(call)) await once(this, 'call');
      })(),
    );
  }
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.#record('check');
    if (this.checkResult === 'fail') throw new Error('getaddrinfo ENOTFOUND');
    if (this.checkResult === 'available') this.emit('update-available', { version: '2.0.0' });
    else this.emit('update-not-available');
    return null;
  }
  async downloadUpdate(): Promise<unknown> {
    this.#record('download');
    this.emit('update-downloaded', { version: '2.0.0' });
    return [];
  }
  quitAndInstall(): void {
    this.#record('quitAndInstall');
  }
}

function setup(answers: { download: boolean; install: boolean }, feedUrl: string | null = null) {
  const updater = new FakeUpdater();
  const questions: UpdateQuestion[] = [];
  const told: string[] = [];
  createAutoUpdate({
    updater,
    feedUrl,
    logger: recordingLogger(),
    ask: async (question) => {
      questions.push(question);
      return question.kind === 'download' ? answers.download : answers.install;
    },
    tell: (outcome) => told.push(outcome),
    beforeInstall: async () => {
      updater.calls.push('beforeInstall');
    },
  });
  updater.calls.length = 0;
  return { updater, questions, told };
}

test('nothing downloads or installs on its own, and a configured feed is used', () => {
  const { updater } = setup({ download: false, install: false }, 'https://updates.example.com/cf/');
  assert.equal(updater.autoDownload, false);
  assert.equal(updater.autoInstallOnAppQuit, false);
  assert.deepEqual(updater.feeds, [
    { provider: 'generic', url: 'https://updates.example.com/cf/' },
  ]);
});

test('a found update is downloaded only when the user says so', async () => {
  const { updater, questions } = setup({ download: false, install: false });
  updater.checkResult = 'available';
  await updater.checkForUpdates();
  const declined = setup({ download: true, install: false });
  declined.updater.checkResult = 'available';
  await declined.updater.checkForUpdates();
  await declined.updater.reached('download');
  // The first updater got the same question and the same turn of the event loop, and said no.
  assert.deepEqual(questions, [{ kind: 'download', version: '2.0.0' }]);
  assert.deepEqual(updater.calls, ['check']);
});

test('downloaded, then installed only on the user’s word: now, or at the next quit', async () => {
  const now = setup({ download: true, install: true });
  now.updater.checkResult = 'available';
  await now.updater.checkForUpdates();
  await now.updater.reached('quitAndInstall');
  assert.deepEqual(now.updater.calls, ['check', 'download', 'beforeInstall', 'quitAndInstall']);

  const later = setup({ download: true, install: false });
  later.updater.checkResult = 'available';
  await later.updater.checkForUpdates();
  await later.updater.reached('autoInstallOnAppQuit=true');
  assert.deepEqual(later.updater.calls, ['check', 'download', 'autoInstallOnAppQuit=true']);
  assert.deepEqual(
    later.questions.map((question) => question.kind),
    ['download', 'install'],
  );
});

test('a check the user asked for tells "latest version" or "failed"; a background one stays quiet', async () => {
  const { updater, told } = setup({ download: false, install: false });
  const update = createAutoUpdate({
    updater,
    feedUrl: null,
    logger: recordingLogger(),
    ask: async () => false,
    tell: (outcome) => told.push(`second:${outcome}`),
    beforeInstall: async () => undefined,
  });
  await update.check(true);
  updater.checkResult = 'fail';
  await update.check(true);
  await update.check(false);
  assert.deepEqual(
    told.filter((outcome) => outcome.startsWith('second')),
    ['second:up_to_date', 'second:failed'],
  );
});

test('the feed must be https (or loopback, for testing a release)', () => {
  assert.equal(parseFeedUrl(undefined), null);
  assert.equal(parseFeedUrl('  '), null);
  assert.equal(parseFeedUrl('https://dl.example.com/cf'), 'https://dl.example.com/cf');
  assert.equal(parseFeedUrl('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/');
  assert.throws(() => parseFeedUrl('http://dl.example.com/cf'), /must be an https/);
  assert.throws(() => parseFeedUrl('dl.example.com'), /not a URL/);
});
