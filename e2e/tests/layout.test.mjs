// Phone first, at 390 × 844: a resident's own content starts in the top third
// of the screen, the sync chip is always in view, the main navigation sits
// within thumb reach at the bottom, and every tap target is at least 44 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, openBrowser, ready, shot, smallTargets, PHONE } from './helpers.mjs';

test('at phone size the content comes first, the sync chip stays in view and every target is big enough', async () => {
  const app = await startPreview({ demo: true });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await shot(page, '20-layout-caseload');
    assert.deepEqual(await smallTargets(page), [], 'caseload');

    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    assert.ok(nav.y + nav.height >= PHONE.height - 2 && nav.y > PHONE.height * 0.8, `the main navigation is at the bottom (${JSON.stringify(nav)})`);

    await page.getByRole('button', { name: /^Doreen/ }).click();
    const first = page.locator('#tab-panel .page-section').first();
    await first.waitFor();
    const box = await first.boundingBox();
    await page.screenshot({ path: 'screenshots/21-layout-resident-viewport.png' });
    // Every one of the six tabs shows (two rows at 390 px), under the status
    // and, here, the demo banner: her content follows them at once, well
    // above the middle of the screen.
    assert.ok(box.y < PHONE.height * 0.45, `Doreen's own content starts at ${Math.round(box.y)} px, below 45% of the screen (${PHONE.height * 0.45} px)`);
    assert.deepEqual(await smallTargets(page), [], 'resident page');

    // Scrolled far down, the sync chip is still on screen.
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(200);
    const chip = await page.locator('.sync-chip').boundingBox();
    assert.ok(chip && chip.y >= 0 && chip.y < 120, `the sync chip stays in view (${JSON.stringify(chip)})`);
    await page.screenshot({ path: 'screenshots/22-layout-scrolled.png' });

    for (const name of ['Team', 'Settings']) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('heading', { name, exact: true }).first().waitFor();
      assert.deepEqual(await smallTargets(page), [], name);
    }
    await shot(page, '23-layout-settings');
  } finally {
    await context.close();
    app.stop();
  }
});
