// The follow-up's state reaches every transport as `followUp.changed` (issue #16, review F4):
// through the real engine, turning the setting off and on again pushes the status each time,
// the same one `followUp.get` answers. (Pauses on Clearfacts' answers are shown live in
// Chromium by test/e2e/browser/in-clearfacts.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FollowUpStatus } from '../../../src-main/contract/domain.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { withDeadline } from '../../support/waiting.ts';

test('turning the follow-up off and on pushes followUp.changed each time', async (t) => {
  const emulator = await startTestEmulator(t);
  const { engine } = await startEngine(t, { emulator });
  const pushed: FollowUpStatus[] = [];
  let wake = (): void => {};
  const stop = engine.subscribe((channel, payload) => {
    if (channel !== 'followUp.changed') return;
    pushed.push(payload as FollowUpStatus);
    wake();
  });
  t.after(stop);
  const next = (what: string, count: number) =>
    withDeadline(
      what,
      new Promise<void>((resolve) => {
        wake = () => {
          if (pushed.length >= count) resolve();
        };
        wake();
      }),
    );

  await engine.handlers['settings.update']({ followUp: false });
  await next('followUp.changed after turning it off', 1);
  assert.equal(pushed[0]?.state, 'off');
  assert.equal(pushed[0]?.reason?.code, 'follow_up_off');
  assert.deepEqual(pushed[0], await engine.handlers['followUp.get']({}));

  await engine.handlers['settings.update']({ language: 'fr' });
  await engine.handlers['settings.update']({ followUp: true });
  await next('followUp.changed after turning it on', 2);
  assert.equal(pushed.length, 2, 'another setting changed nothing about the follow-up');
  assert.equal(pushed[1]?.state, 'active');
  assert.equal(pushed[1]?.reason, null);
});
