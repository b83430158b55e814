// Token files are written to a private temporary file (0600, in a 0700 folder), synced and
// renamed: the secret is never in a file with wider permissions, and a crash never leaves half
// of it behind.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const OWNER_READ_WRITE = 0o600;

export async function writePrivateFileAtomically(filePath: string, content: string): Promise<void> {
  const temporary = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await mkdir(path.dirname(filePath), { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', OWNER_READ_WRITE);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
