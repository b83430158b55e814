// `--split off|separator|blank|blank-backs|page|pages:N`, shared by `folders add` and `upload` (issue #17);
// `folders add` also takes `bundle:N`, a scan session's quiet window (issue #19).
import { helpText } from '../commander-language.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/message.ts';
import { InvalidArgumentError, Option } from 'commander';
import { FolderSplit, SplitMode } from '../../contract/domain.ts';

/**
 * The option, checked with the contract's SplitMode schema (`folder`: FolderSplit, which adds
 * `bundle:N`); `off` when not given.
 */
export function splitOption(folder = false): Option {
  const schema = folder ? FolderSplit : SplitMode;
  return new Option('--split <mode>', helpText(folder ? 'folder_split' : 'split'))
    .default('off')
    .argParser((value: string) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        throw new InvalidArgumentError(
          inCliLanguage(msg(folder ? 'cli_usage_folder_split_invalid' : 'cli_usage_split_invalid')),
        );
      }
      return parsed.data;
    });
}
