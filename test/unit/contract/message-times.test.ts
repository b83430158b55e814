// A moment in a message ("sending resumes at …", "the outage of …") shows its date whenever it is
// not on the reader's today, in nl, fr and en: a hold until tomorrow must not read as today.
// The reader's now is injected; the expected day and clock are written out by hand for Brussels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { msg, renderMessage } from '../../../src-main/contract/messages/index.ts';

// The formatters take the zone when first used, which is after this line.
process.env.TZ = 'Europe/Brussels';

/** 1 December 2026, 09:00 in Brussels (UTC+1). */
const NOW = Date.parse('2026-12-01T08:00:00Z');

const cases = [
  {
    what: 'yesterday afternoon',
    at: Date.parse('2026-11-30T13:05:09Z'),
    expected: {
      nl: ['30 nov 2026', '14:05:09'],
      fr: ['30 nov. 2026', '14:05:09'],
      en: ['Nov 30, 2026', '2:05:09'],
    },
    absent: [],
  },
  {
    what: 'tomorrow morning',
    at: Date.parse('2026-12-02T07:00:00Z'),
    expected: {
      nl: ['2 dec 2026', '08:00:00'],
      fr: ['2 déc. 2026', '08:00:00'],
      en: ['Dec 2, 2026', '8:00:00'],
    },
    absent: [],
  },
  {
    // 23:30 UTC on the 30th is 00:30 on the 1st in Brussels: today for the reader.
    what: 'just after midnight today, the day before in UTC',
    at: Date.parse('2026-11-30T23:30:00Z'),
    expected: { nl: ['00:30:00'], fr: ['00:30:00'], en: ['12:30:00'] },
    absent: ['2026', 'nov', 'Nov', 'déc', 'dec', 'Dec'],
  },
] as const;

for (const { what, at, expected, absent } of cases) {
  test(`a time ${what} is rendered with${absent.length === 0 ? '' : 'out'} its date`, () => {
    for (const language of ['nl', 'fr', 'en'] as const) {
      const text = renderMessage(msg('rate_limited_until', { until: at }), language, { now: NOW });
      for (const part of expected[language]) {
        assert.ok(text.includes(part), `${language}: "${text}" shows ${part}`);
      }
      for (const part of absent) {
        assert.ok(!text.includes(part), `${language}: "${text}" does not show ${part}`);
      }
    }
  });
}

test('an outage of last week names its day in the incident messages too', () => {
  const text = renderMessage(
    msg('incident_unknown', { incident: Date.parse('2026-11-24T10:00:00Z') }),
    'nl',
    { now: NOW },
  );
  assert.ok(text.includes('24 nov 2026'), text);
  assert.ok(text.includes('11:00:00'), text);
});
