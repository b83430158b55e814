// What a screen must get right at any window size and in any language: nothing wider than the
// window, no control cut off, no name squeezed to a letter per line, no select whose choice is
// cut, and no sentence from another language's catalogue; on request, also a screen's
// main content (marked data-layout-main) in view, not pushed below the fold by the controls
// above it. Used by layout-and-language.test.ts.
import type { Page } from 'playwright-core';
import { en as enMessages } from '../../../src-main/contract/messages/en.ts';
import { fr as frMessages } from '../../../src-main/contract/messages/fr.ts';
import { nl as nlMessages } from '../../../src-main/contract/messages/nl.ts';
import { en } from '../../../src-renderer/i18n/en.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import { keptPerKey, wholePiecesIn } from '../../support/whole-pieces.ts';

export type Language = 'en' | 'nl' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'nl', 'fr'];

/** The drop window's size and its smallest (issue #14), and a laptop's window. */
export const LAYOUT_SIZES = [
  { width: 300, height: 260 },
  { width: 380, height: 340 },
  { width: 1280, height: 800 },
] as const;

/** The renderer's catalogue of each language, for headings and labels a test looks for. */
export const SCREEN_WORDS = { en, nl, fr } as const;

/** A catalogue: words under keys, nested to any depth. */
type Tree = object;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat.set(full, value);
    else if (typeof value === 'object' && value !== null)
      for (const [inner, text] of flatten(value as Tree, full)) flat.set(inner, text);
  }
  return flat;
}

const CATALOGUES: Record<Language, Map<string, string>> = {
  en: new Map([...flatten(en), ...flatten(enMessages, 'm')]),
  nl: new Map([...flatten(nl), ...flatten(nlMessages, 'm')]),
  fr: new Map([...flatten(fr), ...flatten(frMessages, 'm')]),
};

/**
 * The sentences (and pieces around placeholders) of the other languages that the page's own
 * catalogue does not use anywhere: none of them may be on a screen in `language`. Very short
 * pieces are skipped, as they occur inside other words. Collected once per language.
 */
export const foreignPieces: (language: Language) => readonly string[] =
  keptPerKey(collectForeignPieces);

function collectForeignPieces(language: Language): string[] {
  const own = CATALOGUES[language];
  const ownText = [...own.values()].join('\n');
  const pieces = new Set<string>();
  for (const other of LANGUAGES) {
    if (other === language) continue;
    for (const [key, text] of CATALOGUES[other]) {
      if (own.get(key) === text) continue;
      for (const piece of text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|`/)) {
        const trimmed = piece.trim().replace(/^[.:;,…·—-]+|[.:;,…·—-]+$/g, '');
        if ((trimmed.length >= 6 || trimmed.includes(' ')) && !ownText.includes(trimmed))
          pieces.add(trimmed);
      }
    }
  }
  return [...pieces];
}

/** One thing wrong with the layout, said so that the failure shows where to look. */
export interface LayoutProblem {
  kind: 'overflow' | 'clipped' | 'squeezed' | 'select-cut' | 'placeholder-cut' | 'crowded';
  where: string;
  detail: string;
}

export interface LayoutOptions {
  /**
   * A screen's main content (data-layout-main, such as History's list) must fill at least a
   * third of the scrolling area as the screen opens (asked at every size from 300×260 up).
   */
  mainInView?: boolean;
  /**
   * An empty field's placeholder must fit its box whole (asked in desktop windows; in a 300 px
   * window a field's label says what it takes).
   */
  placeholders?: boolean;
}

/** The share of the scrolling area a screen's main content must fill (mainInView). */
export const MAIN_IN_VIEW_SHARE = 1 / 3;

/**
 * Measures the page as it is now. Runs in the page; the DOM types are described loosely because
 * Node's types have none.
 */
export function layoutProblems(page: Page, options: LayoutOptions = {}): Promise<LayoutProblem[]> {
  const asked = {
    share: options.mainInView === true ? MAIN_IN_VIEW_SHARE : null,
    placeholders: options.placeholders === true,
  };
  return page.evaluate((given) => {
    const { share } = given;
    interface Rect {
      left: number;
      right: number;
      top: number;
      bottom: number;
      width: number;
      height: number;
    }
    interface El {
      tagName: string;
      className: unknown;
      id: string;
      parentElement: El | null;
      children: ArrayLike<El>;
      childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
      textContent: string | null;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): Rect;
      checkVisibility(options?: object): boolean;
      closest(selector: string): El | null;
      matches(selector: string): boolean;
      querySelectorAll(selector: string): ArrayLike<El>;
      querySelector(selector: string): El | null;
      selectedOptions?: ArrayLike<{ textContent: string | null }>;
      value?: string;
      placeholder?: string;
    }
    interface Style {
      overflowX: string;
      overflowY: string;
      textOverflow: string;
      fontSize: string;
      lineHeight: string;
      font: string;
      paddingLeft: string;
      paddingRight: string;
      position: string;
    }
    const g = globalThis as unknown as {
      document: {
        documentElement: El;
        body: El;
        createElement(tag: 'canvas'): {
          getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
        };
      };
      innerWidth: number;
      getComputedStyle(element: El): Style;
    };
    const { document } = g;
    const problems: { kind: string; where: string; detail: string }[] = [];
    const describe = (element: El): string => {
      const parts: string[] = [];
      for (let at: El | null = element; at !== null && parts.length < 4; at = at.parentElement) {
        const classes =
          typeof at.className === 'string' && at.className !== ''
            ? `.${at.className.trim().split(/\s+/).join('.')}`
            : '';
        parts.unshift(`${at.tagName.toLowerCase()}${at.id === '' ? '' : `#${at.id}`}${classes}`);
      }
      const text = (element.textContent ?? '').trim().slice(0, 40);
      return `${parts.join(' > ')}${text === '' ? '' : ` "${text}"`}`;
    };
    // Text kept for screen readers only sits in a 1 px box: its overflow is the point.
    const hiddenOnPurpose = (element: El) => {
      if (element.closest('.visually-hidden, [aria-hidden="true"]') !== null) return true;
      if (!element.checkVisibility({ visibilityProperty: true })) return true;
      const box = element.getBoundingClientRect();
      return box.width <= 1 && box.height <= 1;
    };

    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push({
        kind: 'overflow',
        where: 'document',
        detail: `${root.scrollWidth} px wide in a ${root.clientWidth} px window`,
      });
    // The app's shell scrolls its content area, never the window: a window that scrolls as well
    // shows two scroll bars and moves the navigation out of view (at 300×260, screen-reader text
    // placed against the page instead of the content area made the window 47 to 200 px taller).
    if (document.body.querySelector('.app') !== null && root.scrollHeight > root.clientHeight + 1)
      problems.push({
        kind: 'overflow',
        where: 'document',
        detail: `${root.scrollHeight} px tall in a ${root.clientHeight} px window`,
      });

    const all = document.body.querySelectorAll('*');
    for (let index = 0; index < all.length; index++) {
      const element = all[index];
      if (element === undefined || hiddenOnPurpose(element)) continue;
      const style = g.getComputedStyle(element);
      // Content wider than its box: scrolled sideways, cut off, or spilling over its neighbours.
      // An ellipsis is a deliberate cut only when the whole text is in a tooltip.
      // An input scrolls its own value, as every text field does.
      const field = element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
      if (!field && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        const ellipsis =
          style.textOverflow === 'ellipsis' && element.getAttribute('title') !== null;
        if (!ellipsis)
          problems.push({
            kind: 'overflow',
            where: describe(element),
            detail: `content ${element.scrollWidth} px in a ${element.clientWidth} px box`,
          });
      }
      // A name with a letter per line: a long text in a box narrower than a few letters.
      const ownText = Array.from(element.childNodes)
        .filter((node) => node.nodeType === 3)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (ownText.length >= 8) {
        const box = element.getBoundingClientRect();
        const fontSize = parseFloat(style.fontSize);
        if (box.width > 0 && box.width < 4 * fontSize && box.height > 3.5 * fontSize)
          problems.push({
            kind: 'squeezed',
            where: describe(element),
            detail: `${Math.round(box.width)} × ${Math.round(box.height)} px`,
          });
        // The same on one line: a name cut by its ellipsis to a letter or two ("O…" for a file
        // name beside a long state in French at 380 px): a row is read by its name (user data;
        // a row's uuid note gives way on purpose, whole in its tooltip).
        if (
          element.closest('[data-user-data]') !== null &&
          box.width > 0 &&
          box.width < 4 * fontSize &&
          style.textOverflow === 'ellipsis' &&
          element.scrollWidth > element.clientWidth + 1
        )
          problems.push({
            kind: 'squeezed',
            where: describe(element),
            detail: `"${ownText.slice(0, 20)}…" cut to ${Math.round(box.width)} px`,
          });
      }
    }

    const canvas = document.createElement('canvas').getContext('2d');
    const controls = document.body.querySelectorAll(
      'button, input:not([type="hidden"]), select, textarea, a.button, label.button, [role="combobox"]',
    );
    for (let index = 0; index < controls.length; index++) {
      const control = controls[index];
      if (control === undefined || hiddenOnPurpose(control)) continue;
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -0.5 || box.right > g.innerWidth + 0.5)
        problems.push({
          kind: 'clipped',
          where: describe(control),
          detail: `spans ${Math.round(box.left)}–${Math.round(box.right)} px of a ${g.innerWidth} px window`,
        });
      for (let at = control.parentElement; at !== null; at = at.parentElement) {
        const style = g.getComputedStyle(at);
        const outer = at.getBoundingClientRect();
        const cutX = style.overflowX !== 'visible';
        const cutY = style.overflowY === 'hidden' || style.overflowY === 'clip';
        if (
          (cutX && (box.left < outer.left - 0.5 || box.right > outer.right + 0.5)) ||
          (cutY && (box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5))
        ) {
          problems.push({
            kind: 'clipped',
            where: describe(control),
            detail: `cut by ${describe(at)}`,
          });
          break;
        }
      }
      // A select shows its choice in its own box: the chosen text must fit beside the arrow.
      if (control.tagName === 'SELECT' && control.selectedOptions !== undefined) {
        const chosen = control.selectedOptions[0]?.textContent ?? '';
        const style = g.getComputedStyle(control);
        canvas.font = style.font;
        const needed =
          canvas.measureText(chosen).width +
          parseFloat(style.paddingLeft) +
          parseFloat(style.paddingRight);
        if (needed > box.width + 1)
          problems.push({
            kind: 'select-cut',
            where: describe(control),
            detail: `"${chosen}" needs ${Math.round(needed)} px, the select is ${Math.round(box.width)} px`,
          });
      }
    }
    // An empty field shows its placeholder on one line: the whole of it must fit inside the
    // padding, or the field reads "Nom de fichier, fournisseur, numéro ou mo".
    const fields = given.placeholders ? document.body.querySelectorAll('input[placeholder]') : [];
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      if (field === undefined || hiddenOnPurpose(field) || (field.value ?? '') !== '') continue;
      const text = field.placeholder ?? '';
      const style = g.getComputedStyle(field);
      canvas.font = style.font;
      const needed = canvas.measureText(text).width;
      const room =
        field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (text !== '' && needed > room + 1)
        problems.push({
          kind: 'placeholder-cut',
          where: describe(field),
          detail: `"${text}" needs ${Math.round(needed)} px, the field has ${Math.round(room)}`,
        });
    }
    // The main content in view: the controls above it (History's filters) leave it room.
    const mains =
      share === null ? [] : Array.from(document.body.querySelectorAll('[data-layout-main]'));
    for (const main of mains) {
      const area = (main.closest('.content') ?? root).getBoundingClientRect();
      const box = main.getBoundingClientRect();
      const visible = Math.min(box.bottom, area.bottom) - Math.max(box.top, area.top);
      if (share !== null && visible < area.height * share)
        problems.push({
          kind: 'crowded',
          where: describe(main),
          detail: `${Math.max(0, Math.round(visible))} px of it in view in a ${Math.round(area.height)} px area; it needs ${Math.round(area.height * share)}`,
        });
    }
    return problems as LayoutProblem[];
  }, asked);
}

/** The visible text and labels, leaving out user and server data (marked data-user-data). */
async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface Node {
      nodeType: number;
      textContent: string | null;
      parentElement: {
        closest(selector: string): unknown;
        checkVisibility(options?: object): boolean;
      } | null;
    }
    const { document } = globalThis as unknown as {
      document: {
        body: unknown;
        createTreeWalker(root: unknown, what: number): { nextNode(): Node | null };
        querySelectorAll(selector: string): ArrayLike<{
          closest(selector: string): unknown;
          getAttribute(name: string): string | null;
        }>;
      };
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, 4);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || parent.closest('[data-user-data], script, style') !== null) continue;
      if (!parent.checkVisibility() && parent.closest('.visually-hidden') === null) continue;
      texts.push(node.textContent ?? '');
    }
    const labelled = document.querySelectorAll('[aria-label], [placeholder], [title]');
    for (let index = 0; index < labelled.length; index++) {
      const element = labelled[index];
      if (element === undefined || element.closest('[data-user-data]') !== null) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(attribute);
        if (value !== null) texts.push(value);
      }
    }
    return texts.join('\n');
  });
}

/** The other languages' sentences on the page. */
export async function foreignWordsOnScreen(page: Page, language: Language): Promise<string[]> {
  const visible = await visibleWords(page);
  return wholePiecesIn(visible, foreignPieces(language));
}
