// Why the queue is not sending, each reason held separately so that lifting one (a new token)
// does not lift another (the user's pause, a full disk).
import type { DestinationType, Scope } from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';
import { destinationsNeeding } from './required-scope.ts';

export interface QueueHolds {
  pausedByUser: boolean;
  /** The token is missing, unknown or revoked: nothing is sent. */
  auth: Message | null;
  /** Scopes the token lacks: only the files that need them wait. */
  missingScopes: Map<Scope, Message>;
  /** The history cannot be written: nothing moves. */
  storage: Message | null;
  /** The last send could not reach Clearfacts (cleared by the next success). */
  offline: boolean;
  /**
   * The API address answered as no GraphQL endpoint does (api_not_graphql, naming the address
   * and its answer), seen by a send or by the session's check: files wait until it is fixed.
   * Cleared by the next normal answer.
   */
  address: Message | null;
  /** Clearfacts asked everyone to slow down (429 Retry-After): nothing is sent before this. */
  rateLimitedUntil: number;
  /**
   * An upload left whole and its answer was lost (5xx, reset, timeout, a cut-off answer): no new
   * upload starts until a read query is answered normally, so one outage makes at most
   * `concurrency` files unconfirmed. Null when no incident is open.
   */
  incident: OpenIncident | null;
}

/** The outage the queue is waiting out. */
export interface OpenIncident {
  /** Epoch ms the incident began; the files it made unconfirmed carry it (`incident_at`). */
  openedAt: number;
  /** How many files it made unconfirmed so far. */
  unconfirmed: number;
  /** Read queries tried since it began. */
  probes: number;
  /** A read was answered normally; the incident ends when the last running upload settles. */
  answered: boolean;
}

/**
 * The longest any hold set from a server's answer lasts (a Retry-After, an HTTP-date far away):
 * one hour. RFC 9110 §10.2.3 leaves Retry-After unbounded, so a misconfigured gateway's
 * `Retry-After: 999999999` would otherwise stop sending until a restart; an hour keeps a real
 * overload respected and a mistake from costing more than a retry.
 */
export const MAX_HOLD_MS = 3_600_000;

export function createQueueHolds(): QueueHolds {
  return {
    pausedByUser: false,
    auth: null,
    missingScopes: new Map(),
    storage: null,
    offline: false,
    address: null,
    rateLimitedUntil: 0,
    incident: null,
  };
}

/** Nothing may be sent at all. */
export function isStopped(holds: QueueHolds): boolean {
  return holds.pausedByUser || holds.auth !== null || holds.storage !== null;
}

export function heldDestinations(holds: QueueHolds): DestinationType[] {
  return [...holds.missingScopes.keys()].flatMap(destinationsNeeding);
}
