// `--split off|separator|blank|blank-backs|page|pages:N`, shared by `folders add` and `upload` (issue #17);
// `folders add` also takes `bundle:N`, a scan session's quiet window (issue #19).
import { helpText } from '../commander-language.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { InvalidArgumentError, Option } from 'commander';
import { isFolderSplit, isSplitMode } from '../../contract/split-modes.ts';

/**
 * The option, checked as the contract's SplitMode schema checks it (`folder`: FolderSplit, which
 * adds `bundle:N`; split-modes.ts has the tests both use); `off` when not given.
 */
export function splitOption(folder = false): Option {
  const valid = folder ? isFolderSplit : isSplitMode;
  return new Option('--split <mode>', helpText(folder ? 'folder_split' : 'split'))
    .default('off')
    .argParser((value: string) => {
      if (!valid(value)) {
        throw new InvalidArgumentError(
          inCliLanguage(msg(folder ? 'cli_usage_folder_split_invalid' : 'cli_usage_split_invalid')),
        );
      }
      return value;
    });
}
