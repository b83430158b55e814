// Imported first by main.tsx: zod compiles object parsers with `new Function` unless told not
// to, and probes whether it may by calling it once. Under the page's CSP (no 'unsafe-eval',
// bridge/static-files.ts) that probe is reported as a violation in the console on every page
// load (issue #14 finding 13), though zod catches it. `jitless` skips the probe and the
// compiling; parsing stays the same, only its fast path is left out.
import { z } from 'zod';

z.config({ jitless: true });
