// "No hard-coded text": every word the user reads comes from the translations. This walks the
// syntax tree of every component and fails on literal JSX text and literal labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const rendererDir = path.resolve(import.meta.dirname, '../../../src-renderer');
const LABEL_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

function literalTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${path.relative(rendererDir, file)}:${line + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) {
      found.push(`${where(node)} text "${node.text.trim()}"`);
    }
    if (ts.isJsxAttribute(node) && LABEL_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      if (value !== undefined && ts.isStringLiteral(value) && /\p{L}/u.test(value.text)) {
        found.push(`${where(node)} ${node.name.getText(source)}="${value.text}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('components contain no literal user-facing text', () => {
  const files = componentFiles(rendererDir);
  assert.ok(files.length > 10, 'the components were found');
  assert.deepEqual(
    files.flatMap((file) => literalTexts(file)),
    [],
  );
});

test('the check itself catches literal text', () => {
  const probe =
    'export const Probe = () => <button aria-label="Close" title={t("x")}>Save {count}</button>;';
  assert.equal(literalTexts(path.join(rendererDir, 'probe.tsx'), probe).length, 2);
});
