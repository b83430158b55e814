// Which catalogue pieces a screen or a terminal shows as whole words, for the tests that find one
// language's sentences in another's output (the renderer's page checks, the CLI's help). The
// checks run thousands of pieces over dozens of screens: each piece's pattern is compiled once per
// process, and only for a piece the text holds at all (a `u` pattern with \p{L} costs about 0.7 ms
// to compile: 2,548 pieces took 1.8 s per language, and the test then compiled them again).

/** A piece's pattern: the piece, not preceded or followed by a letter (Unicode's \p{L}). */
const patterns = new Map<string, RegExp>();

function wholeWordPattern(piece: string): RegExp {
  let pattern = patterns.get(piece);
  if (pattern === undefined) {
    pattern = new RegExp(
      `(^|[^\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`,
      'u',
    );
    patterns.set(piece, pattern);
  }
  return pattern;
}

/**
 * The pieces of `pieces` that `text` holds as whole words (a piece inside a longer word, such as
 * "ment" in "moment", does not count), in the order of `pieces`.
 */
export function wholePiecesIn(text: string, pieces: readonly string[]): string[] {
  // The pattern matches the piece literally: a text without the piece cannot match it.
  return pieces.filter((piece) => text.includes(piece) && wholeWordPattern(piece).test(text));
}

/**
 * `collect` (a language's pieces, say) worked out at the first call for each key and kept for the
 * process: the pieces of a language take about 0.1 s to collect, and a test checks dozens of
 * screens.
 */
export function keptPerKey<K, V>(collect: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (!kept.has(key)) kept.set(key, collect(key));
    return kept.get(key) as V;
  };
}
