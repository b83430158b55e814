#!/usr/bin/env node
// The `clearfacts-uploader` command. The CLI is TypeScript run by Node's type stripping, which
// needs Node 24: say so plainly instead of failing on the first type annotation.
const [major] = process.versions.node.split('.').map(Number);
if (major === undefined || major < 24) {
  process.stderr.write(
    `clearfacts-uploader needs Node.js 24 or later; this is Node.js ${process.versions.node}.\n`,
  );
  process.exit(1);
}
await import('../src-main/cli/main.ts');
