// As src-main/cli/commands/…: core's entry and the contract are what shells import.
import type { Settings } from '../../contract/domain.ts';
import { createEngine } from '../../core/index.ts';

export const engine = createEngine;
export type Used = Settings;
