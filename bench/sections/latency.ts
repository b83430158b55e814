// Latency: one file written into a watched folder until its uuid is stored, minus the stability
// window the engine must wait by design. Compared with the bare POST of the same file.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runBaseline } from '../lib/baseline-uploader.ts';
import { fourBindings } from '../lib/bindings.ts';
import type { EmulatorProcess } from '../lib/emulator-process.ts';
import { startEngineProcess, type StoredMessage } from '../lib/engine-process.ts';
import { writePaddedPdf } from '../lib/pdf-corpus.ts';

export interface LatencyResult {
  /** Each file's write-to-uuid time minus the stability window, in ms. */
  overWindowMs: number[];
  /** The bare baseline's POST time for the same files, in ms. */
  barePostMs: number[];
  stabilityWindowMs: number;
}

export async function measureLatency(
  emulator: EmulatorProcess,
  workDir: string,
  files: number,
  stabilityWindowMs: number,
): Promise<LatencyResult> {
  const [binding] = fourBindings(path.join(workDir, 'latency-watched'));
  if (binding === undefined) throw new Error('no binding for the latency run');
  await mkdir(binding.path, { recursive: true });
  await emulator.reset();
  const engine = startEngineProcess({
    configDir: path.join(workDir, 'latency-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    // Leave in place: the same paths are posted by the baseline afterwards.
    settings: { stabilityWindowMs, afterUpload: 'leave' },
    folders: [binding],
  });
  const overWindowMs: number[] = [];
  const written: string[] = [];
  try {
    await engine.ready;
    let waiting: {
      resolve: (message: StoredMessage) => void;
      reject: (error: Error) => void;
    } | null = null;
    engine.onStored((message) => waiting?.resolve(message));
    engine.onSettled((message) =>
      waiting?.reject(
        new Error(`latency file ${message.fileName} ended ${message.state}: ${message.reason}`),
      ),
    );
    for (let index = 0; index < files; index += 1) {
      const name = `latency-${String(index).padStart(3, '0')}.pdf`;
      const filePath = path.join(binding.path, name);
      const stored = new Promise<StoredMessage>(
        (resolve, reject) => (waiting = { resolve, reject }),
      );
      await writePaddedPdf(filePath, {
        pages: 2,
        bytes: 200_000,
        id: `latency-${index}-${Date.now()}`,
        poolOffset: index * 7_919,
      });
      const writtenAt = Date.now();
      const message = await stored;
      if (message.fileName !== name) throw new Error(`expected ${name}, got ${message.fileName}`);
      overWindowMs.push(message.storedAt - writtenAt - stabilityWindowMs);
      written.push(filePath);
    }
  } finally {
    await engine.stop();
  }
  const barePostMs: number[] = [];
  for (const filePath of written) {
    barePostMs.push(
      await runBaseline(
        emulator.graphqlUrl,
        emulator.demoToken,
        [
          {
            path: filePath,
            name: path.basename(filePath),
            companyNumber: binding.companyNumber,
            destination: binding.destination,
          },
        ],
        1,
      ),
    );
  }
  return { overWindowMs, barePostMs, stabilityWindowMs };
}
