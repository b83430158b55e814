// `upload` in a terminal keeps one line with the bytes sent of the file going out, in the CLI's
// language (issue #14 finding 12), and clears it when the file leaves `uploading`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventListener } from '../../../src-main/contract/api-contract.ts';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { useSettingsLanguage } from '../../../src-main/cli/cli-language.ts';
import { showUploadProgress } from '../../../src-main/cli/upload-progress-line.ts';

/** The few fields the line reads, over a row shaped as the contract says. */
function row(state: HistoryEntry['state']): HistoryEntry {
  return { id: 3, fileName: 'factuur.pdf', state } as HistoryEntry;
}

test('the live line says the bytes sent in Dutch and is cleared when the upload ends', (t) => {
  useSettingsLanguage('nl');
  t.after(() => useSettingsLanguage('system'));
  let listener: EventListener = () => {};
  const written: string[] = [];
  const stop = showUploadProgress(
    { subscribe: (added) => ((listener = added), () => {}) },
    { write: (chunk: string) => (written.push(chunk), true) },
  );
  listener('history.changed', { entries: [row('uploading')] });
  listener('upload.progress', { id: 3, sentBytes: 4_300_000, totalBytes: 15 * 1024 * 1024 });
  // 4,300,000 B = 4.1 MiB and 15 MiB, Belgian decimal commas, a no-break space before the unit.
  const line = written.at(-1) ?? '';
  assert.ok(line.startsWith('\r\x1b[2K'), 'the line is rewritten in place');
  assert.match(line.slice(5), /^factuur\.pdf: 4,1\u00a0MB van 15\u00a0MB verzonden$/u);
  listener('history.changed', { entries: [row('uploaded')] });
  assert.equal(written.at(-1), '\r\x1b[2K', 'the line is cleared before the outcome is printed');
  const count = written.length;
  stop();
  assert.equal(written.length, count, 'nothing left to clear');
});
