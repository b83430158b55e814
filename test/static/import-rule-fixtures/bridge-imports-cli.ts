// As src-main/bridge/…: the bridge never reaches into the CLI.
import { printJson } from '../cli/output.ts';

export const print = printJson;
