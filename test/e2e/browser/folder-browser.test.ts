// Browser mode's folder picker (issue #14 finding 6), in Chromium against the real core, bridge
// and emulator: "Choose…" on the Add-folder form opens a folder browser that core serves
// (`folders.browse`), walked with the keyboard alone, in nl, fr and en, at 640×420 with nothing
// wider than the window, cut off or in another language. Core lists only under the home folder
// and the mounted drives: a path outside them, `..` out of them and a link out of them are
// refused, and the bridge refuses the channel without its session like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../src-main/contract/api-contract.ts';
import type { BrowseRootsSource } from '../../../src-main/core/folders/folder-browser.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { assertAccessible, screenshotBothThemes } from './page-checks.ts';
import { foreignWordsOnScreen, layoutProblems, LANGUAGES, type Language } from './layout-checks.ts';

const WORDS: Record<
  Language,
  { folders: string; add: string; path: string; choose: string; pick: string }
> = {
  en: {
    folders: 'Folders',
    add: 'Add a folder',
    path: 'Folder',
    choose: 'Choose…',
    pick: 'Choose this folder',
  },
  nl: {
    folders: 'Mappen',
    add: 'Map toevoegen',
    path: 'Map',
    choose: 'Kiezen…',
    pick: 'Deze map kiezen',
  },
  fr: {
    folders: 'Dossiers',
    add: 'Ajouter un dossier',
    path: 'Dossier',
    choose: 'Choisir…',
    pick: 'Choisir ce dossier',
  },
};

test('Add folder in browser mode: a folder browser walked by keyboard, in nl, fr and en, at 640×420', async (t) => {
  // The roots are made inside the stack's scratch folder, so core gets them once it exists.
  const roots: BrowseRootsSource = { home: '', mountParents: [], platform: 'linux' };
  const [browser, stack] = await Promise.all([
    launchChromium(t),
    startStack(t, { browseRoots: roots }),
  ]);
  const home = path.join(stack.workDir, 'home', 'anna');
  const media = path.join(stack.workDir, 'media', 'anna');
  const outside = path.join(stack.workDir, 'elsewhere');
  for (const folder of [
    path.join(home, 'Scans', '2026'),
    path.join(home, 'Documenten'),
    path.join(home, '.cache'),
    path.join(media, 'USB-STICK', 'Facturen'),
    outside,
  ]) {
    await mkdir(folder, { recursive: true });
  }
  await symlink(outside, path.join(home, 'uitweg'));
  roots.home = home;
  roots.mountParents = [media];
  await signInThroughCore(stack);

  // Core: only under the roots, judged on real paths.
  const listing = await stack.engine.handlers['folders.browse']({ path: home });
  assert.deepEqual(
    listing.folders.map((folder) => folder.name),
    ['Documenten', 'Scans', 'uitweg'],
    'hidden folders left out, sorted',
  );
  assert.deepEqual(listing.roots, [
    { path: home, kind: 'home' },
    { path: path.join(media, 'USB-STICK'), kind: 'drive' },
  ]);
  assert.equal(listing.parent, null, 'the home folder is a root: nothing above it');
  for (const refused of [
    outside,
    path.join(home, '..', '..', 'elsewhere'),
    path.join(home, 'uitweg'),
    '/',
  ]) {
    await assert.rejects(
      stack.engine.handlers['folders.browse']({ path: refused }),
      (error: unknown) =>
        error instanceof ApiError &&
        error.code === 'invalid_request' &&
        error.userMessage.code === 'folder_browse_outside',
      refused,
    );
  }
  await assert.rejects(
    stack.engine.handlers['folders.browse']({ path: 'Scans' }),
    (error: unknown) =>
      error instanceof ApiError && error.userMessage.code === 'folder_browse_not_absolute',
  );

  // The bridge: the channel without the page's session is refused like every other.
  const origin = new URL(stack.bridge.newLink()).origin;
  const unauthorised = await fetch(`${origin}/api/invoke/folders.browse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ path: home }),
  });
  assert.ok([401, 403].includes(unauthorised.status), `refused: ${unauthorised.status}`);
  assert.doesNotMatch(await unauthorised.text(), /Documenten/);

  for (const language of LANGUAGES) {
    await stack.engine.handlers['settings.update']({ language });
    const words = WORDS[language];
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    await page.setViewportSize({ width: 640, height: 420 });
    await page.getByRole('link', { name: words.folders }).first().click();
    await page.getByRole('button', { name: words.add }).first().click();
    await page.getByRole('button', { name: words.choose }).click();
    const dialog = page.getByRole('dialog');
    const list = dialog.getByRole('listbox');
    await list.getByRole('option', { name: 'Scans' }).waitFor();

    // Keyboard only: down to Scans, open it, up again (Scans stays highlighted), open, open 2026.
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await list.getByRole('option', { name: '2026' }).waitFor();
    await page.keyboard.press('Backspace');
    await list.getByRole('option', { name: 'Scans', selected: true }).waitFor();
    await page.keyboard.press('ArrowRight');
    await list.getByRole('option', { name: '2026', selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await dialog
      .locator('.folder-browser-path', { hasText: path.join(home, 'Scans', '2026') })
      .waitFor();

    const problems = await layoutProblems(page);
    assert.deepEqual(problems, [], `${language}: the folder browser at 640×420`);
    const pick = dialog.getByRole('button', { name: words.pick });
    const box = await pick.boundingBox();
    assert.ok(box !== null && box.y + box.height <= 420, `${language}: "${words.pick}" in view`);
    assert.deepEqual(
      await foreignWordsOnScreen(page, language),
      [],
      `${language}: only ${language}`,
    );
    if (language === 'en') {
      await assertAccessible(page, 'the folder browser');
      await screenshotBothThemes(page, 'folder-browser');
    }

    // A link out of the roots is listed (it names a folder) but not opened.
    await page.keyboard.press('Backspace');
    await list.getByRole('option', { name: '2026', selected: true }).waitFor();
    await page.keyboard.press('Backspace');
    await list.getByRole('option', { name: 'uitweg' }).click();
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').waitFor();

    await list.getByRole('option', { name: 'Scans' }).click();
    await page.keyboard.press('Enter');
    await list.getByRole('option', { name: '2026', selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.locator('.folder-browser-path', { hasText: '2026' }).waitFor();
    await pick.click();
    await dialog.waitFor({ state: 'detached' });
    const input = page.getByRole('textbox', { name: words.path, exact: true });
    assert.equal(await input.inputValue(), path.join(home, 'Scans', '2026'));
    await context.close();
  }
});
