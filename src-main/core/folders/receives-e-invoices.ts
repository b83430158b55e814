// Which bound folders e-invoices (UBL XML) are expected in: the engine starts the schema
// validator ahead of the first one only when some folder is (documents/e-invoice/
// ubl-schema-service.ts), since the validator costs about 95 MB while it runs.
import type { FolderBinding } from '../../contract/domain.ts';

/**
 * True for an e-invoice inbox, an accountant tree (its Purchase and Sales folders) and a folder
 * bound to an administration's purchases or sales; false for an archive folder (various or
 * permanent documents), where an XML invoice would be out of place.
 */
export function receivesEInvoices(binding: FolderBinding): boolean {
  if (binding.mode !== 'single') return true;
  return binding.destination.type === 'purchase' || binding.destination.type === 'sale';
}
