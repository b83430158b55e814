// As src-main/contract/…: the renderer imports the contract too.
import log from 'electron-log';

export const logger = log;
