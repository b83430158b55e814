// Advice on an e-invoice: a few key EN 16931 and Peppol BIS Billing 3.0 rules, checked on the
// fields the streaming read already collects (never the embedded file), and reported as
// warnings on the row. Clearfacts runs its own validation, so nothing here stops a send.
//
// Why not the official Schematron: the Peppol and CEN rules are XSLT 2.0 Schematron, and the
// only ways to run XSLT 2/3 from Node (SaxonJS) need the rules compiled to SEF by a Java or
// commercial Saxon tool and ship under a licence that does not allow redistributing it freely;
// Schematron 1.x runners for Node (XSLT 1 / XPath 1) cannot run these XPath 2 rules, and all of
// them build the whole tree in memory, which the 15 MB embedded PDF budget forbids. The rules
// below are the ones a wrong file most often breaks, written from the rule texts.
import { msg, type Message, type MessageParams } from '../../../contract/messages/message.ts';
import { belgianCompanyNumber, hasBelgianCheckDigits } from './party-numbers.ts';

/** What the rules look at, as the invoice wrote it (null: absent). Amounts in the document currency. */
export interface AdviceFacts {
  peppol: boolean;
  customization: string | null;
  profile: string | null;
  number: string | null;
  issueDate: string | null;
  typeCode: string | null;
  currency: string | null;
  supplierName: string | null;
  customerName: string | null;
  buyerReference: string | null;
  orderReference: string | null;
  /** How many InvoiceLine / CreditNoteLine elements (BG-25). */
  lines: number;
  taxExclusive: number | null;
  taxInclusive: number | null;
  /** BT-110, when stated in the document currency. */
  taxAmount: number | null;
  prepaid: number | null;
  rounding: number | null;
  payable: number | null;
  /** Every company or VAT number of either party, as written. */
  partyNumbers: readonly (string | null)[];
}

/** Amounts compare to the cent: EN 16931 amounts have at most two decimals. */
function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/**
 * The advice for one invoice, in rule order: BR-01 to BR-07 and BR-16 (EN 16931 mandatory
 * terms), BR-CO-15 and BR-CO-16 (totals), PEPPOL-EN16931-R001 and R003 (Peppol BIS 3 only), and
 * PEPPOL-COMMON-R043 (Belgian company numbers' modulo-97 check digits).
 */
export function adviseEInvoice(facts: AdviceFacts): Message[] {
  const advice: Message[] = [];
  const add = (rule: MessageParams<'e_invoice_advice'>['eInvoiceRule']) =>
    advice.push(msg('e_invoice_advice', { eInvoiceRule: rule }));
  if (facts.customization === null) add('br_01');
  if (facts.number === null) add('br_02');
  if (facts.issueDate === null) add('br_03');
  if (facts.typeCode === null) add('br_04');
  if (facts.currency === null) add('br_05');
  if (facts.supplierName === null) add('br_06');
  if (facts.customerName === null) add('br_07');
  if (facts.lines === 0) add('br_16');
  if (
    facts.taxExclusive !== null &&
    facts.taxInclusive !== null &&
    !sameAmount(facts.taxInclusive, facts.taxExclusive + (facts.taxAmount ?? 0))
  ) {
    add('br_co_15');
  }
  if (
    facts.taxInclusive !== null &&
    facts.payable !== null &&
    !sameAmount(facts.payable, facts.taxInclusive - (facts.prepaid ?? 0) + (facts.rounding ?? 0))
  ) {
    add('br_co_16');
  }
  if (facts.peppol && facts.profile === null) add('peppol_r001');
  if (facts.peppol && facts.buyerReference === null && facts.orderReference === null) {
    add('peppol_r003');
  }
  const badNumber = facts.partyNumbers.some((written) => {
    const number = belgianCompanyNumber(written);
    return number !== null && !hasBelgianCheckDigits(number);
  });
  if (badNumber) add('peppol_common_r043');
  return advice;
}
