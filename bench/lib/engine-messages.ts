// What the benchmark and its engine host process say to each other over the IPC channel.
// Both sides validate what they receive: it crosses a process boundary.
import { z } from 'zod';
import { Destination, SettingsPatch, SplitMode } from '../../src-main/contract/domain.ts';

export const EngineHostConfig = z.object({
  configDir: z.string(),
  apiUrl: z.string(),
  token: z.string(),
  settings: SettingsPatch,
  folders: z.array(
    z.object({
      path: z.string(),
      companyNumber: z.string(),
      destination: Destination,
      /** How the folder cuts scanned batches (issue #17); absent: off. */
      split: SplitMode.optional(),
    }),
  ),
  tuning: z
    .object({
      apiTimeoutMs: z.number().optional(),
      retryBaseDelayMs: z.number().optional(),
      retryMaxDelayMs: z.number().optional(),
    })
    .optional(),
});
export type EngineHostConfig = z.infer<typeof EngineHostConfig>;

export const HostMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    /** Epoch ms: when the engine was watching every folder. */
    readyAt: z.number(),
    folders: z.array(z.object({ id: z.string(), path: z.string() })),
  }),
  z.object({
    type: z.literal('stored'),
    id: z.number().int(),
    fileName: z.string(),
    sha256: z.string().nullable(),
    uuid: z.string(),
    /** Epoch ms at which the engine wrote the uuid (the row's uploadedAt). */
    storedAt: z.number(),
  }),
  /** A batch's original was cut into parts (state `split`), at epoch ms `splitAt`. */
  z.object({
    type: z.literal('split'),
    id: z.number().int(),
    fileName: z.string(),
    splitAt: z.number(),
  }),
  /** A row reached `uploading`: its check is over and its bytes are about to be sent. */
  z.object({ type: z.literal('uploading'), id: z.number().int(), fileName: z.string() }),
  z.object({
    type: z.literal('settled'),
    id: z.number().int(),
    fileName: z.string(),
    state: z.string(),
    reason: z.string().nullable(),
  }),
  z.object({ type: z.literal('idle') }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type HostMessage = z.infer<typeof HostMessage>;

export const ParentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('whenIdle') }),
  z.object({ type: z.literal('stop') }),
]);
export type ParentMessage = z.infer<typeof ParentMessage>;
