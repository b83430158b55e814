// The V8 flags every process that runs the engine starts with (issue #13's memory target: peak
// RSS while a 15 MB UBL with an embedded PDF is checked, and while it is sent, within +25 MB of
// the idle engine). Streaming a large file fills V8's young generation with 64 KiB read buffers;
// by default its semi-spaces grow to 16 MB each (32 MB reserved), and the check worker has its
// own, so the resident set rose by the young generation rather than by anything kept. Capping a
// semi-space at 4 MB makes scavenges come sooner and keeps that garbage small.
// Measured with bench/sections/e-invoice.ts, 6 runs each (2 cores, loaded), added to the idle
// engine, min–max (median): default check +13–31 (+26) MB, send +22–34 (+31); 8 MB check +9–16
// (+15), send +13–24 (+19); 4 MB check +9–15 (+12), send +13–20 (+15); 2 MB check +5–15 (+10),
// send +12–19 (+15). 4 MB costs nothing measurable: the 15 MB UBL checked in 2.7 s (default 2.7)
// and sent in 2.3 s (2.4), 50 small PDFs in 1.8 s (1.9) for 1.2 s CPU (1.2); 2 MB was slower
// (2.9 s send, 2.2 s for the 50) for no better send peak.
// A V8 heap flag only counts when the process starts with it (v8.setFlagsFromString is too
// late), so each way in passes it on the command line: the service definitions (service-spec.ts),
// bin/clearfacts-uploader.js's shebang, the Electron shell's --js-flags (scripts/start-electron.ts
// and the login item) and the bench's engine host (bench/lib/engine-process.ts).

/** The semi-space cap, in MB (V8's --max-semi-space-size). */
export const ENGINE_SEMI_SPACE_MB = 4;

/** As Node options: `node ...ENGINE_V8_FLAGS script`. */
export const ENGINE_V8_FLAGS: readonly string[] = [`--max-semi-space-size=${ENGINE_SEMI_SPACE_MB}`];

/** As Electron's switch: `electron --js-flags=...` (one argument). */
export const ENGINE_JS_FLAGS_SWITCH = `--js-flags=${ENGINE_V8_FLAGS.join(' ')}`;
