// One data folder per user for every way of running the app: the desktop app and the CLI read
// the same settings and history (the engine lock keeps two engines off it at once).
import envPaths from 'env-paths';

export const DEFAULT_CONFIG_DIR = envPaths('clearfacts-uploader', { suffix: '' }).config;
