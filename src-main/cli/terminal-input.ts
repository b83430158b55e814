// Reading from the person at the terminal, or from a pipe: the token (never echoed) and yes/no
// questions. Prompts go to stderr so stdout stays clean for scripts.
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline/promises';

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** The token from a pipe (`… | clearfacts-uploader token set`), or typed without echo. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return (await readAll(process.stdin)).trim();
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  try {
    process.stderr.write(prompt);
    muted = true;
    return (await terminal.question('')).trim();
  } finally {
    muted = false;
    process.stderr.write('\n');
    terminal.close();
  }
}

export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

export async function confirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}
