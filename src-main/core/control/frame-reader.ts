// Cuts a byte stream into newline-delimited JSON frames for the control channel. A peer is held
// to the bound: a line longer than `maxFrameBytes`, bytes that are not UTF-8 or a line that is not
// JSON end the reading (the owner then hangs up), and nothing is buffered beyond the bound.
export interface FrameReaderOptions {
  /** The longest line accepted, newline excluded, in bytes. */
  maxFrameBytes: number;
  /** Each complete line, parsed as JSON (schema checks are the caller's). */
  onFrame(frame: unknown): void;
  /**
   * Called once, with why the stream is not frames: an English sentence for the log and the
   * fault's code for the user's language. Nothing is delivered after it.
   */
  onError(reason: string, fault: FrameFault): void;
}

/** Why a byte stream is not frames: a line that is not UTF-8 JSON, or one over the bound. */
export type FrameFault = 'not_json' | 'too_long';

export interface FrameReader {
  /** Feeds the next bytes as they arrived; a frame may span any number of chunks. */
  push(chunk: Buffer): void;
  /** Stops delivering frames (the connection is being closed); the partial line is dropped. */
  stop(): void;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function createFrameReader(options: FrameReaderOptions): FrameReader {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let stopped = false;

  function fail(reason: string, fault: FrameFault): void {
    stopped = true;
    pending = [];
    pendingBytes = 0;
    options.onError(reason, fault);
  }

  function deliver(line: Buffer): void {
    const end = line.at(-1) === CARRIAGE_RETURN ? line.length - 1 : line.length;
    if (end === 0) return;
    let frame: unknown;
    try {
      frame = JSON.parse(decoder.decode(line.subarray(0, end)));
    } catch {
      fail('a frame is not a line of UTF-8 JSON', 'not_json');
      return;
    }
    options.onFrame(frame);
  }

  return {
    push(chunk) {
      let start = 0;
      while (!stopped) {
        const newline = chunk.indexOf(NEWLINE, start);
        if (newline === -1) break;
        const piece = chunk.subarray(start, newline);
        if (pendingBytes + piece.length > options.maxFrameBytes) {
          fail(`a frame is longer than ${options.maxFrameBytes} bytes`, 'too_long');
          return;
        }
        const line = pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
        deliver(line);
        start = newline + 1;
      }
      if (stopped || start === chunk.length) return;
      const rest = chunk.subarray(start);
      if (pendingBytes + rest.length > options.maxFrameBytes) {
        fail(`a frame is longer than ${options.maxFrameBytes} bytes`, 'too_long');
        return;
      }
      pending.push(rest);
      pendingBytes += rest.length;
    },
    stop() {
      stopped = true;
      pending = [];
      pendingBytes = 0;
    },
  };
}
