// As src-main/cli/commands/…: the CLI hosts the bridge for `clearfacts-uploader ui`.
import { startBrowserMode } from '../../bridge/browser-mode.ts';

export const start = startBrowserMode;
