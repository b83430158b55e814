// How the bytes sent differ from the file on disk, told from a check: the one list the Drop
// screen, `check --json` and support read, under the rule that the file is never modified.
import type { SendingChange } from '../../contract/domain.ts';
import type { DocumentCheck } from './document-check.ts';

/** How the bytes sent would differ from the file, for a file the check accepts. */
export function sendingChanges(check: DocumentCheck): SendingChange[] {
  if (check.failure !== null) return [];
  const changes: SendingChange[] = [];
  if (check.prefixBytes > 0 && check.sentSha256 !== null) {
    changes.push({
      change: 'leave_out_prefix',
      bytes: check.prefixBytes,
      sentSha256: check.sentSha256,
    });
  }
  if (check.unwrapsEnvelope === true && check.sentSha256 !== null) {
    changes.push({ change: 'unwrap_envelope', sentSha256: check.sentSha256 });
  }
  if (check.willConvert) changes.push({ change: 'convert_to_pdf' });
  return changes;
}
