// The device's data rights and security, end to end: the PIN lock (first run,
// wrong PINs, the lock button, locking when left alone without losing a
// draft, a forgotten PIN), a subject access copy saved from the app, the
// audit trail naming who changed what, a coordinator erasing a resident
// everywhere, and a revoked phone wiping itself and saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startPreview, startRelay, openBrowser, ready, unlock, shot, audit, smallTargets, tempDir, connect, connectJson, coordinatorAndSupporter, PIN,
} from './helpers.mjs';

test('the PIN guards the app: first run, wrong PINs, lock button, idle lock that keeps a draft, forgotten PIN', async () => {
  const store = join(tempDir(), 'device.db');
  const app = await startPreview({ store, demo: true, lockAfter: 3 });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor();
    // Started with --demo: the first run offers the fictional caseload, ticked.
    assert.ok(await page.getByRole('checkbox', { name: /fictional demo caseload/ }).isChecked());
    await shot(page, '20-first-run');
    await audit(page, 'first-run');
    assert.deepEqual(await smallTargets(page), [], 'first-run: tap targets under 44 px');
    await page.getByLabel('Choose a PIN').fill(PIN);
    await page.getByLabel('The same PIN again').fill('135791');
    await page.getByRole('button', { name: 'Set up', exact: true }).click();
    await page.getByText('The two PINs are different').waitFor();
    assert.ok(!existsSync(store), 'nothing is stored until the PINs agree');
    await ready(page);
    assert.ok(existsSync(`${store}.key`), 'the store has its key file');
    assert.ok(!readFileSync(store).toString('latin1').includes('Doreen'), 'the store file holds no names in clear');

    // The lock button, then a wrong PIN.
    await page.getByRole('button', { name: /Lock/ }).click();
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor();
    assert.equal(await page.getByText(/Doreen/).filter({ visible: true }).count(), 0, 'nothing about residents shows while locked');
    await unlock(page, '000000');
    await page.getByRole('alert').getByText(/Wrong PIN/).waitFor();
    await shot(page, '21-wrong-pin');
    await audit(page, 'wrong-pin');
    assert.deepEqual(await smallTargets(page), [], 'wrong-pin: tap targets under 44 px');
    await unlock(page, PIN);
    await page.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();

    // Left alone mid-note: it locks, and the note is still there after the PIN.
    await page.getByRole('button', { name: /^Doreen/ }).click();
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('textbox', { name: 'What happened' }).fill('Half a note about the garden');
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor({ timeout: 10000 });
    await shot(page, '22-locked-when-idle');
    await audit(page, 'locked-when-idle');
    assert.deepEqual(await smallTargets(page), [], 'locked-when-idle: tap targets under 44 px');
    await unlock(page, PIN);
    await page.getByRole('textbox', { name: 'What happened' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'What happened' }).inputValue(), 'Half a note about the garden');

    // A new PIN, from Settings: the old one stops working.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Current PIN').fill(PIN);
    await page.getByLabel('New PIN (at least 6 characters)').fill('731946');
    await page.getByLabel('The same PIN again').fill('731946');
    await page.getByRole('button', { name: 'Change the PIN' }).click();
    await page.getByText('The PIN is changed').waitFor();
    await page.getByRole('button', { name: /Lock/ }).click();
    await unlock(page, PIN);
    await page.getByRole('alert').getByText(/Wrong PIN/).waitFor();
    await unlock(page, '731946');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();

    // A forgotten PIN: no bypass, only erasing this phone.
    await page.getByRole('button', { name: /Lock/ }).click();
    await page.getByRole('button', { name: 'Forgot your PIN?' }).click();
    await page.getByText('Your PIN cannot be recovered').waitFor();
    await shot(page, '23-forgot-pin');
    await audit(page, 'forgot-pin');
    assert.deepEqual(await smallTargets(page), [], 'forgot-pin: tap targets under 44 px');
    // Erasing needs ERASE typed: the button does nothing until then.
    assert.ok(await page.getByRole('button', { name: 'Erase this phone and start again' }).isDisabled());
    await page.getByLabel('To confirm, type ERASE').fill('erase');
    await page.getByRole('button', { name: 'Erase this phone and start again' }).click();
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor();
    assert.ok(!existsSync(store) && !existsSync(`${store}.key`), 'the store and its key are gone');
  } finally {
    await context.close();
    app.stop();
  }
});

test('a subject access copy, the audit trail, erasure by a coordinator and remote wipe of a revoked phone', async () => {
  const relay = await startRelay();
  const { chloeStore, amaraStore } = coordinatorAndSupporter(relay);
  const doreen = connect(amaraStore, 'resident', 'add', '--name', 'Doreen Audit');
  connect(amaraStore, 'offer', 'add', doreen, 'I make a good curry', '--by', 'resident');
  connect(amaraStore, 'note', 'add', doreen, 'Worried about the stairs', '--team-only');
  connect(amaraStore, 'sync');
  const lostStore = join(tempDir(), 'device.db');
  connect(lostStore, 'init', '--name', 'Lost phone');
  connect(lostStore, 'enrol', '--relay', relay.url, '--invite', connectJson(chloeStore, 'invite', '--name', 'Lost phone', '--role', 'supporter').code);

  const chloeApp = await startPreview({ store: chloeStore });
  const lostApp = await startPreview({ store: lostStore });
  const c = await openBrowser();
  const l = await openBrowser();
  try {
    await c.page.goto(chloeApp.url);
    await ready(c.page);
    await c.page.getByRole('button', { name: 'Send now' }).click();
    await c.page.getByRole('button', { name: /^Doreen Audit/ }).click();
    await c.page.getByRole('tab', { name: 'Their record' }).click();

    // Who changed what: Amara's changes are named from the relay's records.
    await c.page.getByRole('button', { name: 'Show the history' }).click();
    const offer = c.page.locator('.audit-list .item', { hasText: 'add offer' });
    await offer.waitFor();
    assert.match(await offer.textContent(), /Amara \(supporter\)/);
    assert.match(await offer.textContent(), /Reached the team/);
    await shot(c.page, '24-audit-trail');
    await audit(c.page, 'audit-trail');
    assert.deepEqual(await smallTargets(c.page), [], 'audit-trail: tap targets under 44 px');

    // A subject access copy: everything, team-only notes and who changed what included.
    await c.page.getByRole('button', { name: 'Prepare a copy' }).click();
    const [download] = await Promise.all([
      c.page.waitForEvent('download'),
      c.page.getByRole('link', { name: 'Save the readable copy' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^everything-held-about-doreen-audit-\d{4}-\d{2}-\d{2}\.html$/);
    const copy = readFileSync(await download.path(), 'utf8');
    for (const words of ['I make a good curry', 'Worried about the stairs', 'Who changed what', 'Amara (supporter)']) {
      assert.ok(copy.includes(words), `the copy holds "${words}"`);
    }
    const copyPage = await c.context.newPage();
    await copyPage.setContent(copy);
    await shot(copyPage, '25-subject-access-copy');
    await copyPage.close();

    // Erasure: typed confirmation, then gone here, on the relay, and from Amara's phone at her next sync.
    const erase = c.page.getByRole('button', { name: 'Erase everywhere' });
    assert.ok(await erase.isDisabled(), 'nothing is erased without the typed name');
    await c.page.getByLabel(/To confirm, type their name/).fill('Doreen Audit');
    await shot(c.page, '26-erase-confirm');
    await audit(c.page, 'erase-confirm');
    assert.deepEqual(await smallTargets(c.page), [], 'erase-confirm: tap targets under 44 px');
    await erase.click();
    await c.page.getByText(/was erased from the team and this phone/).waitFor();
    assert.equal(await c.page.getByRole('button', { name: /^Doreen Audit/ }).count(), 0);
    connect(amaraStore, 'sync');
    assert.equal(connectJson(amaraStore, 'resident', 'list').length, 0, "Amara's phone deleted Doreen at its sync");

    // Remote wipe: the coordinator revokes a phone; at its next contact it wipes itself and says so.
    const lostId = connectJson(lostStore, 'status').device_id;
    connect(chloeStore, 'revoke', lostId);
    // Unlocking syncs by itself, and that contact wipes it: no tap needed.
    await l.page.goto(lostApp.url);
    await ready(l.page, 'This phone was removed from the team');
    await shot(l.page, '27-wiped');
    await audit(l.page, 'wiped');
    assert.deepEqual(await smallTargets(l.page), [], 'wiped: tap targets under 44 px');
    assert.ok(!existsSync(lostStore) && !existsSync(`${lostStore}.key`), 'the store and its key are deleted');
  } finally {
    await c.context.close();
    await l.context.close();
    chloeApp.stop();
    lostApp.stop();
    await relay.stop().catch(() => {});
  }
});
