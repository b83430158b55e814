// Looks for a secret in every byte of every file under a folder (hidden files, rotated logs,
// SQLite's WAL and shared memory included) and in captured output, in the encodings a careless
// line of code could write it: as text, UTF-16, base64, and its first or last 16 characters.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface SecretFinding {
  where: string;
  form: string;
}

function formsOf(secret: string): [form: string, bytes: Buffer][] {
  return [
    ['as text', Buffer.from(secret, 'utf8')],
    ['as UTF-16', Buffer.from(secret, 'utf16le')],
    ['as base64', Buffer.from(Buffer.from(secret, 'utf8').toString('base64'), 'utf8')],
    ['as base64url', Buffer.from(Buffer.from(secret, 'utf8').toString('base64url'), 'utf8')],
    ['its first 16 characters', Buffer.from(secret.slice(0, 16), 'utf8')],
    ['its last 16 characters', Buffer.from(secret.slice(-16), 'utf8')],
  ];
}

export function findSecretIn(
  bytes: Buffer,
  where: string,
  secrets: readonly string[],
): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const secret of secrets) {
    for (const [form, needle] of formsOf(secret)) {
      if (bytes.includes(needle)) findings.push({ where, form });
    }
  }
  return findings;
}

export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every file under `directory` and what it holds of `secrets`. */
export async function scanFolder(
  directory: string,
  secrets: readonly string[],
): Promise<{ files: string[]; findings: SecretFinding[] }> {
  const files = await listFiles(directory);
  const findings: SecretFinding[] = [];
  for (const file of files) {
    findings.push(...findSecretIn(await readFile(file), path.relative(directory, file), secrets));
  }
  return { files, findings };
}
