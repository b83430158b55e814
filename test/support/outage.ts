// One outage, caused on purpose: a gateway in front of the emulator stores every upload and then
// answers 504 (reads included), so the engine opens an incident and leaves at most `concurrency`
// files unconfirmed; then Clearfacts answers again and every other file is delivered. For the
// tests of what the user sees of an incident (History's banner, `history --incidents`).
import { setTimeout as delay } from 'node:timers/promises';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UnconfirmedIncident } from '../../src-main/contract/domain.ts';
import type { Engine } from '../../src-main/core/engine.ts';
import type { Emulator } from '../emulator/index.ts';
import { pdfBytes } from '../fixtures/generate-documents.ts';
import { withDeadline } from './waiting.ts';

/** Resolves with the first value other than undefined `probe` gives, asked every 100 ms. */
async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  detail: () => Promise<string>,
): Promise<T> {
  let stopped = false;
  let seen = '';
  const polling = (async () => {
    for (;;) {
      const value = await probe();
      seen = await detail();
      if (value !== undefined || stopped) return value as T;
      await delay(100);
    }
  })();
  try {
    return await withDeadline(what, polling, { detail: () => seen });
  } finally {
    stopped = true;
  }
}

/** Every row's name and state, and the queue's reason, for a wait's failure. */
async function states(engine: Engine): Promise<string> {
  const { rows } = await engine.handlers['history.query']({ filter: {}, offset: 0, limit: 100 });
  const status = await engine.handlers['status.get']({});
  return `status ${status.reason?.code ?? 'none'}; ${rows.map((row) => `${row.fileName} ${row.state}`).join(', ')}`;
}

/**
 * Writes `names` (one-page PDFs) into the watched folder `dir` during an outage and returns the
 * incident it opened, once every file is either unconfirmed in it or delivered after it and the
 * queue has stopped probing.
 */
export async function causeOutage(
  engine: Engine,
  emulator: Emulator,
  dir: string,
  names: readonly string[],
): Promise<UnconfirmedIncident> {
  const before = new Set(
    (await engine.handlers['history.incidents']({})).map((incident) => incident.incidentAt),
  );
  emulator.setFaults({ appliesTo: 'all', storeThenFailRate: 1, storeThenFailWith: ['504'] });
  for (const name of names) {
    await writeFile(path.join(dir, name), await pdfBytes(1, { label: name }));
  }
  await poll(
    'the outage to leave a file unconfirmed and the queue probing',
    async () => {
      const opened = (await engine.handlers['history.incidents']({})).some(
        (incident) => !before.has(incident.incidentAt),
      );
      const status = await engine.handlers['status.get']({});
      return opened && status.reason?.code === 'outage_probing' ? true : undefined;
    },
    () => states(engine),
  );
  emulator.setFaults({});
  await poll(
    `every one of ${names.join(', ')} unconfirmed or archived`,
    async () => {
      const { rows } = await engine.handlers['history.query']({
        filter: { states: ['unconfirmed', 'archived'] },
        offset: 0,
        limit: 1_000,
      });
      return names.every((name) => rows.some((row) => row.fileName === name)) ? true : undefined;
    },
    () => states(engine),
  );
  // The outage is over once the queue's probe reached Clearfacts: a second outage caused before
  // that would find the queue still holding for this one, and never open its own incident.
  await poll(
    'the queue to end its probing once Clearfacts answers',
    async () => {
      const status = await engine.handlers['status.get']({});
      return status.reason?.code === 'outage_probing' ? undefined : true;
    },
    () => states(engine),
  );
  const incident = (await engine.handlers['history.incidents']({})).find(
    (candidate) => !before.has(candidate.incidentAt),
  );
  if (incident === undefined) throw new Error('the outage left no incident');
  return incident;
}
