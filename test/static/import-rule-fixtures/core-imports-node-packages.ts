// As src-main/core/logging/…: Node's modules and ordinary packages are fine.
import path from 'node:path';
import pino from 'pino';
import { createLogger } from './logger.ts';

export const used = [path, pino, createLogger];
