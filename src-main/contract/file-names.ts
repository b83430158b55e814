// File names are user data that reach a screen, a terminal, a log and Clearfacts. A name can hide
// what it is: bidirectional controls reorder it (`rtl\u202Efdp.exe` shows as `rtlexe.pdf`), and
// zero-width and other invisible format characters make two names look alike. Names are shown
// with those characters marked, and sent without them; files on disk are never renamed for it
// (core/intake/raw-names.ts renames only names that are not UTF-8 at all).

/**
 * Characters that change how a name looks without being seen: C0/C1 controls, the bidi
 * controls of Unicode Technical Standard #9 (ALM, LRM, RLM, LRE…RLO, LRI…PDI), zero-width
 * characters, the soft hyphen, the word joiner and invisible operators, the BOM, interlinear
 * annotation controls, and the Hangul and Mongolian fillers.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

/** The longest name most file systems and Clearfacts' own names take, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

/** True when the text holds a character markInvisible would mark. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}

/** The text with every invisible or reordering character shown as `⟦U+202E⟧`, for display. */
export function markInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (character) =>
      `⟦U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟧`,
  );
}

/**
 * The name to send or stage: invisible characters removed, and a name over `maxBytes` UTF-8
 * bytes shortened in its stem (whole code points, ending in `…`) so its extension stays. An
 * empty string when nothing visible is left.
 */
export function cleanFileName(name: string, maxBytes = MAX_NAME_BYTES): string {
  const cleaned = name.replace(INVISIBLE, '').trim();
  if (new TextEncoder().encode(cleaned).length <= maxBytes) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  // An "extension" longer than 16 characters is part of the name.
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  const budget = maxBytes - byteLength(`…${extension}`);
  let stem = '';
  for (const character of cleaned.slice(0, cleaned.length - extension.length)) {
    if (byteLength(stem + character) > budget) break;
    stem += character;
  }
  return `${stem}…${extension}`;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * A name's original bytes (`rawName`: hex, as the file system gave a name that is not UTF-8),
 * shown as text: printable ASCII as it is, a backslash as `\\`,
 * every other byte as `\xNN` (`Facture F\xe9vrier.pdf`). Pairs of hex digits that do not parse
 * are left out.
 */
export function showRawName(hex: string): string {
  let shown = '';
  for (let index = 0; index + 1 < hex.length; index += 2) {
    const byte = Number.parseInt(hex.slice(index, index + 2), 16);
    if (Number.isNaN(byte)) continue;
    if (byte === 0x5c) shown += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) shown += String.fromCharCode(byte);
    else shown += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return shown;
}
