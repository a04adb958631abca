// A supporter on a visit: adds a resident, offers, asks, a person on the
// circle and notes; reloads and finds everything still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, openBrowser, ready, shot } from './helpers.mjs';

test('a supporter adds a resident, offers, asks and a person, and finds them after a reload', async () => {
  const app = await startPreview({ name: 'Amara' });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await shot(page, '01-caseload-empty');
    assert.ok(await page.getByText('Saved on this phone').isVisible());

    await page.getByRole('textbox', { name: /Add a resident/ }).fill('Doreen Test');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: 'Doreen Test' }).waitFor();

    await page.getByRole('button', { name: '+ A new offer' }).click();
    // The field is focused as the form opens: the keyboard is already up.
    const offer = page.getByRole('textbox', { name: 'A new offer' });
    await offer.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'add-a-new-offer');
    await offer.fill('I make a good curry');
    const offerForm = page.getByRole('form', { name: 'A new offer' });
    await offerForm.getByLabel('Kind of help').selectOption('caring');
    await offerForm.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.item-text', { hasText: 'I make a good curry' }).waitFor();

    await page.getByRole('button', { name: '+ A new ask' }).click();
    await page.getByRole('textbox', { name: 'A new ask' }).fill('A ramp for the front step');
    await page.getByRole('form', { name: 'A new ask' }).getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.item-text', { hasText: 'A ramp for the front step' }).waitFor();
    await shot(page, '02-resident-page');

    // Hide an offer, then undo.
    await page.getByRole('button', { name: /Hide.*I make a good curry/ }).click();
    await page.getByText('Hidden. It is kept').waitFor();
    await page.locator('.item-text', { hasText: 'I make a good curry' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.item-text', { hasText: 'I make a good curry' }).waitFor();

    // Mark the ask met.
    await page.getByRole('button', { name: 'Mark met' }).click();
    await page.locator('.tag', { hasText: 'Met' }).waitFor();

    await page.getByRole('tab', { name: 'Circle of care' }).click();
    await page.getByRole('button', { name: '+ Add someone to the circle' }).click();
    await page.getByRole('textbox', { name: 'Their name' }).fill('Jean');
    await page.getByRole('textbox', { name: /How they know each other/ }).fill('neighbour');
    await page.getByRole('combobox', { name: 'Ring', exact: true }).selectOption('friendship');
    await page.getByLabel('Support goes both ways').check();
    await page.getByRole('form', { name: 'Add someone to the circle' }).getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.item-text', { hasText: 'Jean' }).waitFor();
    await shot(page, '03-circle');

    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('textbox', { name: 'What happened' }).fill('Tea and a chat about the garden');
    // Who may read it is asked every time: there is no default to forget.
    await page.getByRole('button', { name: 'Save the note', exact: true }).click();
    await page.getByText('Choose who can see it first.').waitFor();
    await page.getByRole('button', { name: 'They and the team' }).click();
    await page.getByRole('button', { name: 'Save the note', exact: true }).click();
    await page.locator('.item-text', { hasText: 'Tea and a chat' }).waitFor();
    // "Not today" asks why before anything is recorded, and can be undone.
    await page.getByRole('button', { name: 'Not today' }).click();
    await page.getByRole('group', { name: 'Why was there no visit?' }).waitFor();
    await page.getByRole('button', { name: 'They were out' }).click();
    await page.getByText('Recorded: no visit today.').waitFor();
    await page.locator('.tag', { hasText: 'They were out' }).waitFor();
    await shot(page, '04-journal');

    // Reload: a new session reads everything back from the store.
    await page.reload();
    await ready(page);
    await page.locator('.sync-chip').getByText(/not sent yet \(\d+\)/).waitFor();
    await page.getByText('Only on this phone').first().waitFor();
    await page.getByRole('button', { name: /Doreen Test/ }).click();
    await page.locator('.item-text', { hasText: 'I make a good curry' }).waitFor();
    await page.locator('.item-text', { hasText: 'A ramp for the front step' }).waitFor();
    assert.ok(await page.getByText('Added by Amara').first().isVisible());
    await page.getByRole('tab', { name: 'Circle of care' }).click();
    await page.locator('.item-text', { hasText: 'Jean' }).waitFor();
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.locator('.item-text', { hasText: 'Tea and a chat' }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await shot(page, '05-settings');
  } finally {
    await context.close();
    app.stop();
  }
});
