#!/usr/bin/env node
// The `clearfacts-uploader` command. An installed package runs the JavaScript that `prepack`
// compiled into dist/ (Node does not strip types inside node_modules); a checkout, which has the
// sources, runs them directly with type stripping. Both need Node 24: say so plainly instead of
// failing on the first unsupported syntax or on better-sqlite3's Node-API version.
import { existsSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major === undefined || major < 24) {
  process.stderr.write(
    `clearfacts-uploader needs Node.js 24 or later; this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      'Install Node.js 24 (https://nodejs.org, or your package manager) and run the command with it.\n',
  );
  process.exit(1);
}
const sources = new URL('../src-main/cli/main.ts', import.meta.url);
await import(
  existsSync(sources) ? sources.href : new URL('../dist/cli/main.js', import.meta.url).href
);
