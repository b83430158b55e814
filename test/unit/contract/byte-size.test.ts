// One size formatter (issue #14): the renderer wrote a 3-byte file as "0,1 kB" and the CLI's
// `check` as "0,0 KB". Every surface now writes a size through contract/byte-size.ts. The
// expected texts are written by hand from the rules: binary units (1 kB = 1,024 bytes), at most
// one decimal, nl-BE and fr-BE write a decimal comma, nl-BE groups thousands with a dot and fr-BE
// with a narrow no-break space (U+202F, as CLDR and French typography's "espace fine insécable"),
// and a no-break space (U+00A0) stands between a number and its unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatByteSize } from '../../../src-main/contract/byte-size.ts';
import { Settings } from '../../../src-main/contract/domain.ts';
import { msg, renderMessage } from '../../../src-main/contract/messages/index.ts';
import { createFormatters } from '../../../src-renderer/i18n/format.ts';

/** U+00A0, between a number and its unit. */
const NB = '\u00a0';
/** U+202F, French's thousands separator. */
const THIN = '\u202f';

/** Bytes → the text each language must show. */
const EXPECTED: ReadonlyArray<readonly [number, { nl: string; fr: string; en: string }]> = [
  // An empty file is exactly that; French counts 0 as singular ("0 octet").
  [0, { nl: `0${NB}bytes`, fr: `0${NB}octet`, en: `0${NB}bytes` }],
  [1, { nl: `1${NB}byte`, fr: `1${NB}octet`, en: `1${NB}byte` }],
  // The 3-byte file of issue #14.
  [3, { nl: `3${NB}bytes`, fr: `3${NB}octets`, en: `3${NB}bytes` }],
  [1000, { nl: `1.000${NB}bytes`, fr: `1${THIN}000${NB}octets`, en: `1,000${NB}bytes` }],
  [1023, { nl: `1.023${NB}bytes`, fr: `1${THIN}023${NB}octets`, en: `1,023${NB}bytes` }],
  // 1,024 bytes is 1 kB; at most one decimal, so no ",0".
  [1024, { nl: `1${NB}kB`, fr: `1${NB}ko`, en: `1${NB}kB` }],
  // 1,843 / 1,024 = 1.7998 → 1.8.
  [1843, { nl: `1,8${NB}kB`, fr: `1,8${NB}ko`, en: `1.8${NB}kB` }],
  // 1,075 / 1,024 = 1.0498 → 1.0 → "1".
  [1075, { nl: `1${NB}kB`, fr: `1${NB}ko`, en: `1${NB}kB` }],
  // 1,048,575 / 1,024 = 1,023.999 rounds to 1,024 kB: that is 1 MB.
  [1_048_575, { nl: `1${NB}MB`, fr: `1${NB}Mo`, en: `1${NB}MB` }],
  // 4,299,162 / 1,048,576 = 4.1000.
  [4_299_162, { nl: `4,1${NB}MB`, fr: `4,1${NB}Mo`, en: `4.1${NB}MB` }],
  // 20 × 1,048,576: the default upload limit.
  [20_971_520, { nl: `20${NB}MB`, fr: `20${NB}Mo`, en: `20${NB}MB` }],
  // 5 × 1,073,741,824.
  [5_368_709_120, { nl: `5${NB}GB`, fr: `5${NB}Go`, en: `5${NB}GB` }],
];

test('a size reads the same in every language as written by hand', () => {
  for (const [bytes, texts] of EXPECTED) {
    for (const language of ['nl', 'fr', 'en'] as const) {
      assert.equal(formatByteSize(bytes, language), texts[language], `${bytes} in ${language}`);
    }
  }
});

test('the renderer, the CLI (catalogue `size`) and the formatter write one size alike', () => {
  for (const [bytes, texts] of EXPECTED) {
    for (const language of ['nl', 'fr', 'en'] as const) {
      const where = `${bytes} in ${language}`;
      assert.equal(createFormatters(language).bytes(bytes), texts[language], `renderer ${where}`);
      const cell = renderMessage(msg('cli_size_sent', { sizeBytes: bytes }), language);
      assert.equal(cell, texts[language], `CLI ${where}`);
    }
  }
  // `check`'s line for a 3-byte text file (issue #14: "0,0 KB").
  assert.equal(
    renderMessage(msg('cli_check_kind', { fileType: 'text', sizeBytes: 3 }), 'nl'),
    `een tekstbestand, 3${NB}bytes`,
  );
});

test('the upload limit reads "20 MB" as Clearfacts states it, with the file size beside it', () => {
  // shared/reference/clearfacts-api-notes.md: "up to 20 MB"; the limit is 20 × 1024² bytes.
  const maxBytes = Settings.parse({}).maxUploadBytes;
  const tooLarge = msg('file_too_large', { sizeBytes: 21_495_808, maxBytes });
  // 21,495,808 / 1,048,576 = 20.5.
  assert.equal(
    renderMessage(tooLarge, 'en'),
    `The file is 20.5${NB}MB; at most 20${NB}MB can be uploaded. Split it or scan at a lower resolution.`,
  );
  assert.match(
    renderMessage(tooLarge, 'nl'),
    new RegExp(`^Het bestand is 20,5${NB}MB; er kan hoogstens 20${NB}MB opgeladen worden\\.`),
  );
  assert.match(
    renderMessage(tooLarge, 'fr'),
    new RegExp(`^Le fichier fait 20,5${NB}Mo ; au maximum 20${NB}Mo peuvent`),
  );
});
