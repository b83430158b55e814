// `token set | check | clear`: the token is read from stdin (or typed without echo), checked
// with Clearfacts before it is stored, and never printed.
import { helpText } from '../commander-language.ts';
import { inCliLanguage } from '../cli-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { printJson, printLine } from '../output.ts';
import { canAsk, confirm, readSecret } from '../terminal-input.ts';

async function consentToPlainFile(runtime: CliRuntime, given: boolean): Promise<boolean> {
  if (given) return true;
  const store = await runtime.tokenStore();
  if (store.info().backend !== 'file') return false;
  const question = `No system keyring can be used here. Store the token unencrypted in ${runtime.configDir}, readable only by your user account?`;
  if (canAsk() && (await confirm(question))) return true;
  throw new CliError(
    `No system keyring can be used here, so the token was not stored. Run again with --allow-plain-file to keep it in a file only your account can read (not encrypted), or set the CLEARFACTS_TOKEN environment variable instead.`,
    EXIT.usage,
  );
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
      const secret = await readSecret('Paste your Clearfacts token (it is not shown): ');
      if (secret === '') throw new CliError('No token was given on standard input.', EXIT.usage);
      const consent = await consentToPlainFile(cli, options.allowPlainFile === true);
      const engine = await cli.engine({ consentToPlainFile: consent, watchFolders: false });
      const session = await engine.handlers['session.signIn']({ token: secret });
      if (options.json) {
        printJson(session);
        return;
      }
      printLine(
        `Token stored (${session.tokenStorage.backend}) for ${session.user?.username ?? 'unknown user'}${session.user?.email ? ` <${session.user.email}>` : ''}.`,
      );
      printLine(`Scopes: ${session.scopes.join(', ') || 'none found'}`);
      // Upload scopes are learned from the first real upload's answer, never by a probe.
      if (session.uncheckedScopes.length > 0) {
        printLine(`Checked at the first upload: ${session.uncheckedScopes.join(', ')}`);
      }
      if (session.tokenStorage.warning) {
        printLine(`Warning: ${inCliLanguage(session.tokenStorage.warning)}`);
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
        throw new CliError('No token is set: run `clearfacts-uploader token set`.', EXIT.auth);
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
      printLine(`User:    ${user?.username ?? '-'}${user?.name ? ` (${user.name})` : ''}`);
      printLine(`E-mail:  ${user?.email ?? '-'}`);
      printLine(`Scopes:  ${scopes.join(', ') || 'none found'}`);
      if (uncheckedScopes.length > 0) {
        printLine(`Checked at the first upload: ${uncheckedScopes.join(', ')}`);
      }
      printLine(`Stored:  ${tokenStorage.backend}${tokenStorage.secure ? '' : ' (not encrypted)'}`);
    });

  token
    .command('clear')
    .description(helpText('token_clear'))
    .action(async () => {
      const store = await runtime().tokenStore();
      await store.clear();
      printLine(`Token removed (${store.info().backend}).`);
    });
}
