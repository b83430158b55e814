// `token set | check | clear`: the token is read from stdin (or typed without echo), checked
// with Clearfacts before it is stored, and never printed (the commands are defined in token.ts).
import { cliTerm, inCliLanguage, labeller } from '../cli-language.ts';
import { tokenStoreOf } from '../../contract/token-stores.ts';
import { msg } from '../../contract/messages/msg.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { printJson, printLine } from '../output.ts';
import { canAsk, confirm, readSecret } from '../terminal-input.ts';

async function consentToPlainFile(runtime: CliRuntime, given: boolean): Promise<boolean> {
  if (given) return true;
  const store = await runtime.tokenStore();
  if (store.info().backend !== 'file') return false;
  const question = inCliLanguage(msg('cli_token_plain_question', { configDir: runtime.configDir }));
  if (canAsk() && (await confirm(question))) return true;
  throw new CliError(inCliLanguage(msg('cli_token_plain_refused')), EXIT.usage);
}

/** Scope names as Clearfacts spells them, comma-separated; "none found" in the CLI's language. */
function scopeList(scopes: readonly string[]): string {
  return scopes.length === 0 ? inCliLanguage(msg('cli_token_no_scopes')) : scopes.join(', ');
}

/** Where the token is kept, in the CLI's language; an id the catalogues do not know as it is. */
function tokenStoreWords(backend: string): string {
  const store = tokenStoreOf(backend);
  return store === null ? backend : cliTerm('tokenStore', store);
}

type Runtime = () => Promise<CliRuntime>;

/** `token set [--allow-plain-file] [--json]`: reads, checks and stores the token. */
export async function setToken(
  runtime: Runtime,
  options: { allowPlainFile?: boolean; json?: boolean },
): Promise<void> {
  const cli = await runtime();
  const secret = await readSecret(inCliLanguage(msg('cli_token_prompt')));
  if (secret === '') throw new CliError(inCliLanguage(msg('cli_token_empty')), EXIT.usage);
  const consent = await consentToPlainFile(cli, options.allowPlainFile === true);
  const engine = await cli.engine({ consentToPlainFile: consent, watchFolders: false });
  const session = await engine.handlers['session.signIn']({ token: secret });
  if (options.json) {
    printJson(session);
    return;
  }
  const username = session.user?.username ?? inCliLanguage(msg('cli_token_unknown_user'));
  const email = session.user?.email ? ` <${session.user.email}>` : '';
  printLine(
    inCliLanguage(
      msg('cli_token_stored', {
        backend: tokenStoreWords(session.tokenStorage.backend),
        user: `${username}${email}`,
      }),
    ),
  );
  const line = labeller(['scopes', 'checked_at_upload', 'warning']);
  printLine(line('scopes', scopeList(session.scopes)));
  // Upload scopes are learned from the first real upload's answer, never by a probe.
  if (session.uncheckedScopes.length > 0) {
    printLine(line('checked_at_upload', session.uncheckedScopes.join(', ')));
  }
  if (session.tokenStorage.warning) {
    printLine(line('warning', inCliLanguage(session.tokenStorage.warning)));
  }
}

/** `token check [--json]`: the user, e-mail and scopes the stored token gives. */
export async function checkToken(runtime: Runtime, options: { json?: boolean }): Promise<void> {
  const cli = await runtime();
  const store = await cli.tokenStore();
  const stored = await store.load();
  if (stored === null) {
    throw new CliError(inCliLanguage(msg('cli_token_not_set')), EXIT.auth);
  }
  const engine = await cli.engine({ watchFolders: false });
  const { user, scopes, uncheckedScopes, tokenStorage } = await engine.handlers['session.get']({
    verify: true,
  });
  // `scopes` are the ones verified (by reads only); the upload scopes cannot be verified
  // without uploading, so they are listed apart as checked at the first upload.
  if (options.json) {
    printJson({ user, scopes, uncheckedScopes, tokenStorage });
    return;
  }
  const line = labeller(['user', 'email', 'scopes', 'checked_at_upload', 'stored']);
  printLine(line('user', `${user?.username ?? '-'}${user?.name ? ` (${user.name})` : ''}`));
  printLine(line('email', user?.email ?? '-'));
  printLine(line('scopes', scopeList(scopes)));
  if (uncheckedScopes.length > 0) {
    printLine(line('checked_at_upload', uncheckedScopes.join(', ')));
  }
  const plain = tokenStorage.secure ? '' : ` ${inCliLanguage(msg('cli_token_not_encrypted'))}`;
  printLine(line('stored', `${tokenStoreWords(tokenStorage.backend)}${plain}`));
}

/** `token clear`: removes the stored token. */
export async function clearToken(runtime: Runtime): Promise<void> {
  const store = await (await runtime()).tokenStore();
  await store.clear();
  printLine(
    inCliLanguage(msg('cli_token_removed', { backend: tokenStoreWords(store.info().backend) })),
  );
}
