// As scripts/…: scripts are shells too.
import { createEngine } from '../src-main/core/engine.ts';

export const engine = createEngine;
