// `status`: the engine's health and whether anything needs the user, for people and monitoring
// scripts. The running engine answers for itself; when none runs, the history answers (the
// command is defined in status.ts).
import { labeller } from '../cli-language.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { EXIT } from '../exit-codes.ts';
import { STATUS_LABELS } from '../../contract/messages/term-tables.ts';
import { engineLine, healthJson, printHealth, readHealth } from '../health.ts';
import { printJson, printLine } from '../output.ts';

/** `status [--json]`: exit 1 when something needs the user. */
export async function showStatus(
  runtime: () => Promise<CliRuntime>,
  flags: { json?: boolean },
): Promise<void> {
  const cli = await runtime();
  const answer = await readHealth(cli);
  if (flags.json) {
    printJson(healthJson(answer));
  } else {
    printLine(labeller(STATUS_LABELS)('engine', engineLine(answer.engine, cli.configDir)));
    printHealth(answer);
  }
  process.exitCode = answer.health.attention ? EXIT.failure : EXIT.success;
}
