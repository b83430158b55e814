// The app's version, from its package.json: what `--version` prints and what the CLI's engine
// announces to a client (control-protocol.ts's hello). `--version` and `--help` load nothing of
// the engine, and not zod either (main.ts), so the one field is checked by hand.
import { readFileSync } from 'node:fs';

/**
 * The `version` of the package.json two folders up (src-main/cli from a checkout, dist/cli when
 * installed). Throws when the file is missing or has no string `version`.
 */
export function appVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'version' in parsed &&
    typeof parsed.version === 'string'
  ) {
    return parsed.version;
  }
  throw new Error(`${file.pathname} has no version`);
}
