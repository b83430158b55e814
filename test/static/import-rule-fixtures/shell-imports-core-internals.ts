// As src-main/cli/commands/…: core's stages are its own business.
import { createUploadQueue } from '../../core/queue/upload-queue.ts';

export const queue = createUploadQueue;
