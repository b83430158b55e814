// `--split off|separator|blank|blank-backs|page|pages:N`, shared by `folders add` and `upload` (issue #17).
import { helpText } from '../commander-language.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/message.ts';
import { InvalidArgumentError, Option } from 'commander';
import { SplitMode } from '../../contract/domain.ts';

/** The option, checked with the contract's SplitMode schema; `off` when not given. */
export function splitOption(): Option {
  return new Option('--split <mode>', helpText('split'))
    .default('off')
    .argParser((value: string) => {
      const parsed = SplitMode.safeParse(value);
      if (!parsed.success) {
        throw new InvalidArgumentError(inCliLanguage(msg('cli_usage_split_invalid')));
      }
      return parsed.data;
    });
}
