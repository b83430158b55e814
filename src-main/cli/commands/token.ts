// `token set | check | clear`: the token is read from stdin (or typed without echo), checked
// with Clearfacts before it is stored, and never printed.
import { helpText } from '../commander-language.ts';
import { cliTerm, inCliLanguage, labeller } from '../cli-language.ts';
import { tokenStoreOf } from '../../contract/token-stores.ts';
import { msg } from '../../contract/messages/message.ts';
import type { Command } from 'commander';
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

export function registerTokenCommands(program: Command, runtime: () => CliRuntime): void {
  const token = program.command('token').description(helpText('token'));

  token
    .command('set')
    .description(helpText('token_set'))
    .option('--allow-plain-file', helpText('allow_plain_file'))
    .option('--json', helpText('json_result'))
    .action(async (options: { allowPlainFile?: boolean; json?: boolean }) => {
      const cli = runtime();
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
    });

  token
    .command('check')
    .description(helpText('token_check'))
    .option('--json', helpText('json_result'))
    .action(async (options: { json?: boolean }) => {
      const cli = runtime();
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
    });

  token
    .command('clear')
    .description(helpText('token_clear'))
    .action(async () => {
      const store = await runtime().tokenStore();
      await store.clear();
      printLine(
        inCliLanguage(msg('cli_token_removed', { backend: tokenStoreWords(store.info().backend) })),
      );
    });
}
