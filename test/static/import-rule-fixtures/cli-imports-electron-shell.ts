// As src-main/cli/…: the CLI never reaches into the desktop shell.
import { createTray } from '../electron/tray.ts';

export const tray = createTray;
