// `watch --json` is read by machines (a log, a monitoring script): it wrote every progress report
// the engine makes for screens, about 4 a second per upload (issue #14). Now one line per file
// per second at most, its first and its last (all bytes sent) always, by an injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { createLiveView } from '../../../src-main/cli/live-view.ts';

interface Line {
  event: string;
  id?: number;
  sentBytes?: number;
  totalBytes?: number;
}

function jsonView() {
  let clock = 1_700_000_000_000;
  const lines: Line[] = [];
  const view = createLiveView('json', {
    now: () => clock,
    writeJson: (line) => lines.push(JSON.parse(line) as Line),
  });
  return {
    view,
    progressOf: (id: number) =>
      lines.filter((line) => line.event === 'upload.progress' && line.id === id),
    lines,
    advance: (ms: number) => (clock += ms),
  };
}

const TOTAL = 15_000_000;

test('a 10 s upload reported 4 times a second gives its first line, one a second, and its last', () => {
  const { view, progressOf, advance } = jsonView();
  // The engine's reports for screens: every 250 ms (upload-progress.ts), 1.5 MB a second.
  const reports = 40;
  for (let report = 0; report < reports; report += 1) {
    view.show('upload.progress', { id: 3, sentBytes: report * 375_000, totalBytes: TOTAL });
    advance(250);
  }
  view.show('upload.progress', { id: 3, sentBytes: TOTAL, totalBytes: TOTAL });

  // Written: at 0 s (the first), 1 s, 2 s, … 9 s (each a whole second after the last written),
  // and at 10 s the last, 100 %: 11 lines instead of 41.
  const expectedSeconds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  assert.deepEqual(
    progressOf(3).map((line) => line.sentBytes),
    [...expectedSeconds.map((second) => second * 1_500_000), TOTAL],
  );
});

test('each file is spaced on its own, and a file sent again starts with a line', () => {
  const { view, progressOf, lines, advance } = jsonView();
  view.show('upload.progress', { id: 1, sentBytes: 65_536, totalBytes: TOTAL });
  view.show('upload.progress', { id: 2, sentBytes: 65_536, totalBytes: TOTAL });
  advance(500);
  view.show('upload.progress', { id: 1, sentBytes: 131_072, totalBytes: TOTAL });
  view.show('upload.progress', { id: 2, sentBytes: 131_072, totalBytes: TOTAL });
  assert.equal(progressOf(1).length, 1, 'half a second later: nothing more for file 1');
  assert.equal(progressOf(2).length, 1, 'nor for file 2');

  // File 1 fails half-way and is sent again at once: its new upload's first report is written.
  const failed = { id: 1, state: 'ready' } as HistoryEntry;
  view.show('history.changed', { entries: [failed] });
  assert.ok(
    lines.some((line) => line.event === 'history.changed'),
    'other events pass as they are',
  );
  view.show('upload.progress', { id: 1, sentBytes: 65_536, totalBytes: TOTAL });
  view.show('upload.progress', { id: 2, sentBytes: 196_608, totalBytes: TOTAL });
  assert.deepEqual(
    progressOf(1).map((line) => line.sentBytes),
    [65_536, 65_536],
  );
  assert.equal(progressOf(2).length, 1);
});
