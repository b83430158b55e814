// The Folders screen's flicker: a folders.changed event sent before the user's last change can
// reach the screen after that change's answer (browser mode carries answers and events on
// different connections), and showed the earlier split mode for a moment. The store keeps the
// newest snapshot by core's revision. The interleavings are played by hand on a scripted api, so
// the order is the test's, not the machine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  EventChannel,
  EventOf,
  RequestChannel,
  ResponseOf,
} from '../../../src-main/contract/api-contract.ts';
import type { FolderSnapshot, SplitMode } from '../../../src-main/contract/domain.ts';
import type { AppApi } from '../../../src-renderer/api-client/app-api.ts';
import { AppStore } from '../../../src-renderer/state/app-store.ts';
import { createWaitList } from '../../support/waiting.ts';

function snapshot(revision: number, split: SplitMode): FolderSnapshot {
  return {
    revision,
    folders: [
      {
        binding: {
          id: 'scans',
          mode: 'single',
          path: '/scans',
          companyNumber: '0403170701',
          destination: { type: 'purchase' },
          split,
        },
        availability: 'watching',
        reason: null,
        counts: { pending: 0, uploaded: 0, failed: 0 },
      },
    ],
  };
}

/** An api whose folders.list answers `listed`; events and connection changes are the test's. */
function scriptedApi(listed: { current: FolderSnapshot }) {
  const eventListeners = new Set<(channel: EventChannel, payload: unknown) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const answers: { [C in RequestChannel]?: () => ResponseOf<C> } = {
    'app.info': () => ({ shell: 'browser', version: '0', platform: 'linux', osLocale: 'en' }),
    // What the store reads of them: signed out, so it asks for no administrations.
    'session.get': () => ({ signedIn: false, user: null }) as ResponseOf<'session.get'>,
    'status.get': () => ({}) as ResponseOf<'status.get'>,
    'settings.get': () => ({}) as ResponseOf<'settings.get'>,
    'folders.list': () => listed.current,
  };
  const api = {
    transport: 'http',
    pickFolder: null,
    prepareFiles: () => Promise.resolve([]),
    invoke: <C extends RequestChannel>(channel: C) => {
      const answer = answers[channel] as (() => ResponseOf<C>) | undefined;
      return answer ? Promise.resolve(answer()) : Promise.reject(new Error(`no ${channel}`));
    },
    subscribe: (listener: (channel: EventChannel, payload: unknown) => void) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange: (listener: (connected: boolean) => void) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  } as unknown as AppApi;
  return {
    api,
    emit<E extends EventChannel>(channel: E, payload: EventOf<E>) {
      for (const listener of eventListeners) listener(channel, payload);
    },
    reconnect() {
      for (const listener of connectionListeners) listener(true);
    },
  };
}

function shownSplit(store: AppStore): string | undefined {
  const binding = store.getSnapshot().folders?.[0]?.binding;
  return binding?.mode === 'single' ? binding.split : undefined;
}

/** A store that has loaded the folders at revision 1 (split off) from a scripted api. */
async function loadedStore(t: { after: (fn: () => unknown) => void }) {
  const listed = { current: snapshot(1, 'off') };
  const scripted = scriptedApi(listed);
  const store = new AppStore(scripted.api);
  const waits = createWaitList();
  t.after(() => waits.cancel());
  store.subscribe(() => waits.wake());
  t.after(store.start());
  await waits.until('the first load', () =>
    store.getSnapshot().phase === 'ready' ? true : undefined,
  );
  return { listed, scripted, store, waits };
}

test('a folders event sent before the last change, heard after its answer, is not shown', async (t) => {
  const { scripted, store } = await loadedStore(t);
  assert.equal(shownSplit(store), 'off');

  const shown: (string | undefined)[] = [];
  store.subscribe(() => shown.push(shownSplit(store)));
  // The user picks "separator", then "page". Core's event for "separator" (revision 2) comes
  // after the answer for "page" (revision 3).
  store.applyFolders(snapshot(3, 'page'));
  scripted.emit('folders.changed', snapshot(2, 'separator'));
  assert.equal(shownSplit(store), 'page', 'the older event is not shown');
  assert.ok(!shown.includes('separator'), `never rendered the old choice: ${shown.join(', ')}`);

  // The event for "page" itself (same revision as the answer held) changes nothing; a newer one
  // (the intake's word on the folder, revision 4) is shown.
  scripted.emit('folders.changed', snapshot(3, 'page'));
  scripted.emit('folders.changed', snapshot(4, 'blank'));
  assert.equal(shownSplit(store), 'blank');
  // An answer older than an event already shown is not shown either.
  store.applyFolders(snapshot(2, 'separator'));
  assert.equal(shownSplit(store), 'blank');
});

test('after the connection comes back the engine may have restarted: its snapshots count again', async (t) => {
  const { listed, scripted, store, waits } = await loadedStore(t);
  scripted.emit('folders.changed', snapshot(40, 'page'));
  assert.equal(shownSplit(store), 'page');

  // A new engine numbers from 1: its list is shown, though its revision is lower.
  listed.current = snapshot(1, 'separator');
  scripted.reconnect();
  await waits.until('the list of the restarted engine', () =>
    shownSplit(store) === 'separator' ? true : undefined,
  );
});
