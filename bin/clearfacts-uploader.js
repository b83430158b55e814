#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=4
// The `clearfacts-uploader` command. An installed package runs the JavaScript that `prepack`
// compiled into dist/ (Node does not strip types inside node_modules); a checkout, which has the
// sources, runs them directly with type stripping. Both need Node 24: say so plainly instead of
// failing on the first unsupported syntax or on better-sqlite3's Node-API version.
// The shebang's --max-semi-space-size is the engine's young-generation cap (issue #13's memory
// target; src-main/contract/engine-v8-flags.ts has the why and the figures): a V8 heap flag only
// counts on the command line. `env -S` splits it off (GNU coreutils 8.30+, macOS, FreeBSD; npm's
// Windows shims read it too); the service definitions pass it to node themselves. MALLOC_ARENA_MAX
// is the engine's malloc setting (issue #17, src-main/contract/engine-environment.ts), which glibc
// reads only at start-up: `env` sets it before node starts.
import { existsSync } from 'node:fs';
import module from 'node:module';

const [major] = process.versions.node.split('.').map(Number);
if (major === undefined || major < 24) {
  process.stderr.write(
    `clearfacts-uploader needs Node.js 24 or later; this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      'Install Node.js 24 (https://nodejs.org, or your package manager) and run the command with it.\n',
  );
  process.exit(1);
}
// V8's compiled code of every module is kept on disk (os.tmpdir()/node-compile-cache, or
// NODE_COMPILE_CACHE), as Node's documentation advises for command-line tools: a command run many
// times a day (`status` in a script, a scanner's post-scan `upload`) starts with about a third less
// CPU (measured on the CLI's help and token tests: 131 s of CPU without, 86 s with). Where the
// folder cannot be written, Node runs without it.
module.enableCompileCache();
const sources = new URL('../src-main/cli/main.ts', import.meta.url);
await import(
  existsSync(sources) ? sources.href : new URL('../dist/cli/main.js', import.meta.url).href
);
