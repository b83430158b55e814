// What the queue does after a send failed, decided from the kind of failure alone.
import type { DestinationType, Failure, Scope } from '../../contract/domain.ts';
import { msg, type Message } from '../../contract/messages/message.ts';
import { authHoldReason } from '../account/session.ts';
import type { DeliveryFailure } from './document-destination.ts';
import { requiredScope } from './required-scope.ts';
import { retryDelayMs, type RetryTuning } from './retry-policy.ts';

export type FailureDecision =
  /** Try again later; nothing reached Clearfacts. */
  | {
      action: 'retry';
      failure: Failure;
      delayMs: number;
      offline: boolean;
      rateLimitMs: number | null;
    }
  /** Final: the user must change something (the file, the folder binding) and retry. */
  | { action: 'fail'; failure: Failure }
  /** It may have arrived: never re-sent without the user. */
  | { action: 'unconfirmed'; failure: Failure }
  /** The token is unknown or revoked: everything waits for a new one. */
  | { action: 'hold_auth'; reason: Message }
  /** The token lacks a scope: the files that need it wait. */
  | { action: 'hold_scope'; scope: Scope; reason: Message };

/**
 * Network failures (offline laptops, a dead VPN) are retried for as long as it takes; a server
 * that keeps failing on one file gives up after this many sends, so the user hears of it.
 */
export const MAX_SERVER_ERROR_ATTEMPTS = 20;

export function scopeHoldReason(scope: Scope): Message {
  return msg('scope_hold', { scope });
}

function fileSystemDecision(error: NodeJS.ErrnoException, retry: () => FailureDecision) {
  switch (error.code) {
    case 'ENOENT':
      return {
        action: 'fail' as const,
        failure: {
          code: 'file_missing' as const,
          message: msg('file_removed_before_send'),
        },
      };
    case 'EISDIR':
      // A folder where a file was: its permissions are not the problem.
      return {
        action: 'fail' as const,
        failure: { code: 'file_unreadable' as const, message: msg('not_a_file') },
      };
    case 'EACCES':
    case 'EPERM':
      return {
        action: 'fail' as const,
        failure: {
          code: 'file_unreadable' as const,
          message: msg('file_permission_denied'),
          detail: error.code,
        },
      };
    default:
      // EBUSY (a scanner or Office still holding it on Windows), EMFILE and the like pass.
      return retry();
  }
}

export function decideAfterFailure(
  error: unknown,
  context: {
    attempts: number;
    destination: DestinationType;
    tuning: RetryTuning;
    random?: () => number;
    /** The destination's sorting of its own errors (DocumentDestination.failureOf). */
    failureOf: (error: unknown) => DeliveryFailure | null;
  },
): FailureDecision {
  const retry = (
    failure: Failure,
    offline: boolean,
    retryAfterMs: number | null,
  ): FailureDecision => {
    if (!offline && context.attempts >= MAX_SERVER_ERROR_ATTEMPTS) {
      const attempts = context.attempts;
      return {
        action: 'fail',
        failure: {
          ...failure,
          message:
            failure.message.code === 'retry_http_status'
              ? msg('gave_up_http_status', { status: failure.message.params.status, attempts })
              : msg('gave_up_local', { attempts }),
        },
      };
    }
    return {
      action: 'retry',
      failure,
      offline,
      rateLimitMs: retryAfterMs,
      delayMs: retryDelayMs(context.attempts, context.tuning, retryAfterMs, context.random),
    };
  };

  const delivery = context.failureOf(error);
  if (delivery !== null) {
    switch (delivery.kind) {
      case 'auth':
        return { action: 'hold_auth', reason: authHoldReason() };
      case 'missing_scope': {
        const scope = delivery.scope ?? requiredScope(context.destination);
        return { action: 'hold_scope', scope, reason: scopeHoldReason(scope) };
      }
      case 'refused':
        return {
          action: 'fail',
          failure:
            delivery.serverMessage === null
              ? { code: 'server_refused', message: delivery.userMessage, detail: delivery.message }
              : {
                  code: 'server_refused',
                  message: delivery.userMessage,
                  detail: delivery.serverMessage,
                  detailFrom: 'clearfacts',
                },
        };
      case 'ambiguous':
        return {
          action: 'unconfirmed',
          failure: {
            code: 'transient',
            message: msg('upload_unconfirmed'),
            detail: delivery.message,
          },
        };
      case 'transient': {
        if (delivery.wrongEndpoint === true) {
          // A wrong address is no server error: the file waits, saying who answered what.
          const failure: Failure = {
            code: 'transient',
            message: delivery.userMessage,
            detail: delivery.message,
          };
          return retry(failure, true, null);
        }
        const offline = delivery.status === null;
        const failure: Failure = {
          code: 'transient',
          message:
            delivery.status === null
              ? msg('retry_offline')
              : msg('retry_http_status', { status: delivery.status }),
          detail: delivery.message,
        };
        return retry(failure, offline, delivery.retryAfterMs);
      }
    }
  }
  const errno = error as NodeJS.ErrnoException | null;
  const failure: Failure = {
    code: 'transient',
    message: msg('retry_local'),
    detail: error instanceof Error ? error.message : String(error),
  };
  if (errno && typeof errno.code === 'string') {
    return fileSystemDecision(errno, () => retry(failure, false, null));
  }
  return retry(failure, false, null);
}
