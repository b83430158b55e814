// One line that says what an e-invoice is: its kind (invoice, credit note, correction), the
// supplier, the invoice number, the payable amount and the due date, read from the XML itself.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EInvoiceSummary } from '../../src-main/contract/domain.ts';
import { useFormatters } from '../state/app-context.tsx';

/** The payable amount (BT-115) in the reader's locale, with its currency when it is valid. */
function formatAmount(locale: string, amount: number, currency: string | null): string {
  try {
    if (currency !== null) {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    }
  } catch {
    // An unknown currency code: the number alone, with the code after it.
  }
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount);
  return currency === null ? number : `${number} ${currency}`;
}

export function EInvoiceLine({ summary }: { summary: EInvoiceSummary }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const parts = [
    summary.supplier.name ?? summary.supplier.vatNumber ?? t('eInvoice.unknownSupplier'),
    ...(summary.number === null ? [] : [t('eInvoice.number', { number: summary.number })]),
    ...(summary.payableAmount === null
      ? []
      : [formatAmount(format.locale, summary.payableAmount, summary.currency)]),
    ...(summary.dueDate === null || Number.isNaN(Date.parse(summary.dueDate))
      ? []
      : [t('eInvoice.due', { date: format.date(summary.dueDate) })]),
  ];
  return (
    <span className="e-invoice-line">
      <span className={`e-invoice-kind e-invoice-${summary.documentType}`}>
        {t(`eInvoice.kinds.${summary.documentType}`)}
      </span>{' '}
      {parts.join(' · ')}
    </span>
  );
}
