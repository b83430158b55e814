// Runs Doyensec's electronegativity over each path given, offline, and prints one JSON document
// on stdout: { inputs: [{ input, checks, issues: [...], errors: [...] }] }. It uses the package's
// programmatic runner because its CLI breaks on the hoisted commander 15. The scanner's HTTP
// client (got) is replaced with one that refuses, so nothing leaves the machine: it would fetch
// translations and Electron's release list. Each refused request is reported on stderr.
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);

// The scanner chats on stdout (translation fallbacks); stdout carries only the JSON result.
console.log = (...args: unknown[]) => console.error(...args);

function installOfflineHttpClient(): void {
  const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [scannerDir] });
  const refuse = (url: unknown): Promise<never> => {
    process.stderr.write(`[offline] blocked a request to ${String(url)}\n`);
    return Promise.reject(new Error('network disabled for this scan'));
  };
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(refuse, { default: refuse, get: refuse, extend: () => refuse });
  require.cache[gotPath] = stub;
}

const Severity = z.object({ name: z.string() });
const RawIssue = z.object({
  id: z.string(),
  severity: Severity,
  confidence: Severity,
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  description: z.string(),
  manualReview: z.boolean().optional(),
});
const RawResult = z.object({
  atomicChecks: z.number(),
  globalChecks: z.number(),
  issues: z.array(RawIssue),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
});

installOfflineHttpClient();
const run = require('@doyensec/electronegativity') as (
  options: Record<string, unknown>,
) => Promise<unknown>;

const [electronVersion, ...inputs] = process.argv.slice(2);

async function scan(input: string) {
  const result = RawResult.parse(
    await run({
      input: path.resolve(input),
      isRelative: true,
      customScan: [],
      // Needs Electron's release list from the network; npm and Dependabot track Electron releases.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    }),
  );
  return {
    input,
    checks: result.atomicChecks + result.globalChecks,
    issues: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      description: issue.description,
      manualReview: issue.manualReview === true,
    })),
    errors: result.errors,
  };
}

const results = [];
for (const input of inputs) results.push(await scan(input));
process.stdout.write(`${JSON.stringify({ inputs: results }, null, 2)}\n`);
