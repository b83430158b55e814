// The first steps of the Drop screen's e2e tests (split preview, combining): files dropped on the
// Drop screen for the first administration's purchases, and for a batch a split mode chosen there.
import type { Locator, Page } from 'playwright-core';
import type { Administration, SplitMode } from '../../../src-main/contract/domain.ts';

/** A file as the Drop screen's file input takes it. */
export interface DroppedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Drops `files` on the Drop screen, waits until each is checked, and picks `administration` and
 * purchase invoices.
 */
export async function dropForPurchases(
  page: Page,
  files: readonly DroppedFile[],
  administration: Pick<Administration, 'companyNumber' | 'name'>,
): Promise<void> {
  await page.getByRole('link', { name: 'Drop files' }).click();
  await page.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
  await page.getByTestId('drop-files-input').setInputFiles([...files]);
  await page
    .getByText('Ready to send')
    .nth(files.length - 1)
    .waitFor();
  const picker = page.getByRole('combobox', { name: 'Administration' });
  await picker.fill(administration.companyNumber.slice(1, 7));
  await page.getByRole('option', { name: new RegExp(administration.name) }).waitFor();
  await picker.press('Enter');
  await page.getByText('Purchase invoices', { exact: true }).click();
}

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
  await dropForPurchases(
    page,
    [{ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from(batch) }],
    administration,
  );
  await page.getByLabel('Split scanned batches').selectOption(mode);
  return page.getByRole('list', { name: `Documents in ${fileName}` });
}
