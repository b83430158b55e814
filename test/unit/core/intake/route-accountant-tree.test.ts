import { test } from 'node:test';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import path from 'node:path';
import { routeAccountantTreePath } from '../../../../src-main/core/intake/route-accountant-tree.ts';
import type { Route } from '../../../../src-main/core/intake/route-accountant-tree.ts';

const root = path.resolve('/accountant');
const admin = 'Bakkerij Peeters (0123456789)';
const categories: Record<string, string> = {
  'various/Bank': 'cat-bank',
  'permanent/Statutes': 'cat-statutes',
};
const resolve = (companyNumber: string, type: string, folder: string): string | null =>
  companyNumber === '0123456789' ? (categories[`${type}/${folder}`] ?? null) : null;
const route = (...segments: string[]): Route =>
  routeAccountantTreePath(root, path.join(root, ...segments), resolve);

function reasonOf(result: Route): string {
  assert.equal(result.ok, false, JSON.stringify(result));
  return result.ok ? '' : englishOf(result.reason);
}

test('Purchase, Sales and archive category folders route to their destination', () => {
  assert.deepEqual(route(admin, 'Purchase', 'a.pdf'), {
    ok: true,
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
  });
  assert.deepEqual(route(admin, 'Sales', '2026', 'november', 'b.pdf'), {
    ok: true,
    companyNumber: '0123456789',
    destination: { type: 'sale' },
  });
  assert.deepEqual(route(admin, 'Archive', 'Various', 'Bank', 'c.pdf'), {
    ok: true,
    companyNumber: '0123456789',
    destination: { type: 'various', categoryId: 'cat-bank' },
  });
  assert.deepEqual(route(admin, 'archive', 'permanent', 'Statutes', 'sub', 'd.pdf'), {
    ok: true,
    companyNumber: '0123456789',
    destination: { type: 'permanent', categoryId: 'cat-statutes' },
  });
});

test('each path that leads nowhere says why', () => {
  assert.match(reasonOf(route('loose.pdf')), /directly in the accountant folder/);
  assert.match(reasonOf(route('Bakkerij Peeters', 'Purchase', 'a.pdf')), /is not named/);
  assert.match(
    reasonOf(route('Peeters (42)', 'Purchase', 'a.pdf')),
    /not a Belgian company number/,
  );
  assert.match(
    reasonOf(route(admin, 'a.pdf')),
    /directly in the folder of administration 0123456789/,
  );
  assert.match(reasonOf(route(admin, 'Invoices', 'a.pdf')), /"Invoices" is not one of the folders/);
  assert.match(reasonOf(route(admin, 'Archive', 'a.pdf')), /Archive\/Various\/<category>/);
  assert.match(
    reasonOf(route(admin, 'Archive', 'Other', 'x', 'a.pdf')),
    /Archive\/Various\/<category>/,
  );
  assert.match(
    reasonOf(route(admin, 'Archive', 'Various', 'a.pdf')),
    /directly in Archive\/Various/,
  );
  assert.match(
    reasonOf(route(admin, 'Archive', 'Permanent', 'Unknown', 'a.pdf')),
    /no permanent archive category named "Unknown"/,
  );
});

test('the tray folders route by their name in any of the three languages', () => {
  for (const [tray, type] of [
    ['Aankoop', 'purchase'],
    ['Achats', 'purchase'],
    ['Purchase', 'purchase'],
    ['verkoop', 'sale'],
    ['Ventes', 'sale'],
    ['Sales', 'sale'],
  ] as const) {
    assert.deepEqual(route(admin, tray, 'a.pdf'), {
      ok: true,
      companyNumber: '0123456789',
      destination: { type },
    });
  }
  for (const archive of [
    ['Archief', 'Diverse'],
    ['Archive', 'Divers'],
    ['Archive', 'Various'],
  ]) {
    assert.deepEqual(route(admin, ...archive, 'Bank', 'a.pdf'), {
      ok: true,
      companyNumber: '0123456789',
      destination: { type: 'various', categoryId: 'cat-bank' },
    });
  }
  assert.deepEqual(route(admin, 'Archief', 'Permanent', 'Statutes', 'a.pdf'), {
    ok: true,
    companyNumber: '0123456789',
    destination: { type: 'permanent', categoryId: 'cat-statutes' },
  });
  assert.match(
    reasonOf(route(admin, 'Archief', 'Diverse', 'a.pdf')),
    /directly in Archief\/Diverse/,
  );
});
