// How an outage's unconfirmed files are introduced, the same on every surface (History's banner,
// `history --incidents`): when the outage began and how many uploads Clearfacts did not confirm.
import type { UnconfirmedIncident } from './domain.ts';
import { msg, type Message } from './messages/message.ts';

/**
 * The heading of one incident. `incidentAt` 0 groups files made unconfirmed before outages were
 * recorded (a stop mid-upload), which have no moment to show.
 */
export function incidentHeading(incident: UnconfirmedIncident): Message {
  const count = incident.files.length;
  return incident.incidentAt === 0
    ? msg('incident_banner_undated', { count })
    : msg('incident_banner', { incident: incident.incidentAt, count });
}
