// As src-main/core/handlers/…: stages never reach back into the composition root.
import { createEngine } from '../engine.ts';

export const engine = createEngine;
