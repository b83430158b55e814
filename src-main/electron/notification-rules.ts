// Which of core's events deserve a native notification: a batch finished, a document refused,
// the token refused or lacking a permission. Everything goes through the throttle.
import type { EventChannel, EventOf } from '../contract/api-contract.ts';
import type { FailureCode, HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import type {
  NotificationKind,
  NotificationThrottle,
  ShellNotification,
} from './notification-throttle.ts';
import type { ShellText } from './shell-text.ts';

/** Failures that are not about the document: told as a token or storage problem, or retried. */
const NOT_A_REFUSAL = new Set<FailureCode>(['transient', 'auth', 'missing_scope', 'storage']);

/** Remembered refusals; old ones are forgotten past this many (a retried file may be told again). */
const REMEMBERED_REFUSALS = 2_000;

export function summarizeNotifications(
  kind: NotificationKind,
  held: readonly ShellNotification[],
  text: ShellText,
): ShellNotification {
  const latest = held.at(-1) ?? { kind, title: text.appName, body: '' };
  if (kind === 'file_refused') {
    return { kind, title: text.refusedTitle, body: text.refusedMany(held.length) };
  }
  return latest;
}

export interface NotificationRules {
  handleEvent<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
}

export function createNotificationRules(options: {
  throttle: NotificationThrottle;
  text(): ShellText;
}): NotificationRules {
  const { throttle } = options;
  /** Only a batch seen in progress is announced, not one already finished at start-up. */
  let batchInProgress = false;
  const toldRefusals = new Set<string>();

  function onStatus(status: StatusSnapshot): void {
    const text = options.text();
    const { done, total } = status.batch;
    if (total > 0 && done < total) batchInProgress = true;
    if (batchInProgress && total > 0 && done >= total) {
      batchInProgress = false;
      throttle.offer({
        kind: 'batch_done',
        title: text.batchDoneTitle,
        body: text.batchDoneBody(total),
      });
    }
    if (status.state === 'auth_required' || status.state === 'scope_missing') {
      throttle.offer(
        {
          kind: 'token_problem',
          title: text.tokenProblemTitle,
          body:
            status.reason === null
              ? status.state === 'auth_required'
                ? text.authRequired
                : text.scopeMissing
              : text.render(status.reason),
        },
        { problemKey: `${status.state}:${status.missingScope ?? ''}` },
      );
    } else if (status.state === 'idle' || status.state === 'uploading') {
      throttle.resolve('token_problem');
    }
  }

  function onHistory(entries: readonly HistoryEntry[]): void {
    const text = options.text();
    for (const entry of entries) {
      if (entry.state !== 'failed' || entry.failure === null) continue;
      if (NOT_A_REFUSAL.has(entry.failure.code)) continue;
      const key = `${entry.id}:${entry.attempts}`;
      if (toldRefusals.has(key)) continue;
      if (toldRefusals.size >= REMEMBERED_REFUSALS) toldRefusals.clear();
      toldRefusals.add(key);
      throttle.offer({
        kind: 'file_refused',
        title: text.refusedTitle,
        body: `${entry.fileName}: ${text.render(entry.failure.message)}`,
      });
    }
  }

  return {
    handleEvent(channel, payload) {
      if (channel === 'status') onStatus(payload as EventOf<'status'>);
      else if (channel === 'history.changed') {
        onHistory((payload as EventOf<'history.changed'>).entries);
      }
    },
  };
}
