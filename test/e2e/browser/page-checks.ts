// Checks every e2e test runs on a screen: axe-core (no serious or critical violation), a
// screenshot in light and dark, and "no English left" after switching language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './browser-stack.ts';
import { en } from '../../../src-renderer/i18n/en.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import { keptPerKey, wholePiecesIn } from '../../support/whole-pieces.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOT_DIR = path.resolve(
  import.meta.dirname,
  '../../../.test-results/screenshots',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays strict). */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // The callback runs in the page; Node's types have no DOM, so the page globals are described here.
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 3).map((node) => ({ target: node.target })),
    }));
  });
  const serious = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  assert.deepEqual(serious, [], `${screen}: axe found serious or critical violations`);
}

/**
 * Polls `read` every 100 ms until it returns `expected`; fails after UI_TIMEOUT_MS naming `what`
 * and the last value seen.
 */
async function waitForReading<T>(
  locator: Locator,
  read: () => Promise<T>,
  expected: T,
  what: string,
): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let seen = await read();
  while (seen !== expected) {
    if (Date.now() > deadline) {
      assert.fail(
        `timed out after ${UI_TIMEOUT_MS} ms waiting for ${what} to be ${String(expected)}; saw ${String(seen)}`,
      );
    }
    await locator.page().waitForTimeout(100);
    seen = await read();
  }
}

/**
 * Waits until `locator` matches exactly `expected` elements: React renders a list in more than one
 * commit, so a count read once can catch it half-way on a loaded machine. Fails after
 * UI_TIMEOUT_MS naming `what` and the last count seen.
 */
export function waitForCount(locator: Locator, expected: number, what: string): Promise<void> {
  return waitForReading(locator, () => locator.count(), expected, `the number of ${what}`);
}

/**
 * Waits until the form control `locator` holds `expected`: a folders.changed event sent before
 * the user's last choice may render the earlier value for a moment. Fails after UI_TIMEOUT_MS.
 */
export function waitForValue(locator: Locator, expected: string, what: string): Promise<void> {
  return waitForReading(locator, () => locator.inputValue(), expected, what);
}

/** Saves the screen as it is now, and again in the other colour scheme. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`),
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The little of the DOM the page callbacks use (Node's types have none). */
interface PageDocument {
  body: { innerText: string };
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
}

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat.set(full, value);
    else for (const [inner, text] of flatten(value, full)) flat.set(inner, text);
  }
  return flat;
}

const ENGLISH = flatten(en);
const TRANSLATED = { nl: flatten(nl), fr: flatten(fr) };

/**
 * The English sentences (and sentence pieces around placeholders) whose translation differs:
 * none of them may be on a screen shown in another language. Very short pieces are skipped, as
 * they occur inside other words.
 */
const englishOnlyPieces = keptPerKey((language: 'nl' | 'fr'): string[] => {
  const translated = TRANSLATED[language];
  const ownText = [...translated.values()].join('\n');
  const pieces = new Set<string>();
  for (const [key, text] of ENGLISH) {
    if (translated.get(key) === text) continue;
    for (const piece of text.split(/\{\{[^}]*\}\}/)) {
      const trimmed = piece.trim().replace(/[.:…]+$/, '');
      // A piece the translation uses itself ("Version" in French) proves nothing.
      if ((trimmed.length >= 5 || trimmed.includes(' ')) && !ownText.includes(trimmed))
        pieces.add(trimmed);
    }
  }
  return [...pieces];
});

/** The English text still visible on the page (form values and data excluded). */
export async function englishLeftOnScreen(page: Page, language: 'nl' | 'fr'): Promise<string[]> {
  const visible = await page.evaluate(() => {
    const { document } = globalThis as unknown as { document: PageDocument };
    const texts = [document.body.innerText];
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(attribute);
        if (value !== null) texts.push(value);
      }
    }
    return texts.join('\n');
  });
  return wholePiecesIn(visible, englishOnlyPieces(language));
}
