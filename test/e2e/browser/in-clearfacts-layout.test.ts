// After the upload (issue #16) at every window size and in every language: History with an
// invoice in each state Clearfacts can report (received, processed and unpaid, paid, no longer
// known, not answered) and an archive document with its category, and the Administrations
// screen with its unpaid count, while the follow-up is paused for a missing scope. Nothing wider
// than the window, nothing cut off, the list in view, and only the chosen language on screen,
// the line naming the missing scope included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { launchChromium, openApp, signInThroughCore, startStack, goTo } from './browser-stack.ts';
import {
  foreignWordsOnScreen,
  LANGUAGES,
  LAYOUT_SIZES,
  layoutProblems,
  SCREEN_WORDS,
} from './layout-checks.ts';
import { createWaitList } from '../../support/waiting.ts';

test('History and Administrations show every Clearfacts state and the paused line at every size and language', async (t) => {
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    startStack(t, {
      emulator: { documentLifecycle: { processAfterMs: null } },
      followUpSpacingMs: 50,
    }),
  ]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const names = ['verwerkt', 'betaald', 'verwijderd', 'onbeantwoord', 'ontvangen'].map(
    (word) => `Aankoopfactuur 2026-118 Brouwerij De Ranke BV ${word}.pdf`,
  );
  const files = await Promise.all(
    names.map(async (name, index) => {
      const file = path.join(stack.workDir, name);
      await writeFile(file, await pdfBytes(index + 1, { label: name }));
      return file;
    }),
  );
  await stack.engine.handlers['drop.send']({
    paths: files,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const categories = await stack.engine.handlers['administrations.categories']({
    companyNumber: administration.companyNumber,
  });
  const category = categories.various[0];
  assert.ok(category);
  const archive = path.join(stack.workDir, 'Verzekeringspolis brand en diefstal 2026.pdf');
  await writeFile(archive, await pdfBytes(1, { label: 'polis' }));
  await stack.engine.handlers['drop.send']({
    paths: [archive],
    companyNumber: administration.companyNumber,
    destination: { type: 'various', categoryId: category.id },
  });
  await stack.engine.whenIdle();

  const { rows } = await stack.engine.handlers['history.query']({
    filter: {},
    offset: 0,
    limit: 50,
  });
  const uuidOf = (name: string) => {
    const row = rows.find((entry) => entry.fileName === name);
    assert.ok(row?.uuid, `${name} was delivered`);
    return { id: row.id, uuid: row.uuid };
  };
  const [processed, paid, forgotten, unanswered, received] = names.map(uuidOf);
  assert.ok(processed && paid && forgotten && unanswered && received);
  stack.emulator.setDocumentStage({ uuid: processed.uuid, stage: 'processed', date: '2026-02-27' });
  stack.emulator.setDocumentStage({ uuid: paid.uuid, stage: 'paid', date: '2026-02-26' });
  stack.emulator.forgetDocument(forgotten.uuid);
  stack.emulator.failDocument(unanswered.uuid);
  for (const { id } of [processed, paid, forgotten, unanswered, received])
    await stack.engine.handlers['followUp.checkNow']({ id });
  const waits = createWaitList({ recheckMs: 50 });
  // Each of the five asked about (the emulator notes a lookup as it answers it).
  await waits.until('the follow-up to ask about the five invoices', () =>
    new Set(stack.emulator.documentRequests().flatMap((request) => request.ids)).size >= 5
      ? true
      : undefined,
  );

  // A token without the scope document(id) needs: the next check pauses the follow-up (each
  // screen below waits for the line that names the scope).
  await stack.engine.handlers['session.signIn']({
    token: stack.emulator.addToken(['read_administrations', 'archive_read', 'archive_actions']),
  });
  await stack.engine.handlers['followUp.checkNow']({ id: received.id });

  const found: string[] = [];
  for (const language of LANGUAGES) {
    await stack.engine.handlers['settings.update']({ language });
    const words = SCREEN_WORDS[language];
    const { page, context } = await openApp(browser, stack);
    for (const screen of [
      { hash: '#/history', title: words.history.title },
      {
        hash: `#/administrations/${administration.companyNumber}`,
        title: words.administrations.title,
      },
    ]) {
      for (const size of LAYOUT_SIZES) {
        await page.setViewportSize(size);
        await goTo(page, screen.hash);
        await page.getByRole('heading', { level: 1, name: screen.title, exact: true }).waitFor();
        await page.locator('[data-follow-up="paused_scope"]').waitFor();
        const where = `${language} ${screen.hash} at ${size.width}×${size.height}`;
        const problems = await layoutProblems(page, { mainInView: true });
        for (const problem of problems)
          found.push(`${where}: ${problem.kind}: ${problem.where} (${problem.detail})`);
        if (screen.hash === '#/history') {
          // Each visible row's state in Clearfacts can be read whole: an ellipsis may cut the
          // file's name (its tooltip has it), not the answer the column exists for, unless the
          // state already has the row's whole width (the longest ones at 300 px).
          const cut = await page.locator('.history-row .cf-status').evaluateAll((cells) =>
            cells
              .filter((cell) => cell.getBoundingClientRect().height > 0)
              .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
              .filter((cell) => {
                const main = cell.closest('.history-main');
                return main === null || cell.offsetWidth < main.clientWidth - 1;
              })
              .map(
                (cell) => `"${cell.textContent}" (${cell.clientWidth} of ${cell.scrollWidth} px)`,
              ),
          );
          if (cut.length > 0) found.push(`${where}: Clearfacts state cut: ${cut.join(' | ')}`);
          const below = await page.locator('.history-row .cf-status').evaluateAll((cells) =>
            cells
              .filter((cell) => {
                const row = cell.closest('.history-row');
                return (
                  row !== null &&
                  cell.getBoundingClientRect().bottom > row.getBoundingClientRect().bottom + 1
                );
              })
              .map((cell) => `"${cell.textContent}"`),
          );
          if (below.length > 0) found.push(`${where}: state below its row: ${below.join(' | ')}`);
        }
        const foreign = await foreignWordsOnScreen(page, language);
        if (foreign.length > 0) found.push(`${where}: other language: ${foreign.join(' | ')}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});
