// Issue #14 finding 12: History's row of a file being uploaded shows its bytes sent with a bar,
// in Dutch, and fits 380×340 and 1280×800. The emulator holds the upload's answer (latencyMs)
// so the row stays `uploading` while the page is looked at; replacing the plan lets it go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { largePdfBytes } from '../../fixtures/generate-documents.ts';
import { launchChromium, openApp, signInThroughCore, startStack, goTo } from './browser-stack.ts';
import { layoutProblems } from './layout-checks.ts';

test('an uploading row shows "… van 15 MB" and a <progress> bar, fitting 380×340 (nl)', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    startStack(t, { apiTimeoutMs: 120_000 }),
  ]);
  await signInThroughCore(stack);
  await stack.engine.handlers['settings.update']({ language: 'nl' });
  const administration = seedData.administrations[0];
  assert.ok(administration);
  stack.emulator.setFaults({ latencyMs: 600_000, appliesTo: 'uploads' });
  t.after(() => stack.emulator.setFaults({}));
  const file = path.join(stack.workDir, 'Aankoopfactuur 2026-118 Brouwerij De Ranke BV.pdf');
  await writeFile(file, largePdfBytes(15 * 1024 * 1024));

  // The page listens before the file goes: the bytes are told while they go, never after.
  const { page } = await openApp(browser, stack);
  await goTo(page, '#/history');
  await stack.engine.handlers['drop.send']({
    paths: [file],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const found: string[] = [];
  for (const size of [
    { width: 380, height: 340 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await goTo(page, '#/history');
    const line = page.locator('.history-row .upload-progress');
    await line.waitFor();
    assert.match(
      (await line.locator('.upload-progress-text').textContent()) ?? '',
      /^\d+(,\d)?\s?[kM]B van 15\s?MB$/u,
    );
    assert.equal(await line.locator('progress').count(), 1);
    for (const problem of await layoutProblems(page, { mainInView: true }))
      found.push(
        `${size.width}×${size.height}: ${problem.kind}: ${problem.where} (${problem.detail})`,
      );
  }
  assert.deepEqual(found, []);
});
