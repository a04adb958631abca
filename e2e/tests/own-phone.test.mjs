// A resident's own phone: enrolled with a resident invite, it opens on that
// resident's own screens only (their page, circle, shared journal,
// check-ins, story and "Everything on this phone about me"), and nothing
// about another resident or from team-only notes ever reaches it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, startRelay, openBrowser, ready, unlock, shot, audit, smallTargets, connect, connectJson, coordinatorAndSupporter, PHONE } from './helpers.mjs';

test("a phone enrolled with a resident's invite shows only that resident's own screens", async () => {
  const relay = await startRelay();
  const { chloeStore } = coordinatorAndSupporter(relay);
  const doreen = connect(chloeStore, 'resident', 'add', '--name', 'Doreen');
  connect(chloeStore, 'offer', 'add', doreen, 'I make a good curry', '--by', 'resident');
  connect(chloeStore, 'note', 'add', doreen, 'First visit: tea and a chat');
  connect(chloeStore, 'note', 'add', doreen, 'Worried about the stairs', '--team-only');
  const kwame = connect(chloeStore, 'resident', 'add', '--name', 'Kwame');
  connect(chloeStore, 'offer', 'add', kwame, 'Plays the piano');
  connect(chloeStore, 'sync');
  const code = connectJson(chloeStore, 'invite', '--name', 'Doreen', '--role', 'resident', '--resident', doreen).code;

  const app = await startPreview({ name: 'Doreen' });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page, 'Caseload', { name: 'Doreen' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: "Your team's address" }).fill(relay.url);
    await page.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await page.getByRole('button', { name: 'Join your team' }).click();
    // Enrolled, the phone syncs at once and opens on her page.
    try {
      await page.getByRole('heading', { name: /My page: Doreen/ }).waitFor({ timeout: 10000 });
    } finally {
      await shot(page, '29-own-phone-after-enrolment');
    }
    await page.getByText('I make a good curry', { exact: true }).waitFor();
    await shot(page, '30-own-phone-page');
    // Her own words start under the status and her five parts (all shown,
    // in two rows), well above the middle of the screen; the rarer parts
    // ("Everything on this phone about me", "This phone") come after them.
    const top = await page.getByText('This is your page.', { exact: false }).first().evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top < PHONE.height * 0.4, `her page starts ${top} px down`);
    const more = await page.getByRole('button', { name: 'This phone', exact: true }).boundingBox();
    assert.ok(more.y > top, 'the rarer parts come after her page');
    assert.deepEqual(await smallTargets(page), [], 'own phone: tap targets under 44 px');

    assert.equal(await page.getByRole('button', { name: 'Caseload', exact: true }).count(), 0, 'no caseload');
    assert.equal(await page.getByRole('button', { name: 'Give the phone back' }).count(), 0, 'the phone is hers');
    await page.getByRole('button', { name: 'Notes from visits' }).click();
    await page.getByText('First visit: tea and a chat').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Add a note' }).count(), 0, 'she reads the journal');
    await shot(page, '31-own-phone-journal');
    await page.getByRole('button', { name: 'Circle of care' }).click();
    await page.getByRole('button', { name: 'Everything on this phone about me' }).click();
    await page.getByRole('heading', { name: 'Everything this phone holds about you' }).waitFor();
    // The readable copy, on the screen: hers, and nothing the team keeps to itself.
    await page.getByRole('button', { name: 'Show it here' }).click();
    assert.equal(await page.locator('iframe.readable-copy').getAttribute('sandbox'), '', 'the copy runs nothing');
    const copy = page.frameLocator('iframe.readable-copy');
    await copy.getByText('I make a good curry').first().waitFor();
    const copyText = await copy.locator('body').innerText();
    assert.ok(copyText.includes('First visit: tea and a chat'), 'the shared journal is in it');
    for (const never of ['Worried about the stairs', 'Kwame']) assert.ok(!copyText.includes(never), `${never} is not in her copy`);
    assert.ok(!copyText.includes('notes the team keeps'), 'and it does not claim to hold them');
    await page.getByRole('button', { name: 'Show the history' }).click();
    await page.locator('.audit-list .item').first().waitFor();
    await shot(page, '32-own-phone-everything-about-me');

    // "This phone": she can lock it, change its PIN and see its space.
    await page.getByRole('button', { name: 'This phone', exact: true }).click();
    await page.getByRole('heading', { name: 'Change the PIN' }).waitFor();
    await audit(page, 'own phone: this phone');
    assert.deepEqual(await smallTargets(page), [], 'own phone, this phone: tap targets under 44 px');
    await shot(page, '32b-own-phone-this-phone');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor();
    await unlock(page);
    await page.getByRole('heading', { name: /My page: Doreen/ }).waitFor();

    // After a reload (and the PIN), still only hers.
    await page.reload();
    await ready(page, /My page: Doreen/);
    const text = await page.locator('body').innerText();
    for (const never of ['Kwame', 'Plays the piano', 'Worried about the stairs']) {
      assert.ok(!text.includes(never), `${never} never reaches her phone`);
    }
  } finally {
    await context.close();
    app.stop();
    relay.stop();
  }
});
