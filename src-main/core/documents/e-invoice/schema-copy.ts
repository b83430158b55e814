// The copy of a UBL invoice that the XML Schema validation reads (ubl-schema-advice.ts), built
// from the pieces the streaming read already decodes. The content of each embedded attachment
// (the base64 of BG-24, often most of the file) is left out but for its line breaks, so the copy
// stays small and libxml2's line numbers are those of the file the user has.

/** Sink for the decoded text; every call is synchronous (SAX callbacks and the read loop). */
export interface SchemaCopy {
  /** An attachment's content starts at `offset` (decoded characters from the file's start). */
  omitFrom(offset: number): void;
  /** The attachment's content ends at `offset` (its end tag's `<`). */
  omitTo(offset: number): void;
  /** Appends one decoded piece that starts at `offset`, once the parser went through it. */
  add(piece: string, offset: number): void;
  /**
   * The copy, without its XML declaration (the text is handed on as UTF-8, whatever the file's
   * encoding was); null when it grew past the limit, and is then not validated.
   */
  text(): string | null;
}

/** Line breaks of `text`, which keep the following lines' numbers. */
function lineBreaks(text: string): string {
  return text.replace(/[^\n]+/g, '');
}

/** A copy that gives up (text() null) once it holds more than `limitChars` characters. */
export function createSchemaCopy(limitChars: number): SchemaCopy {
  const parts: string[] = [];
  let length = 0;
  let overLimit = false;
  /** Omitted ranges [from, to) not yet passed by `add`; `to` null while the content is open. */
  const omitted: { from: number; to: number | null }[] = [];

  const keep = (text: string) => {
    if (overLimit || text.length === 0) return;
    length += text.length;
    if (length > limitChars) {
      overLimit = true;
      parts.length = 0;
      return;
    }
    parts.push(text);
  };

  return {
    omitFrom(offset) {
      omitted.push({ from: offset, to: null });
    },
    omitTo(offset) {
      const last = omitted.at(-1);
      if (last !== undefined && last.to === null) last.to = Math.max(last.from, offset);
    },
    add(piece, offset) {
      const end = offset + piece.length;
      let at = offset;
      while (omitted.length > 0 && at < end) {
        const range = omitted[0] as { from: number; to: number | null };
        if (range.to !== null && range.to <= at) {
          omitted.shift();
          continue;
        }
        const from = Math.max(range.from, at);
        if (from >= end) break;
        keep(piece.slice(at - offset, from - offset));
        const to = Math.min(range.to ?? end, end);
        keep(lineBreaks(piece.slice(from - offset, to - offset)));
        at = to;
        if (range.to !== null && range.to <= end) omitted.shift();
      }
      keep(piece.slice(at - offset));
    },
    text() {
      if (overLimit) return null;
      return parts.join('').replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
    },
  };
}
