// The first steps of the split-preview e2e tests: a batch dropped on the Drop screen, for the
// first administration's purchases, with a split mode chosen there.
import type { Locator, Page } from 'playwright-core';
import type { Administration, SplitMode } from '../../../src-main/contract/domain.ts';

/**
 * Drops `batch` as `fileName` on the Drop screen, picks `administration` and purchase invoices,
 * and chooses `mode` under "Split scanned batches". Returns the list of the batch's documents
 * ("Documents in <fileName>"); its items appear once the preview is in.
 */
export async function dropBatchForPreview(
  page: Page,
  batch: Uint8Array,
  fileName: string,
  administration: Pick<Administration, 'companyNumber' | 'name'>,
  mode: SplitMode,
): Promise<Locator> {
  await page.getByRole('link', { name: 'Drop files' }).click();
  await page.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
  await page
    .getByTestId('drop-files-input')
    .setInputFiles([{ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from(batch) }]);
  await page.getByText('Ready to send').waitFor();
  const picker = page.getByRole('combobox', { name: 'Administration' });
  await picker.fill(administration.companyNumber.slice(1, 7));
  await page.getByRole('option', { name: new RegExp(administration.name) }).waitFor();
  await picker.press('Enter');
  await page.getByText('Purchase invoices', { exact: true }).click();
  await page.getByLabel('Split scanned batches').selectOption(mode);
  return page.getByRole('list', { name: `Documents in ${fileName}` });
}
