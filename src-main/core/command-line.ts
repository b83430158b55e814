// Core's light entry: what a shell's command line needs before it knows which command runs (the
// CLI's help, its usage errors): the default config folder and the redactor, nothing that loads
// a schema library, SQLite or the engine. Everything else is in `index.ts`, the full entry.
export { DEFAULT_CONFIG_DIR } from './store/default-config-dir.ts';
export { redact } from './logging/secret-redactor.ts';

/**
 * Registers the token-shaped command-line arguments as secrets, so commander's echo of a wrong
 * one is redacted; see `account/token/validate-token.ts`. Loads the token rules (zod) when
 * called, which is only once something may be printed.
 */
export async function registerTypedTokens(args: readonly string[]): Promise<void> {
  const tokens = await import('./account/token/validate-token.ts');
  tokens.registerTypedTokens(args);
}
