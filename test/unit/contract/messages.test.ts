// The message catalogues: every code in all three languages with the same placeholders, each
// language rendering the specifics, no English leaking into nl/fr, and no sentence accepted where
// a Message belongs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, ApiErrorBody } from '../../../src-main/contract/api-contract.ts';
import { Failure } from '../../../src-main/contract/domain.ts';
import {
  CATALOGUES,
  MESSAGE_CODES,
  MESSAGE_LANGUAGES,
  TERM_TABLES,
  msg,
  renderMessage,
  type Message,
} from '../../../src-main/contract/messages/index.ts';

function placeholders(text: string | { one: string; other: string; many?: string }): string[] {
  const texts = typeof text === 'string' ? [text] : Object.values(text);
  const names = texts.flatMap((one) =>
    [...one.matchAll(/\{\{\s*([A-Za-z]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? ''),
  );
  return [...new Set(names)].sort();
}

test('every code has a text in nl, fr and en with exactly the same placeholders', () => {
  for (const code of MESSAGE_CODES) {
    const english = CATALOGUES.en.messages[code];
    assert.ok(english !== undefined, `en has ${code}`);
    for (const language of MESSAGE_LANGUAGES) {
      const text = CATALOGUES[language].messages[code];
      assert.ok(text !== undefined && text !== '', `${language} has ${code}`);
      assert.deepEqual(placeholders(text), placeholders(english), `${language} ${code}`);
    }
  }
  for (const language of MESSAGE_LANGUAGES) {
    assert.deepEqual(
      Object.keys(CATALOGUES[language].messages).sort(),
      [...MESSAGE_CODES].sort(),
      `${language} has no code the contract lacks`,
    );
  }
});

test('every term table is complete in every language', () => {
  for (const language of MESSAGE_LANGUAGES) {
    for (const [table, keys] of Object.entries(TERM_TABLES)) {
      const terms = CATALOGUES[language].terms[table as keyof typeof TERM_TABLES];
      for (const key of keys) {
        assert.ok((terms as Record<string, string>)[key], `${language} ${table}.${key}`);
      }
    }
  }
});

const SAMPLES: Message[] = [
  msg('file_too_large', { sizeBytes: 25 * 1024 * 1024, maxBytes: 20 * 1024 * 1024 }),
  msg('type_unsupported_not_expected', { actual: 'docx', expected: 'pdf' }),
  msg('scope_hold', { scope: 'archive_actions' }),
  msg('unknown_category', { companyNumber: '0123456789', archiveType: 'permanent' }),
  msg('stray_files', {
    count: 2,
    example: 'Bakkerij (0123456789)/los.pdf',
    reason: msg('tree_file_in_administration', { companyNumber: '0123456789' }),
  }),
  msg('gave_up_http_status', { status: 503, attempts: 20 }),
  msg('storage_fault', { databasePath: '/cfg/history.sqlite', storageProblem: 'full' }),
  msg('api_network', { networkProblem: 'dns' }),
  msg('history_action_refused', { fileName: 'a.pdf', state: 'uploaded', action: 'resent' }),
];

test('each language renders the specifics: sizes, limits, names, numbers', () => {
  const expected: Record<(typeof MESSAGE_LANGUAGES)[number], string[]> = {
    en: ['25\u00a0MB', '20\u00a0MB', 'a Word document', 'a PDF', 'archive_actions', 'permanent'],
    nl: [
      '25\u00a0MB',
      '20\u00a0MB',
      'een Word-document',
      'een PDF',
      'archive_actions',
      'ondernemingsnummer',
    ],
    fr: [
      '25\u00a0Mo',
      '20\u00a0Mo',
      'un document Word',
      'un PDF',
      'archive_actions',
      'numéro d’entreprise',
    ],
  };
  for (const language of MESSAGE_LANGUAGES) {
    const rendered = SAMPLES.map((message) => renderMessage(message, language)).join('\n');
    for (const fragment of expected[language]) {
      assert.ok(rendered.includes(fragment), `${language} renders ${fragment}:\n${rendered}`);
    }
    for (const specific of ['0123456789', '503', '20', '/cfg/history.sqlite', 'los.pdf']) {
      assert.ok(rendered.includes(specific), `${language} keeps ${specific}`);
    }
    assert.doesNotMatch(rendered, /\{\{|\}\}/, `${language} leaves no placeholder`);
  }
  assert.match(renderMessage(SAMPLES[4] as Message, 'en'), /^2 files are not/);
  assert.match(renderMessage(SAMPLES[4] as Message, 'nl'), /^2 bestanden staan/);
});

/** Codes whose translation is the English text itself: French writes "3 pages" too. */
const SPELLED_ALIKE = new Map<string, 'nl' | 'fr'>([['cli_pages', 'fr']]);

test('nl and fr renderings contain no English catalogue sentence', () => {
  const params: Record<string, unknown> = {
    // 1.8 kB: one byte is "1 byte" in Dutch and English alike.
    sizeBytes: 1843,
    maxBytes: 2,
    actual: 'pdf',
    expected: 'jpg',
    archiveType: 'various',
    subject: 'file',
    networkProblem: 'reset',
    storageProblem: 'full',
    state: 'failed',
    action: 'retried',
    platformFix: 'linux',
    fileSystem: 'mapped_drive',
    count: 3,
    until: 0,
    reason: msg('tree_archive_needs_type'),
  };
  const sample = (code: string): Message =>
    ({
      code,
      params: new Proxy(params, { get: (all, key) => all[key as string] ?? 'X' }),
    }) as never;
  for (const code of MESSAGE_CODES) {
    if (code === 'legacy_text') continue;
    const english = renderMessage(sample(code), 'en');
    for (const language of ['nl', 'fr'] as const) {
      const translated = renderMessage(sample(code), language);
      if (SPELLED_ALIKE.get(code) === language) continue;
      assert.notEqual(translated, english, `${language} ${code} is translated`);
    }
  }
  for (const language of ['nl', 'fr'] as const) {
    const everything = MESSAGE_CODES.map((code) => renderMessage(sample(code), language)).join(
      '\n',
    );
    for (const code of MESSAGE_CODES) {
      const text = CATALOGUES.en.messages[code];
      const sentences = (typeof text === 'string' ? [text] : [text.one, text.other])
        .flatMap((one) => one.split(/(?<=[.:;])\s+/))
        // Shell commands and namespace URNs are the same in every language.
        .filter((part) => !/\{\{|sudo|urn:|Peeters/.test(part) && part.length > 25);
      for (const sentence of sentences) {
        assert.ok(!everything.includes(sentence), `${language} contains English: ${sentence}`);
      }
    }
  }
});

test('Failure, ApiErrorBody and ApiError take a Message, never a sentence', () => {
  assert.equal(Failure.safeParse({ code: 'too_large', message: 'Too large.' }).success, false);
  assert.equal(
    ApiErrorBody.safeParse({ code: 'internal', message: 'Something went wrong.' }).success,
    false,
  );
  assert.equal(Failure.safeParse({ code: 'too_large', message: msg('file_empty') }).success, true);
  const error = new ApiError('not_found', msg('folder_id_unknown', { id: 'x1' }), 'detail');
  assert.equal(error.message, 'No watched folder has the id x1.');
  assert.deepEqual(ApiError.fromBody(error.toBody()).userMessage, error.userMessage);
  // @ts-expect-error: a sentence is not a Message.
  assert.throws(() => renderMessage(new ApiError('internal', 'words').userMessage, 'nl'));
});

test('the unconfirmed guide counts one page as one page, in every language (#16, attack F5)', () => {
  const guide = (count: number) =>
    msg('unconfirmed_guide', {
      sentAt: Date.UTC(2026, 2, 2, 9, 0),
      size: 1_048_576,
      count,
      fileName: 'factuur.pdf',
    });
  // Hand-written: the words a reader expects next to 1 and to 3.
  const one = { nl: '1 pagina)', fr: '1 page)', en: '1 page)' };
  const three = { nl: '3 pagina’s)', fr: '3 pages)', en: '3 pages)' };
  for (const language of MESSAGE_LANGUAGES) {
    assert.ok(renderMessage(guide(1), language).includes(one[language]), language);
    assert.ok(renderMessage(guide(3), language).includes(three[language]), language);
  }
});
