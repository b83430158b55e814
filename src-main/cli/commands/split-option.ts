// `--split off|separator|page|pages:N`, shared by `folders add` and `upload` (issue #17).
import { InvalidArgumentError, Option } from 'commander';
import { SplitMode } from '../../contract/domain.ts';

/** The option, checked with the contract's SplitMode schema; `off` when not given. */
export function splitOption(): Option {
  return new Option(
    '--split <mode>',
    'cut scanned batches (PDF) into documents: off, separator (on separator sheets), page, or pages:N',
  )
    .default('off')
    .argParser((value: string) => {
      const parsed = SplitMode.safeParse(value);
      if (!parsed.success) {
        throw new InvalidArgumentError('use off, separator, page or pages:N (N from 2 to 999).');
      }
      return parsed.data;
    });
}
