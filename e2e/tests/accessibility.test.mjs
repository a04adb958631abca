// axe-core audit of every main screen: no serious or critical violations.
// Also checks the layout holds at 200% text size and that keyboard focus is visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, openBrowser, ready, shot, audit } from './helpers.mjs';

test('every main screen passes an axe-core audit with no serious or critical violations', async () => {
  const app = await startPreview({ demo: true });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await audit(page, 'caseload');
    await page.getByRole('button', { name: /^Doreen/ }).click();
    await page.getByRole('heading', { name: 'Doreen' }).waitFor();
    await audit(page, 'resident page');
    await page.getByRole('button', { name: '+ A new offer' }).click();
    await audit(page, 'add offer form');
    await page.getByRole('tab', { name: 'Circle of care' }).click();
    await page.locator('.circle-map').first().waitFor();
    await audit(page, 'circle');
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('textbox', { name: 'What happened' }).waitFor();
    await audit(page, 'journal');
    await page.getByRole('tab', { name: 'Check-ins' }).click();
    await page.getByRole('button', { name: 'Start a check-in' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: 'How often do you feel lonely?' }).waitFor();
    await audit(page, 'check-in question');
    await page.getByRole('tab', { name: 'Story' }).click();
    await page.getByRole('heading', { name: 'Who can read my story?' }).waitFor();
    await audit(page, 'story');
    await page.getByRole('tab', { name: 'Circle of care' }).click();
    await page.getByRole('heading', { name: 'How the circle has changed' }).waitFor();
    await audit(page, 'circle over time');
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('heading', { name: 'Team', exact: true }).waitFor();
    await audit(page, 'matches');
    await page.getByRole('tab', { name: 'Places' }).click();
    await page.getByRole('heading', { name: 'Team', exact: true }).waitFor();
    await audit(page, 'places');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await audit(page, 'settings');
    await page.getByRole('button', { name: 'Caseload', exact: true }).click();
    await page.getByRole('button', { name: /^Doreen/ }).click();
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    await page.getByRole('heading', { name: /My page/ }).waitFor();
    await audit(page, 'resident mode');
    await page.getByRole('button', { name: 'Give the phone back' }).click();
    // Back in the supporter's hands only with the supporter's PIN.
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor();
    await audit(page, 'lock screen');
    await ready(page, 'Doreen');
    await page.getByRole('button', { name: 'Hand to resident' }).waitFor();
    await page.getByRole('tab', { name: 'Their record' }).click();
    await page.getByRole('button', { name: 'Show the history' }).click();
    await page.locator('.audit-list .item').first().waitFor();
    await audit(page, 'record');
  } finally {
    await context.close();
    app.stop();
  }
});

test('the screens work at 200% text size and with the keyboard alone', async () => {
  const app = await startPreview({ demo: true });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    // As a person would: scroll until her row is in the middle, clear of the
    // bars that stay on screen, then tap it.
    const doreen = page.getByRole('button', { name: /^Doreen/ });
    await doreen.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await doreen.click();
    await page.getByRole('heading', { name: 'Doreen' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 200% text (overflow ${overflow}px)`);
    await shot(page, '09-resident-200-percent');

    // Keyboard only: tab to "Hand to resident" and press Enter.
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: /^Abdul/ }).waitFor();
    // The skip link, then the sync chip's button, then the main navigation.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Send now');
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /Caseload$/);
    // Past Today's few links and buttons (three to a list), to the caseload.
    for (let i = 0; i < 80; i++) {
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text.startsWith('Abdul')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Abdul' }).waitFor();
    const outline = await page.evaluate(() => {
      const el = document.querySelector('.tab');
      el.focus();
      return getComputedStyle(el).outlineStyle;
    });
    assert.notEqual(outline, 'none', 'focus is visible');
  } finally {
    await context.close();
    app.stop();
  }
});
