// "Hand to resident": the resident sees only their own page, large and plain,
// adds things in their own words, and cannot reach anyone else, even by reloading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready, shot, openDemoCaseload } from './helpers.mjs';

test('a resident-mode session shows only that resident and cannot reach another', async () => {
  const { app, context, page } = await openDemoCaseload();
  try {
    await shot(page, '06-caseload-demo');
    const names = await page.locator('.row-name').allTextContents();
    assert.ok(names.length >= 24, `demo caseload has ${names.length} residents`);
    await page.getByRole('button', { name: /^Doreen/ }).click();
    // Her ask, linked to a place from the team directory that shares its words.
    await page.getByRole('button', { name: /Find a place or helper.*Finding a lunch club/ }).click();
    await page.getByText(/Becontree lunch club \(.*lunch.*\)/).waitFor();
    await page.getByRole('button', { name: /^Link\s*Becontree lunch club/ }).click();
    await page.locator('.ask-links').getByText('Becontree lunch club').first().waitFor();
    await page.getByText('Could help:').waitFor();
    await shot(page, '09b-ask-linked-to-a-place');
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    await page.getByRole('heading', { name: /My page: Doreen/ }).waitFor();

    for (const other of names.filter((n) => n !== 'Doreen')) {
      assert.equal(await page.getByText(other, { exact: true }).count(), 0, `${other} is not visible`);
    }
    assert.equal(await page.getByRole('button', { name: 'Caseload', exact: true }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Back$/ }).count(), 0);
    assert.equal(await page.getByRole('tab').count(), 0, 'no journal or circle tabs for the resident');

    await page.getByRole('button', { name: '+ Something I can offer' }).click();
    await page.getByRole('textbox', { name: 'Something I can offer' }).fill('I can teach chess');
    await page.getByRole('form', { name: 'Something I can offer' }).getByRole('button', { name: 'Add', exact: true }).click();
    const mine = page.locator('.item', { hasText: 'I can teach chess' });
    await mine.waitFor();
    assert.match(await mine.textContent(), /In my words/);
    await shot(page, '07-resident-mode');

    // Reloading does not escape resident mode: it locks, and even the
    // supporter's PIN opens only Doreen's own page again.
    await page.reload();
    await page.getByRole('heading', { name: /^Please give this phone back to / }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Forgot your PIN/ }).count(), 0, 'nothing to erase from her hands');
    for (const other of names.filter((n) => n !== 'Doreen')) {
      assert.equal(await page.getByText(other, { exact: true }).count(), 0, `${other} is not visible when locked`);
    }
    await ready(page, 'My page: Doreen');
    assert.equal(await page.getByRole('button', { name: 'Caseload', exact: true }).count(), 0);

    await page.getByLabel('Language').selectOption('ro');
    await page.getByRole('heading', { name: /Pagina mea: Doreen/ }).waitFor();
    await shot(page, '08-resident-mode-romanian');

    await page.getByRole('button', { name: /Dă telefonul înapoi|Give the phone back/ }).click();
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor();
    await ready(page, 'Doreen');
    await page.getByRole('button', { name: 'Hand to resident' }).waitFor();
  } finally {
    await context.close();
    app.stop();
  }
});
