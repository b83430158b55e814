// "Export diagnostics": one zip a user can mail to support, with the logs, the settings and a
// description of the machine. The token is never in any of these, and every text is passed
// through the redactor anyway, in case a token was ever pasted into a folder name or a message.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { redact, redactValue } from '../core/index.ts';

export interface DiagnosticsInput {
  /** The log folder: every log in it (`*.log`, and rotated `*.log.N`) is included. */
  logsDir: string;
  settings: unknown;
  /** Versions, platform, token storage kind: whatever helps support. */
  about: Record<string, unknown>;
}

export function diagnosticsFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replaceAll(':', '');
  return `clearfacts-uploader-diagnostics-${stamp}.zip`;
}

/** The zip's bytes: logs/<name>.log, settings.json, about.json. */
export async function buildDiagnosticsZip(input: DiagnosticsInput): Promise<Uint8Array> {
  const logs: Zippable = {};
  // No log folder yet (nothing logged) is simply no logs.
  const names = await readdir(input.logsDir).then(
    (entries) => entries.filter((name) => /\.log(\.\d+)?$/.test(name)),
    () => [],
  );
  for (const name of names.sort()) {
    const text = await readFile(path.join(input.logsDir, name), 'utf8');
    logs[name] = strToU8(redact(text));
  }
  const json = (value: unknown): Uint8Array =>
    strToU8(`${JSON.stringify(redactValue(value), null, 2)}\n`);
  return zipSync(
    {
      logs,
      'settings.json': json(input.settings),
      'about.json': json({ ...input.about, exportedAt: new Date().toISOString() }),
    },
    { level: 6 },
  );
}

export async function writeDiagnosticsZip(
  input: DiagnosticsInput,
  destination: string,
): Promise<void> {
  await writeFile(destination, await buildDiagnosticsZip(input), { mode: 0o600 });
}
