// As scripts/…: the same entry as every shell.
import { createEngine } from '../src-main/core/index.ts';

export const engine = createEngine;
