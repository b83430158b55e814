// As src-main/contract/…: zod and the contract's own modules are fine.
import { z } from 'zod';
import { FileState } from './domain.ts';

export const Listed = z.array(FileState);
