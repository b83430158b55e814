import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { ArchiveCategories } from '../../../../src-main/contract/domain.ts';
import { materializeAccountantTree } from '../../../../src-main/core/folders/materialize-accountant-tree.ts';

async function tempRoot(t: TestContext): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tree-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  return root;
}

/** Every folder under root, relative, sorted: the whole tree in one comparable value. */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) =>
      path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

const peeters = { companyNumber: '0123456789', name: 'Bakkerij Peeters' };
const janssens = { companyNumber: '0987654321', name: 'Janssens: Bouw / Renovatie.' };
const categories = new Map<string, ArchiveCategories>([
  [
    '0123456789',
    {
      various: [
        { id: 'v1', name: 'Bank' },
        { id: 'v2', name: 'CON' },
      ],
      permanent: [{ id: 'p1', name: 'Statuten?' }],
    },
  ],
]);

test('creates the whole tree with Windows-safe names', async (t) => {
  const root = await tempRoot(t);
  const result = await materializeAccountantTree(root, [peeters, janssens], categories);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(await tree(root), [
    'Bakkerij Peeters (0123456789)',
    'Bakkerij Peeters (0123456789)/Archive',
    'Bakkerij Peeters (0123456789)/Archive/Permanent',
    'Bakkerij Peeters (0123456789)/Archive/Permanent/Statuten_',
    'Bakkerij Peeters (0123456789)/Archive/Various',
    'Bakkerij Peeters (0123456789)/Archive/Various/Bank',
    'Bakkerij Peeters (0123456789)/Archive/Various/CON_',
    'Bakkerij Peeters (0123456789)/Purchase',
    'Bakkerij Peeters (0123456789)/Sales',
    'Janssens_ Bouw _ Renovatie (0987654321)',
    'Janssens_ Bouw _ Renovatie (0987654321)/Archive',
    'Janssens_ Bouw _ Renovatie (0987654321)/Archive/Permanent',
    'Janssens_ Bouw _ Renovatie (0987654321)/Archive/Various',
    'Janssens_ Bouw _ Renovatie (0987654321)/Purchase',
    'Janssens_ Bouw _ Renovatie (0987654321)/Sales',
  ]);
  assert.equal(result.created.length, 15);
});

test('is idempotent, and adds new administrations and categories without touching the rest', async (t) => {
  const root = await tempRoot(t);
  await materializeAccountantTree(root, [peeters], categories);
  const before = await tree(root);
  const again = await materializeAccountantTree(root, [peeters], categories);
  assert.deepEqual(again.created, []);
  assert.deepEqual(await tree(root), before);

  const grown = new Map(categories);
  grown.set('0123456789', {
    various: [...(categories.get('0123456789')?.various ?? []), { id: 'v3', name: 'Leasing' }],
    permanent: [],
  });
  const added = await materializeAccountantTree(root, [peeters, janssens], grown);
  assert.ok(
    added.created.includes(
      path.join(root, 'Bakkerij Peeters (0123456789)', 'Archive', 'Various', 'Leasing'),
    ),
  );
  assert.ok(added.created.includes(path.join(root, 'Janssens_ Bouw _ Renovatie (0987654321)')));
  // A category that left the API keeps its folder: nothing is deleted.
  assert.ok(
    (await tree(root)).includes('Bakkerij Peeters (0123456789)/Archive/Permanent/Statuten_'),
  );
});

test('reuses a renamed administration folder and folders that differ only in case', async (t) => {
  const root = await tempRoot(t);
  await mkdir(path.join(root, 'Peeters renamed (0123456789)', 'purchase'), { recursive: true });
  await writeFile(path.join(root, 'Peeters renamed (0123456789)', 'purchase', 'a.pdf'), 'x');
  const result = await materializeAccountantTree(root, [peeters], new Map());
  assert.deepEqual(result.problems, []);
  assert.deepEqual(await tree(root), [
    'Peeters renamed (0123456789)',
    'Peeters renamed (0123456789)/Archive',
    'Peeters renamed (0123456789)/Archive/Permanent',
    'Peeters renamed (0123456789)/Archive/Various',
    'Peeters renamed (0123456789)/Sales',
    'Peeters renamed (0123456789)/purchase',
  ]);
});

test('a file in the way is reported, and the rest is still created', async (t) => {
  const root = await tempRoot(t);
  await mkdir(path.join(root, 'Bakkerij Peeters (0123456789)'));
  await writeFile(path.join(root, 'Bakkerij Peeters (0123456789)', 'Sales'), 'not a folder');
  const result = await materializeAccountantTree(root, [peeters], new Map());
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0] ?? '', /Sales exists but is not a folder/);
  assert.ok((await tree(root)).includes('Bakkerij Peeters (0123456789)/Purchase'));
});

test('never creates a missing root: it may be an unplugged drive', async (t) => {
  const parent = await tempRoot(t);
  const root = path.join(parent, 'missing');
  await assert.rejects(materializeAccountantTree(root, [peeters], categories), /cannot be read/);
  assert.deepEqual(await readdir(parent), []);
});

test('a new root is named in the chosen language, kept in its marker for every later run', async (t) => {
  const root = await tempRoot(t);
  const first = await materializeAccountantTree(root, [peeters], categories, 'nl');
  assert.deepEqual(first.problems, []);
  assert.deepEqual(await tree(root), [
    'Bakkerij Peeters (0123456789)',
    'Bakkerij Peeters (0123456789)/Aankoop',
    'Bakkerij Peeters (0123456789)/Archief',
    'Bakkerij Peeters (0123456789)/Archief/Diverse',
    'Bakkerij Peeters (0123456789)/Archief/Diverse/Bank',
    'Bakkerij Peeters (0123456789)/Archief/Diverse/CON_',
    'Bakkerij Peeters (0123456789)/Archief/Permanent',
    'Bakkerij Peeters (0123456789)/Archief/Permanent/Statuten_',
    'Bakkerij Peeters (0123456789)/Verkoop',
  ]);
  assert.deepEqual(JSON.parse(await readFile(path.join(root, '.clearfacts-tree.json'), 'utf8')), {
    language: 'nl',
  });
  // A French-speaking colleague sharing the root, and a new administration: still Dutch.
  const again = await materializeAccountantTree(root, [peeters, janssens], categories, 'fr');
  assert.deepEqual(again.problems, []);
  const folders = await tree(root);
  assert.ok(folders.includes('Janssens_ Bouw _ Renovatie (0987654321)/Aankoop'));
  assert.equal(
    folders.some((folder) => /Achats|Ventes|Divers$|Purchase|Sales/.test(folder)),
    false,
    folders.join('\n'),
  );
});

test('a root made before trees had a language stays English; folders of any language are reused', async (t) => {
  const root = await tempRoot(t);
  await mkdir(path.join(root, 'Bakkerij Peeters (0123456789)', 'Purchase'), { recursive: true });
  await mkdir(path.join(root, 'Janssens (0987654321)', 'Ventes'), { recursive: true });
  const result = await materializeAccountantTree(root, [peeters, janssens], new Map(), 'nl');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(await tree(root), [
    'Bakkerij Peeters (0123456789)',
    'Bakkerij Peeters (0123456789)/Archive',
    'Bakkerij Peeters (0123456789)/Archive/Permanent',
    'Bakkerij Peeters (0123456789)/Archive/Various',
    'Bakkerij Peeters (0123456789)/Purchase',
    'Bakkerij Peeters (0123456789)/Sales',
    'Janssens (0987654321)',
    'Janssens (0987654321)/Archive',
    'Janssens (0987654321)/Archive/Permanent',
    'Janssens (0987654321)/Archive/Various',
    'Janssens (0987654321)/Purchase',
    'Janssens (0987654321)/Ventes',
  ]);
});
