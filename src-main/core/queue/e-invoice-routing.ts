// Where an e-invoice belongs, by the parties it names (issue #18). A scan says nothing about
// whom it is for; an e-invoice does, so a file in the wrong client's folder can be caught before
// it lands in the wrong books. Every rule errs towards holding: a wrong guess is the one thing
// worse than asking.
import type {
  Administration,
  CompanyNumber,
  Destination,
  EInvoiceParty,
  EInvoiceSummary,
  FileHold,
  HoldChoice,
} from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import { otherEndpointNumber, partyCompanyNumbers } from '../documents/e-invoice/party-numbers.ts';

/** What to do with an e-invoice: send it as it is, send it elsewhere, or hold it for the user. */
export type RoutingDecision =
  | { kind: 'send' }
  | { kind: 'route'; companyNumber: CompanyNumber; destination: Destination }
  | { kind: 'hold'; hold: FileHold };

export type InvoiceTray = 'purchase' | 'sale';

/** The party whose administration an invoice belongs to in a tray: the customer buys, the supplier sells. */
function partyFor(summary: EInvoiceSummary, tray: InvoiceTray): EInvoiceParty {
  return tray === 'purchase' ? summary.customer : summary.supplier;
}

/**
 * The choice left when the parties name none of the user's administrations: the user names one
 * (any reachable administration, purchases or sales), as they would by putting the file in its
 * folder. Never decided for them: a guess would put the invoice in someone else's books.
 */
const PICK_ADMINISTRATION: HoldChoice = { kind: 'pick_administration' };

/** The choice "send to <administration>, in its purchases or sales". */
export function sendToChoice(administration: Administration, destination: InvoiceTray): HoldChoice {
  return {
    kind: 'send_to',
    companyNumber: administration.companyNumber,
    name: administration.name,
    destination,
  };
}

function reachableWith(
  numbers: readonly string[],
  administrations: readonly Administration[],
): Administration[] {
  return administrations.filter((administration) => numbers.includes(administration.companyNumber));
}

/** Why a party that names several reachable administrations (by different numbers) is held. */
function twoAdministrations(
  party: EInvoiceParty,
  matches: readonly Administration[],
): FileHold['reason'] {
  return msg('e_invoice_party_two_administrations', {
    name: party.name ?? matches[0]?.companyNumber ?? '?',
    names: matches.map((administration) => administration.name).join(', '),
  });
}

/**
 * The reachable administrations a party's Peppol endpoint names when its legal identifiers name
 * another company (party-numbers.ts), but `except`: proposed to the user, never routed to.
 */
function byEndpoint(
  party: EInvoiceParty,
  administrations: readonly Administration[],
  except: string | null = null,
): Administration[] {
  const number = otherEndpointNumber(party);
  if (number === null || number === except) return [];
  return reachableWith([number], administrations);
}

/** Why a party whose Peppol endpoint is another reachable administration is held. */
function endpointElsewhere(
  party: EInvoiceParty,
  numbers: readonly string[],
  endpointAdministrations: readonly Administration[],
): FileHold['reason'] {
  return msg('e_invoice_endpoint_other_administration', {
    party: describe(party, numbers),
    endpoint: endpointAdministrations
      .map((administration) => `${administration.name} (${administration.companyNumber})`)
      .join(', '),
  });
}

function describe(party: EInvoiceParty, numbers: readonly string[]): string {
  const number = numbers[0];
  if (party.name !== null && number !== undefined) return `${party.name} (${number})`;
  return party.name ?? number ?? '?';
}

/**
 * An e-invoice in a folder bound to one administration (`companyNumber`, `destination`). For a
 * purchase, the customer (BG-7) must be that administration; for a sale, the supplier (BG-4).
 * A party that names no Belgian company number is unknown, not another company: the file is sent
 * as a scan would be. The party is who its legal identifiers say (BT-30/31, BT-47/48); its Peppol
 * endpoint only when it gives none. An endpoint that is another reachable administration is
 * offered, and holds a file that would otherwise be sent here. Archive destinations are never routed. `administrations`: the ones the
 * token reaches, or null when the list could not be read (then only "send here anyway" is
 * offered, and the folder's administration is named by its number).
 */
export function routeInBoundFolder(
  summary: EInvoiceSummary,
  companyNumber: CompanyNumber,
  destination: Destination,
  administrations: readonly Administration[] | null,
): RoutingDecision {
  if (destination.type !== 'purchase' && destination.type !== 'sale') return { kind: 'send' };
  const tray = destination.type;
  const party = partyFor(summary, tray);
  const numbers = partyCompanyNumbers(party);
  if (numbers.length === 0) return { kind: 'send' };
  const reachable = administrations ?? [];
  const here = reachable.find((administration) => administration.companyNumber === companyNumber);
  const endpointOnly = byEndpoint(party, reachable, companyNumber);
  if (numbers.includes(companyNumber)) {
    // The party also carries another client's number (its VAT number, say), or is delivered to
    // another client's Peppol address: which books it belongs in is the user's call. A number
    // no reachable administration has (a VAT unit's, a service provider's) is no conflict.
    const others = reachableWith(numbers, reachable).filter(
      (administration) => administration.companyNumber !== companyNumber,
    );
    if (others.length === 0 && endpointOnly.length === 0) return { kind: 'send' };
    return {
      kind: 'hold',
      hold: {
        reason:
          others.length > 0
            ? twoAdministrations(party, [...(here === undefined ? [] : [here]), ...others])
            : endpointElsewhere(party, numbers, endpointOnly),
        choices: [
          ...[...others, ...endpointOnly].map((administration) =>
            sendToChoice(administration, tray),
          ),
          { kind: 'send_here' },
        ],
      },
    };
  }

  const choices: HoldChoice[] = [...reachableWith(numbers, reachable), ...endpointOnly].map(
    (administration) => sendToChoice(administration, tray),
  );
  // An invoice the folder's own administration issued, dropped among its purchases (or received,
  // among its sales), belongs in the other tray of the same books.
  const otherTray: InvoiceTray = tray === 'purchase' ? 'sale' : 'purchase';
  if (
    here !== undefined &&
    partyCompanyNumbers(partyFor(summary, otherTray)).includes(companyNumber)
  ) {
    choices.push(sendToChoice(here, otherTray));
  }
  choices.push({ kind: 'send_here' });
  const params = {
    name: party.name ?? numbers[0] ?? '?',
    companyNumber: numbers[0] ?? '?',
    administration: here?.name ?? companyNumber,
  };
  return {
    kind: 'hold',
    hold: {
      reason:
        tray === 'purchase'
          ? msg('e_invoice_customer_elsewhere', params)
          : msg('e_invoice_supplier_elsewhere', params),
      choices,
    },
  };
}

/**
 * An e-invoice in an accountant's inbox: it goes to the one reachable administration whose
 * company number is its customer's (a purchase) or its supplier's (a sale). Held, with the
 * candidates as choices, when both parties are clients, when neither is (then the user may also
 * name any administration), when the invoice names no Belgian number (only that choice), when two reachable administrations share the number, or when the matching
 * party's Peppol endpoint is another reachable administration. A party is who its legal
 * identifiers say; an endpoint that is a client is only ever offered (party-numbers.ts).
 */
export function routeInInbox(
  summary: EInvoiceSummary,
  administrations: readonly Administration[],
): RoutingDecision {
  const customerNumbers = partyCompanyNumbers(summary.customer);
  const supplierNumbers = partyCompanyNumbers(summary.supplier);
  if (customerNumbers.length === 0 && supplierNumbers.length === 0) {
    return {
      kind: 'hold',
      hold: { reason: msg('e_invoice_inbox_no_numbers'), choices: [PICK_ADMINISTRATION] },
    };
  }
  const buyers = reachableWith(customerNumbers, administrations);
  const sellers = reachableWith(supplierNumbers, administrations);
  const buyersByEndpoint = byEndpoint(summary.customer, administrations);
  const sellersByEndpoint = byEndpoint(summary.supplier, administrations);
  const choices = [
    ...[...buyers, ...buyersByEndpoint].map((administration) =>
      sendToChoice(administration, 'purchase'),
    ),
    ...[...sellers, ...sellersByEndpoint].map((administration) =>
      sendToChoice(administration, 'sale'),
    ),
  ];
  const parties = {
    supplier: describe(summary.supplier, supplierNumbers),
    customer: describe(summary.customer, customerNumbers),
  };
  if (buyers.length > 0 && sellers.length > 0) {
    return {
      kind: 'hold',
      hold: { reason: msg('e_invoice_inbox_both_clients', parties), choices },
    };
  }
  if (buyers.length === 0 && sellers.length === 0) {
    return {
      kind: 'hold',
      hold: {
        reason: msg('e_invoice_inbox_no_client', parties),
        choices: [...choices, PICK_ADMINISTRATION],
      },
    };
  }
  const matches = buyers.length > 0 ? buyers : sellers;
  const [only] = matches;
  if (matches.length > 1 || only === undefined) {
    const sameNumber = matches.every(
      (administration) => administration.companyNumber === matches[0]?.companyNumber,
    );
    return {
      kind: 'hold',
      hold: {
        reason: sameNumber
          ? msg('e_invoice_inbox_number_twice', {
              companyNumber: matches[0]?.companyNumber ?? '?',
              names: matches.map((administration) => administration.name).join(', '),
            })
          : twoAdministrations(buyers.length > 0 ? summary.customer : summary.supplier, matches),
        choices,
      },
    };
  }
  const purchase = buyers.length > 0;
  const endpointOthers = purchase ? buyersByEndpoint : sellersByEndpoint;
  if (endpointOthers.length > 0) {
    const party = purchase ? summary.customer : summary.supplier;
    return {
      kind: 'hold',
      hold: {
        reason: endpointElsewhere(
          party,
          purchase ? customerNumbers : supplierNumbers,
          endpointOthers,
        ),
        choices,
      },
    };
  }
  return {
    kind: 'route',
    companyNumber: only.companyNumber,
    destination: { type: buyers.length > 0 ? 'purchase' : 'sale' },
  };
}
