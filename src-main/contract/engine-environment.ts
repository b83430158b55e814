// The environment every process that runs the engine starts with, beside its V8 flags
// (engine-v8-flags.ts). Issue #17's memory target: peak RSS within 100 MB of the idle engine
// while a scanned batch is split.
// glibc's malloc gives each thread that allocates its own arena, up to 8 per core (mallopt(3),
// M_ARENA_MAX), and memory a thread frees stays in that thread's arena. The engine ends the
// check's pdf.js worker before a split and the split worker before the parts are read back, so
// the two are not resident together; with an arena each, the memory the first freed stayed
// resident beside the second. With two arenas the threads reuse each other's freed memory.
// Measured with bench/sections/split-speed.ts's batch (20 pages, 300 dpi), engine peak over idle:
// threads ended as above, default arenas +122 to +126 MB (3 runs); with MALLOC_ARENA_MAX=2 +95 to
// +100 MB (5 runs). Without ending the threads, MALLOC_ARENA_MAX=2 alone gave +152 (default +168).
// glibc reads it only at start-up, so each way in sets it: bin/clearfacts-uploader.js's shebang,
// the service definitions (service-spec.ts), the Electron shell's start script and login item,
// and the bench's engine host. macOS's, Windows' and musl's allocators ignore it.

/** Environment variables the engine's process starts with. */
export const ENGINE_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** As `NAME=value` words, for `env` on a command line or in a shebang. */
export const ENGINE_ENVIRONMENT_ASSIGNMENTS: readonly string[] = Object.entries(
  ENGINE_ENVIRONMENT,
).map(([name, value]) => `${name}=${value}`);
