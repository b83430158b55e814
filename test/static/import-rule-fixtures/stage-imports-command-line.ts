// As src-main/core/logging/…: a stage never imports an entry, the light one included.
import { redact } from '../command-line.ts';

export const hide = redact;
