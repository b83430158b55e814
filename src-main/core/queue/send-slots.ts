// Which due files take the queue's free send slots. A split batch's parts are queued all at once
// (twenty for a 200-page batch), and in the history's order they would all go before a file
// another folder received a moment later: its invoice would wait for twenty uploads. So parts and
// other files take turns: each kind gets a slot while it has fewer sends running than the other,
// and every slot the other leaves (issue #17: "a 200-page batch does not block other folders'
// uploads").
import type { FileRecord, SendKind } from '../store/file-record.ts';

/** The kind of `record` (SendKind), as `HistoryRepository.due` selects it. */
export function sendKind(record: Pick<FileRecord, 'parentId' | 'splitMode'>): SendKind {
  if (record.parentId !== null) return 'part';
  return record.splitMode === null ? 'other' : 'batch';
}

/** Sends running now, by kind: parts of split batches, and every other file. */
export interface RunningSends {
  parts: number;
  others: number;
}

/**
 * The files to start now, at most `free`, from the due files of each kind (each oldest first, as
 * `HistoryRepository.due` gives them): a slot goes to an other file while fewer of them run than
 * parts do (ties too), else to a part; a kind with nothing due leaves its turns to the other.
 */
export function chooseSends(
  free: number,
  running: RunningSends,
  due: { parts: readonly FileRecord[]; others: readonly FileRecord[] },
): FileRecord[] {
  const chosen: FileRecord[] = [];
  let { parts, others } = running;
  let nextPart = 0;
  let nextOther = 0;
  while (chosen.length < free) {
    const part = due.parts[nextPart];
    const other = due.others[nextOther];
    if (other !== undefined && (part === undefined || others <= parts)) {
      chosen.push(other);
      nextOther += 1;
      others += 1;
    } else if (part !== undefined) {
      chosen.push(part);
      nextPart += 1;
      parts += 1;
    } else {
      break;
    }
  }
  return chosen;
}
