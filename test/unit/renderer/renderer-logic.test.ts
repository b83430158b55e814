// The renderer's plain logic: search, formats, the language choice, URL checks, history paging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Administration,
  FailureCode,
  FileState,
  HistoryEntry,
} from '../../../src-main/contract/domain.ts';
import { msg } from '../../../src-main/contract/messages/message.ts';
import { createFormatters } from '../../../src-renderer/i18n/format.ts';
import { resolveLanguage } from '../../../src-renderer/i18n/locale.ts';
import { createAdministrationIndex } from '../../../src-renderer/lib/administration-search.ts';
import { canSaveApiUrl, checkApiUrl } from '../../../src-renderer/lib/api-url.ts';
import { ApiUrl } from '../../../src-main/contract/domain.ts';
import {
  companyNumberDigits,
  formatCompanyNumber,
} from '../../../src-renderer/lib/company-number.ts';
import { HistoryPages } from '../../../src-renderer/lib/history-pages.ts';
import { rowActions, statesForFilter } from '../../../src-renderer/lib/history-status.ts';
import { missingScopes } from '../../../src-renderer/lib/scope-features.ts';

function administration(name: string, companyNumber: string): Administration {
  return { name, companyNumber, accountManager: null };
}

test('administrations are found by name, ignoring case and accents, or by company number', () => {
  const index = createAdministrationIndex([
    administration('Brasserie Éclair SRL', '0456789012'),
    administration('Bakkerij Janssens BV', '0403170701'),
    administration('Autobedrijf Garage Noord', '0477123456'),
    administration('Garage Van Damme', '0899123456'),
  ]);
  assert.deepEqual(
    index.search('eclair').map((entry) => entry.name),
    ['Brasserie Éclair SRL'],
  );
  assert.deepEqual(
    index.search('BE 0403.170.701').map((entry) => entry.name),
    ['Bakkerij Janssens BV'],
  );
  assert.deepEqual(
    index.search('403170').map((entry) => entry.name),
    ['Bakkerij Janssens BV'],
  );
  assert.deepEqual(
    index.search('garage').map((entry) => entry.name),
    ['Garage Van Damme', 'Autobedrijf Garage Noord'],
    'names starting with the query come first',
  );
  assert.equal(index.search('').length, 4);
  assert.deepEqual(index.search('nothing like it'), []);
});

test('searching 1,000 administrations answers from memory', () => {
  const many = Array.from({ length: 1000 }, (_, n) =>
    administration(`Onderneming ${n}`, `0${String(100000000 + n)}`),
  );
  const index = createAdministrationIndex(many);
  assert.equal(index.search('onderneming 99').length, 19, '99, 199 … 899 and 990 … 999');
  assert.equal(index.search('100000999')[0]?.name, 'Onderneming 999');
});

test('company numbers are shown as 0123.456.789 and read in any notation', () => {
  assert.equal(formatCompanyNumber('0403170701'), '0403.170.701');
  assert.equal(companyNumberDigits('BE0403.170.701'), '0403170701');
  assert.equal(companyNumberDigits('Bakkerij'), null);
});

test('the language follows the setting, else the first OS language we speak, else English', () => {
  assert.equal(resolveLanguage('fr', ['nl-BE']), 'fr');
  assert.equal(resolveLanguage('system', ['de-DE', 'nl-BE', 'fr-BE']), 'nl');
  assert.equal(resolveLanguage('system', ['fr_BE']), 'fr');
  assert.equal(resolveLanguage('system', ['de-DE']), 'en');
});

test('dates, numbers and sizes are formatted in the Belgian locales', () => {
  const at = '2026-03-05T14:30:00.000Z';
  assert.equal(createFormatters('nl').number(1234567), '1.234.567');
  assert.match(createFormatters('fr').number(1234567), /^1\s234\s567$/u);
  assert.equal(createFormatters('en').number(1234567), '1,234,567');
  assert.match(createFormatters('nl').date(at), /5 mrt\.? 2026/);
  assert.match(createFormatters('fr').date(at), /5 mars 2026/);
  assert.match(createFormatters('en').bytes(1536), /^1.5\s?kB$/);
  // An empty file (issue #14: it showed as 0.1 kB).
  assert.match(createFormatters('en').bytes(0), /^0\s?bytes$/);
  assert.match(createFormatters('nl').bytes(0), /^0\s?bytes$/);
  assert.match(createFormatters('fr').bytes(0), /^0\s?octet$/);
  // Under a kilobyte, the bytes themselves (issue #14: one formatter for every surface).
  assert.match(createFormatters('fr').bytes(860), /^860\s?octets$/);
  assert.match(createFormatters('nl').bytes(5 * 1024 * 1024 + 200_000), /^5,2\s?MB$/);
});

test('an API URL other than HTTPS or this machine is flagged', () => {
  assert.equal(checkApiUrl('https://api.clearfacts.be/graphql'), 'secure');
  assert.equal(checkApiUrl('http://127.0.0.1:4000/graphql'), 'loopback');
  assert.equal(checkApiUrl('http://localhost/graphql'), 'loopback');
  assert.equal(checkApiUrl('http://api.example.com/graphql'), 'insecure');
  assert.equal(checkApiUrl('ftp://example.com'), 'invalid');
  assert.equal(checkApiUrl('not a url'), 'invalid');
});

test('the Settings screen saves exactly the API addresses core accepts, and says why not (#12 attack)', () => {
  // Core's ApiUrl is the rule; the screen used to offer a LAN http address "for a test server you
  // trust", which core then refused as "fields: apiUrl".
  for (const apiUrl of [
    'https://api.clearfacts.be/graphql',
    'http://127.0.0.1:4000/graphql',
    'http://127.0.0.2:4000/graphql',
    'http://localhost/graphql',
    'http://[::1]:4000/graphql',
    'http://192.168.1.20/graphql',
    'http://api.example.com/graphql',
    'https://user:secret@api.clearfacts.be/graphql',
    'ftp://example.com',
    'not a url',
  ]) {
    assert.equal(canSaveApiUrl(checkApiUrl(apiUrl)), ApiUrl.safeParse(apiUrl).success, apiUrl);
  }
  assert.equal(checkApiUrl('https://user:secret@api.clearfacts.be/graphql'), 'credentials');
  assert.equal(checkApiUrl('http://192.168.1.20/graphql'), 'insecure');
});

test('the missing scopes and what a row allows follow the contract', () => {
  assert.deepEqual(missingScopes(['upload_document', 'read_administrations']), [
    'archive_read',
    'archive_actions',
  ]);
  const row = (
    state: FileState,
    code: FailureCode | null = null,
    dismissedAt: string | null = null,
  ) => ({
    state,
    failure: code === null ? null : { code, message: msg('legacy_text', { text: 'x' }) },
    dismissedAt,
  });
  const none = { retry: false, resend: false, markDone: false, dismiss: false, reveal: true };
  // A limit the user can raise: Retry can work.
  assert.deepEqual(rowActions(row('failed', 'too_large')), { ...none, retry: true, dismiss: true });
  // Only another file ends these: no Retry, and no preview for a file that is gone.
  assert.deepEqual(rowActions(row('failed', 'unsupported_type')), { ...none, dismiss: true });
  assert.deepEqual(rowActions(row('failed', 'pdf_encrypted')), { ...none, dismiss: true });
  assert.deepEqual(rowActions(row('failed', 'file_missing')), {
    ...none,
    dismiss: true,
    reveal: false,
  });
  assert.deepEqual(rowActions(row('failed', 'file_missing', '2026-11-30T20:00:00.000Z')), {
    ...none,
    reveal: false,
  });
  assert.deepEqual(rowActions(row('unconfirmed', 'transient')), {
    ...none,
    resend: true,
    markDone: true,
  });
  assert.deepEqual(rowActions(row('uploaded')), none);
  // A held row can always be dismissed, even when its hold proposes no administration (#18 F7).
  assert.deepEqual(rowActions(row('held')), { ...none, dismiss: true });
  assert.deepEqual(rowActions(row('held', null, '2026-11-30T20:00:00.000Z')), none);
  assert.equal(statesForFilter('all'), undefined);
  assert.deepEqual(statesForFilter('uploaded'), ['uploaded', 'archived']);
});

function entry(id: number, state: HistoryEntry['state'] = 'uploaded'): HistoryEntry {
  return {
    id,
    path: `/scans/${id}.pdf`,
    fileName: `${id}.pdf`,
    folderId: null,
    source: 'watch',
    companyNumber: '0403170701',
    destination: { type: 'purchase' },
    state,
    kind: 'pdf',
    sizeBytes: 100,
    sha256: null,
    pages: 1,
    uuid: null,
    failure: null,
    attempts: 0,
    nextAttemptAt: null,
    archivedPath: null,
    detectedAt: '2026-03-05T14:30:00.000Z',
    updatedAt: '2026-03-05T14:30:00.000Z',
    uploadedAt: null,
  };
}

test('history pages load what is visible, patch changed rows and report new ones', () => {
  const pages = new HistoryPages(100);
  assert.deepEqual(pages.missingPages(0, 250), [0, 1, 2]);
  pages.markPending(0);
  assert.deepEqual(pages.missingPages(0, 250), [1, 2]);
  pages.store(
    0,
    Array.from({ length: 100 }, (_, n) => entry(50_000 - n)),
    50_000,
    pages.beginRequest(),
  );
  assert.equal(pages.total, 50_000);
  assert.equal(pages.row(0)?.id, 50_000);
  assert.equal(pages.row(150), undefined);
  assert.equal(pages.patch([entry(49_990, 'failed')]), true);
  assert.equal(pages.row(10)?.state, 'failed');
  assert.equal(pages.patch([entry(50_001)]), false, 'an insert shifts offsets: the caller reloads');
  pages.replaceAll(new Map([[3, [entry(1)]]]), 301, pages.beginRequest());
  assert.deepEqual(pages.loadedPages(), [3]);
  assert.equal(pages.row(300)?.id, 1);
});

test("an action's answer never takes a row back past the events that followed the action", () => {
  // Send again: core answers the row as `ready`, but the upload that followed is quicker, and its
  // events (uploading, uploaded) reach the screen before the answer does.
  const pages = new HistoryPages(100);
  pages.store(0, [entry(7, 'unconfirmed')], 1, pages.beginRequest());
  const at = (ms: number, state: HistoryEntry['state']) => ({
    ...entry(7, state),
    updatedAt: new Date(Date.parse('2026-03-05T14:30:00.000Z') + ms).toISOString(),
  });
  pages.patch([at(10, 'uploading')]);
  pages.patch([at(20, 'uploaded')]);
  pages.applyAnswer(at(5, 'ready'));
  assert.equal(pages.row(0)?.state, 'uploaded', 'an older answer is not applied');
  pages.applyAnswer(at(20, 'ready'));
  assert.equal(pages.row(0)?.state, 'uploaded', 'a tie keeps the row held');
  pages.applyAnswer(at(30, 'archived'));
  assert.equal(pages.row(0)?.state, 'archived', 'a newer answer is applied at once');
});

test('a page answer read before a change never hides the change heard before the answer', () => {
  // In browser mode the answer and the history.changed event travel on different connections:
  // core reads the page (row 7 uploading), the upload ends and its event arrives, then the answer.
  const pages = new HistoryPages(100);
  const first = pages.beginRequest();
  pages.store(0, [entry(8), entry(7, 'uploading')], 2, first);

  const reload = pages.beginRequest();
  pages.patch([entry(7, 'uploaded')]);
  const heardLater = pages.beginRequest();
  pages.patch([entry(8, 'failed')]);
  pages.replaceAll(new Map([[0, [entry(8, 'ready'), entry(7, 'uploading')]]]), 2, reload);
  assert.equal(pages.row(1)?.state, 'uploaded', 'the event heard after the request was sent wins');
  assert.equal(pages.row(0)?.state, 'failed');

  // A request sent after a change carries the change in its answer: nothing older is replayed.
  pages.store(0, [entry(8, 'archived'), entry(7, 'archived')], 2, heardLater);
  assert.equal(pages.row(0)?.state, 'failed', 'heard after heardLater was sent: applied again');
  assert.equal(
    pages.row(1)?.state,
    'archived',
    'heard before heardLater was sent: its answer wins',
  );

  // Once no request is open, nothing is kept to replay.
  const afterwards = pages.beginRequest();
  pages.store(0, [entry(8, 'archived'), entry(7, 'archived')], 2, afterwards);
  assert.equal(pages.row(0)?.state, 'archived');
});
