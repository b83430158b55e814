// Which token scope a destination needs: invoices go through upload_document, archive documents
// through archive_actions. A missing scope holds only the files that need it.
import type { DestinationType, Scope } from '../../contract/domain.ts';

export function requiredScope(destination: DestinationType): Scope {
  return destination === 'purchase' || destination === 'sale'
    ? 'upload_document'
    : 'archive_actions';
}

export function destinationsNeeding(scope: Scope): DestinationType[] {
  if (scope === 'upload_document') return ['purchase', 'sale'];
  if (scope === 'archive_actions') return ['various', 'permanent'];
  return [];
}
