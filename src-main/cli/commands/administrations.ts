// `administrations` and `categories <company>`: what the token can reach, for folder bindings.
import type { Command } from 'commander';
import { CompanyNumber } from '../../contract/domain.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { printJson, printLine, printTable } from '../output.ts';

export function parseCompanyNumber(value: string): CompanyNumber {
  const digits = value.replace(/^BE/i, '').replace(/[\s.]/g, '');
  const parsed = CompanyNumber.safeParse(digits.length === 9 ? `0${digits}` : digits);
  if (!parsed.success) {
    throw new CliError(
      `"${value}" is not a Belgian company number (0 followed by 9 digits).`,
      EXIT.usage,
    );
  }
  return parsed.data;
}

export function registerAdministrationCommands(program: Command, runtime: () => CliRuntime): void {
  program
    .command('administrations')
    .description('list the administrations the token can reach')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }) => {
      const { engine } = await runtime().engineFor({ start: false, watchFolders: false });
      const listed = await engine.handlers['administrations.list']({ refresh: true });
      if (options.json) {
        printJson(listed);
        return;
      }
      printTable(
        ['COMPANY', 'NAME', 'ACCOUNT MANAGER'],
        listed.map((item) => [item.companyNumber, item.name, item.accountManager ?? '-']),
      );
    });

  program
    .command('categories <company>')
    .description("list an administration's archive categories (names and ids for --category)")
    .option('--json', 'print them as JSON')
    .action(async (company: string, options: { json?: boolean }) => {
      const companyNumber = parseCompanyNumber(company);
      const { engine } = await runtime().engineFor({ start: false, watchFolders: false });
      const categories = await engine.handlers['administrations.categories']({ companyNumber });
      if (options.json) {
        printJson(categories);
        return;
      }
      const rows = [
        ...categories.various.map((item) => ['various', item.id, item.name]),
        ...categories.permanent.map((item) => ['permanent', item.id, item.name]),
      ];
      if (rows.length === 0)
        printLine(`Administration ${companyNumber} has no archive categories.`);
      else printTable(['TYPE', 'ID', 'NAME'], rows);
    });
}
