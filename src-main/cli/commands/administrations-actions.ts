// `administrations` and `categories <company>`: what the token can reach, for folder bindings
// (the commands are defined in administrations.ts).
import { formatCompanyNumber, readEnteredCompanyNumber } from '../../contract/company-number.ts';
import { CompanyNumber } from '../../contract/domain.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { cliTerm, inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { printJson, printLine, printTable } from '../output.ts';

/**
 * A company number from the command line in any usual form (BE, dots, dashes, spaces, the old
 * 9 digits), refused before any request when its form or check digits (mod 97) are wrong.
 */
export function parseCompanyNumber(value: string): CompanyNumber {
  const entered = readEnteredCompanyNumber(value);
  const parsed = CompanyNumber.safeParse(entered.ok ? entered.companyNumber : '');
  if (!entered.ok && entered.problem === 'check_digits') {
    throw new CliError(inCliLanguage(msg('cli_usage_company_check_digits', { value })), EXIT.usage);
  }
  if (!parsed.success) {
    throw new CliError(inCliLanguage(msg('cli_usage_company_form', { value })), EXIT.usage);
  }
  return parsed.data;
}

/** `administrations [--json]`: the administrations the token reaches. */
export async function listAdministrations(
  runtime: () => Promise<CliRuntime>,
  options: { json?: boolean },
): Promise<void> {
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  const listed = await engine.handlers['administrations.list']({ refresh: true });
  if (options.json) {
    printJson(listed);
    return;
  }
  printTable(
    (['company', 'name', 'account_manager'] as const).map((column) => cliTerm('cliColumn', column)),
    listed.map((item) => [
      formatCompanyNumber(item.companyNumber),
      item.name,
      item.accountManager ?? '-',
    ]),
  );
}

/** `categories <company> [--json]`: an administration's archive categories. */
export async function listCategories(
  runtime: () => Promise<CliRuntime>,
  company: string,
  options: { json?: boolean },
): Promise<void> {
  const companyNumber = parseCompanyNumber(company);
  const { engine } = await (await runtime()).engineFor({ start: false, watchFolders: false });
  const categories = await engine.handlers['administrations.categories']({ companyNumber });
  if (options.json) {
    printJson(categories);
    return;
  }
  const rows = [
    ...categories.various.map((item) => [cliTerm('archiveType', 'various'), item.id, item.name]),
    ...categories.permanent.map((item) => [
      cliTerm('archiveType', 'permanent'),
      item.id,
      item.name,
    ]),
  ];
  if (rows.length === 0) printLine(inCliLanguage(msg('cli_no_categories', { companyNumber })));
  else {
    printTable(
      (['type', 'id', 'name'] as const).map((column) => cliTerm('cliColumn', column)),
      rows,
    );
  }
}
