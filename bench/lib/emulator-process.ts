// The emulator in its own process, as `npm run emulator` starts it, so its parsing and hashing
// never share an event loop (or a core's time slice accounting) with what is measured. It is
// steered through its documented /__emulator/ test hooks.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const emulatorCli = path.join(repositoryRoot, 'test/emulator/cli.ts');

export const ReceivedUploadSchema = z.object({
  uuid: z.string(),
  companyNumber: z.string(),
  kind: z.enum(['invoice', 'archive']),
  invoiceType: z.string().nullable(),
  archiveType: z.string().nullable(),
  categoryId: z.string().nullable(),
  filename: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  pages: z.number(),
  receivedAt: z.string(),
});
export type RemoteUpload = z.infer<typeof ReceivedUploadSchema>;

export interface FaultPlan {
  latencyMs?: number;
  errorRate?: number;
  errorStatuses?: number[];
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  resetMidUploadRate?: number;
  hangRate?: number;
  hangStage?: 'before-processing' | 'after-processing';
  appliesTo?: 'uploads' | 'all';
  seed?: number;
}

export interface EmulatorProcess {
  origin: string;
  graphqlUrl: string;
  demoToken: string;
  pid: number;
  uploads(): Promise<RemoteUpload[]>;
  reset(): Promise<void>;
  setFaults(plan: FaultPlan): Promise<void>;
  /** Every request that asked for documents (`document(id)`, aliases counted): when, which ids. */
  documentRequests(): Promise<{ at: number; ids: string[] }[]>;
  close(): Promise<void>;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) {
    throw new Error(`emulator ${what}: HTTP ${response.status} ${await response.text()}`);
  }
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, [emulatorCli, '--port', '0'], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let origin: string | null = null;
  let demoToken: string | null = null;
  for await (const line of lines) {
    origin ??= /^emulator listening on (http:\/\/\S+)$/.exec(line)?.[1] ?? null;
    demoToken ??= /^demo token: (\S+)$/.exec(line)?.[1] ?? null;
    if (origin !== null && demoToken !== null) break;
  }
  if (origin === null || demoToken === null || child.pid === undefined) {
    child.kill('SIGKILL');
    throw new Error('the emulator process did not print its origin and demo token');
  }
  const base = origin;
  return {
    origin: base,
    graphqlUrl: `${base}/graphql`,
    demoToken,
    pid: child.pid,
    async uploads() {
      const response = await fetch(`${base}/__emulator/uploads`);
      await expectOk(response, 'uploads');
      return z.array(ReceivedUploadSchema).parse(await response.json());
    },
    async reset() {
      await expectOk(await fetch(`${base}/__emulator/reset`, { method: 'POST' }), 'reset');
    },
    async setFaults(plan) {
      const response = await fetch(`${base}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(plan),
      });
      await expectOk(response, 'faults');
    },
    async documentRequests() {
      const response = await fetch(`${base}/__emulator/documents/requests`);
      await expectOk(response, 'document requests');
      return z
        .array(z.object({ at: z.number(), ids: z.array(z.string()) }))
        .parse(await response.json());
    },
    async close() {
      lines.close();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
