// `npm run emulator -- --port N`: the emulator as a standalone server for the demo and manual
// testing. Its first two lines are a contract (scripts read them): the origin, then the token.
import { parseArgs } from 'node:util';
import { startEmulator } from './index.ts';
import type { Emulator } from './index.ts';

const USAGE = `usage: npm run emulator -- [--port N] [--host H] [--max-upload-bytes N]
       [--extra-administrations N] [--introspection] [--no-test-mode]
       [--process-after-ms N] [--pay-after-ms N] [--rate-limit REQUESTS/MS]`;

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    console.error(`--${name} must be a whole number, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return number;
}

function parseCliArguments() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'max-upload-bytes': { type: 'string' },
        'extra-administrations': { type: 'string' },
        introspection: { type: 'boolean' },
        'process-after-ms': { type: 'string' },
        'pay-after-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        'no-test-mode': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const values = parseCliArguments();
if (values.help === true) {
  console.log(USAGE);
  process.exit(0);
}

/** `--rate-limit 10/60000`: at most 10 GraphQL requests per 60 s. */
function rateLimit(value: string | undefined): { requests: number; perMs: number } | undefined {
  if (value === undefined) return undefined;
  const [requests, perMs] = value.split('/');
  return {
    requests: wholeNumber(requests ?? '', 'rate-limit') ?? 1,
    perMs: wholeNumber(perMs ?? '', 'rate-limit') ?? 1,
  };
}

async function start(): Promise<Emulator> {
  const limit = rateLimit(values['rate-limit']);
  try {
    return await startEmulator({
      port: wholeNumber(values.port, 'port') ?? 0,
      host: values.host ?? '127.0.0.1',
      maxUploadBytes: wholeNumber(values['max-upload-bytes'], 'max-upload-bytes'),
      extraAdministrations: wholeNumber(values['extra-administrations'], 'extra-administrations'),
      introspection: values.introspection ?? false,
      testMode: values['no-test-mode'] !== true,
      documentLifecycle: {
        processAfterMs: wholeNumber(values['process-after-ms'], 'process-after-ms') ?? 0,
        payAfterMs: wholeNumber(values['pay-after-ms'], 'pay-after-ms') ?? null,
      },
      ...(limit === undefined ? {} : { rateLimit: limit }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `emulator: port ${values.port ?? ''} is already in use; pick another with --port`
        : `emulator: could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

const emulator = await start();
console.log(`emulator listening on ${emulator.origin}`);
console.log(`demo token: ${emulator.demoToken}`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('emulator: failed to stop cleanly:', error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
