// The installable web app, served by the relay from target/web: set up once
// online, then it opens and works with no network, keeps everything in OPFS
// encrypted, and "Forgot your PIN?" leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startRelay, openBrowser, fakeCamera, ready, unlock, shot, audit, smallTargets, connect, connectJson, coordinatorAndSupporter, addResident, addOffer } from './helpers.mjs';

/** Every OPFS file's bytes, read back through the page, as one string per file. */
async function opfsFiles(page) {
  return page.evaluate(async () => {
    const out = {};
    async function walk(dir, path) {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle, `${path}${name}/`);
        else {
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          out[`${path}${name}`] = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
        }
      }
    }
    await walk(await navigator.storage.getDirectory(), '');
    return out;
  });
}

test('the web app opens offline, keeps its words encrypted in OPFS, and forgets everything on request', async () => {
  const relay = await startRelay({ app: true });
  const { context, page } = await openBrowser();
  try {
    // 1. First visit, online: set up with a name and a PIN typed twice.
    await page.goto(relay.url);
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 15000 });
    assert.equal(await page.getByRole('checkbox').count(), 0, 'a real phone is not offered made-up residents');
    await ready(page, 'Caseload', { name: 'Amara' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    // "Skip to content" goes to the screens' own <main>: its id is not the mount point's too.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[id="main"]')].map((e) => e.tagName)), ['MAIN']);
    // Headless Chromium will not keep the storage: the page says so once.
    const notice = page.locator('#app-notice');
    await notice.getByText('This browser may clear its records when space runs low: sync often.').waitFor();
    await shot(page, 'web-caseload-empty');
    await audit(page, 'web caseload');
    assert.deepEqual(await smallTargets(page), [], 'web caseload with the storage notice: tap targets under 44 px');
    await notice.getByRole('button', { name: 'Got it' }).click();
    assert.ok(await notice.isHidden(), '"Got it" puts the notice away');

    // 2. Offline, reload: the app opens from the service worker's cache, and the PIN opens it.
    await context.setOffline(true);
    const reloaded = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor({ timeout: 15000 });
    const toLock = Date.now() - reloaded;
    await shot(page, 'web-lock-offline');
    await audit(page, 'web lock screen');
    // A wrong PIN is refused and counted in the key file in OPFS.
    await unlock(page, '000000');
    await page.getByRole('alert').getByText(/Wrong PIN/).waitFor();
    await page.reload();
    await page.getByText(/1 wrong/i).first().waitFor({ timeout: 15000 });
    await unlock(page);
    await page.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();
    // The storage is still not kept, and the notice, once read, stays away
    // (Settings still says it: see the enrolment test).
    assert.equal(await page.evaluate(() => navigator.storage.persisted()), false);
    assert.ok(await notice.isHidden(), 'the storage notice does not come back on every page');

    // 3. Still offline: add a resident and an offer; close, reopen offline, unlock: both there.
    await addResident(page, 'Quillfeather Doreen');
    await addOffer(page, 'I can teach origami');
    await shot(page, 'web-resident-offline');
    await page.close();
    const again = await context.newPage();
    await again.goto(relay.url);
    await again.getByRole('heading', { name: 'Enter your PIN' }).waitFor({ timeout: 15000 });
    const unlocking = Date.now();
    await unlock(again);
    await again.getByText('Quillfeather Doreen').first().waitFor();
    const unlockMs = Date.now() - unlocking;
    // Opening a resident's page: click to heading, from the worker's store.
    const opens = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      await again.getByText('Quillfeather Doreen').first().click();
      await again.getByText('I can teach origami').first().waitFor();
      opens.push(Date.now() - started);
      // The app's Back button, and the phone's Back gesture, both stay in the app.
      if (i % 2 === 0) await again.getByRole('button', { name: 'Back' }).click();
      else await again.goBack();
      await again.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();
    }
    opens.sort((a, b) => a - b);
    await again.getByText('Quillfeather Doreen').first().click();
    await again.getByText('I can teach origami').first().waitFor();

    // A second tab cannot hold the store's files while this one does, and says what to do.
    const second = await context.newPage();
    await second.goto(relay.url);
    await second.getByRole('heading', { name: 'Enter your PIN' }).waitFor({ timeout: 15000 });
    await second.getByText(/If it is open in another tab or window, close that one and reload this page\. Nothing is lost\./).first().waitFor({ timeout: 15000 });
    assert.equal(await second.getByRole('button', { name: 'Forgot your PIN?' }).count(), 0, 'nothing to erase in a tab that holds nothing');
    await shot(second, 'web-second-tab');
    await second.close();
    await again.getByText('I can teach origami').first().waitFor();

    // 4. No OPFS file holds a word typed.
    const files = await opfsFiles(again);
    assert.ok(Object.keys(files).length > 0, 'the store is in OPFS');
    for (const [name, text] of Object.entries(files)) {
      for (const word of ['Quillfeather', 'origami', 'Amara']) {
        assert.ok(!text.includes(word), `${name} holds "${word}" in clear`);
      }
    }
    // Nor do the other stores a page can use.
    const elsewhere = await again.evaluate(async () => {
      const cached = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
      }
      return { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), cached };
    });
    for (const word of ['Quillfeather', 'origami']) {
      assert.ok(!elsewhere.local.includes(word) && !elsewhere.session.includes(word), 'nothing in web storage');
    }
    assert.ok(elsewhere.cached.every((u) => !u.includes('/v1/')), 'no API answer is cached');

    // 6. "Forgot your PIN?" leaves no store in OPFS.
    await again.reload();
    await again.getByRole('heading', { name: 'Enter your PIN' }).waitFor({ timeout: 15000 });
    await again.getByRole('button', { name: 'Forgot your PIN?' }).click();
    await again.getByLabel('To confirm, type ERASE').fill('ERASE');
    await again.getByRole('button', { name: 'Erase this phone and start again' }).click();
    await again.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 15000 });
    // The pool keeps its empty slots: each a 4 KiB header of zeros, no data.
    const left = await opfsFiles(again);
    for (const [name, text] of Object.entries(left)) {
      assert.ok(text.length <= 4096 && !/[^\0]/.test(text), `${name} still holds ${text.length} bytes after forgetting`);
    }
    const timings = {
      reload_offline_to_lock_screen_ms: toLock,
      unlock_to_caseload_ms: unlockMs,
      open_resident_ms: { median: opens[Math.floor(opens.length / 2)], max: opens.at(-1), all: opens },
    };
    mkdirSync(join(root, 'e2e', 'results'), { recursive: true });
    writeFileSync(join(root, 'e2e', 'results', 'web-timings.json'), JSON.stringify(timings, null, 2));
    console.log(`web: ${JSON.stringify(timings)}`);
  } finally {
    await context.close();
    await relay.stop();
  }
});

test('the web app enrols with an invite code, syncs over fetch, and sees an edit made on another device', async () => {
  const relay = await startRelay({ app: true });
  const { chloeStore } = coordinatorAndSupporter(relay);
  const code = connectJson(chloeStore, 'invite', '--name', 'Amara', '--role', 'supporter').code;
  const { context, page } = await openBrowser();
  try {
    await page.goto(relay.url);
    await ready(page, 'Caseload', { name: 'Amara' });
    // Offline first: the work stays on this phone.
    await context.setOffline(true);
    await addResident(page, 'Winifred Web');
    await addOffer(page, 'I knit for the baby unit');
    await context.setOffline(false);

    // 5. Enrol in Settings with the invite code, then sync.
    await page.getByRole('button', { name: 'Settings' }).click();
    // Settings says what space the app has, and that this browser may clear it.
    await page.getByRole('heading', { name: 'Space on this phone' }).waitFor();
    await page.getByText(/MB used by the app · .* left for it/).waitFor();
    await page.getByText('This browser may clear its records when space runs low: sync often.').first().waitFor();
    await shot(page, 'web-settings');
    await audit(page, 'web settings');
    // The relay that served the app is offered: only the code need be typed.
    assert.equal(await page.getByRole('textbox', { name: "Your team's address" }).inputValue(), relay.url);
    await page.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await page.getByRole('button', { name: 'Join your team' }).click();
    await page.getByText('Sent to the team').first().waitFor({ timeout: 15000 });
    await shot(page, 'web-enrolled-synced');

    // A CLI device on the same relay sees the resident and the offer.
    connect(chloeStore, 'sync');
    const residents = connectJson(chloeStore, 'resident', 'list');
    const winifred = residents.find((r) => r.preferred_name === 'Winifred Web');
    assert.ok(winifred, `the coordinator's device has the browser's resident: ${JSON.stringify(residents)}`);
    const shown = connectJson(chloeStore, 'show', winifred.resident);
    assert.ok(JSON.stringify(shown).includes('I knit for the baby unit'), 'and the offer');

    // An edit made in the CLI appears in the browser after its next sync.
    connect(chloeStore, 'offer', 'add', winifred.resident, 'Teaches the grandchildren chess');
    connect(chloeStore, 'sync');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Sent to the team').first().waitFor({ timeout: 15000 });
    await page.getByRole('button', { name: 'Caseload' }).click();
    await page.getByText('Winifred Web').first().click();
    await page.getByText('Teaches the grandchildren chess').first().waitFor({ timeout: 15000 });
    await shot(page, 'web-edit-from-another-device');
    await audit(page, 'web resident page after sync');

    // 8. Every other screen of the web app: axe finds nothing serious, and
    // every tap target is at least 44 px.
    for (const tab of ['Circle of care', 'Journal', 'Check-ins', 'Story', 'Their record']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(150);
      await shot(page, `web-tab-${tab.toLowerCase().replace(/ /g, '-')}`);
      await audit(page, `web ${tab}`);
      assert.deepEqual(await smallTargets(page), [], `web ${tab}: tap targets under 44 px`);
    }
    // The check-in flow's first question, and the resident's own view.
    await page.getByRole('tab', { name: 'Check-ins' }).click();
    await page.getByRole('button', { name: 'Start a check-in' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: 'How often do you feel lonely?' }).waitFor();
    await shot(page, 'web-checkin-question');
    await audit(page, 'web check-in question');
    assert.deepEqual(await smallTargets(page), [], 'web check-in: tap targets under 44 px');
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    await page.getByRole('heading', { name: /My page/ }).waitFor();
    await shot(page, 'web-resident-mode');
    await audit(page, 'web resident mode');
    assert.deepEqual(await smallTargets(page), [], 'web resident mode: tap targets under 44 px');
    await page.getByRole('button', { name: 'Give the phone back' }).click();
    await ready(page, 'Winifred Web');
    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Team', exact: true }).first().waitFor();
    await page.getByRole('tab', { name: 'Places' }).click();
    await page.waitForTimeout(150);
    await audit(page, 'web places');
    assert.deepEqual(await smallTargets(page), [], 'web places: tap targets under 44 px');
    await page.getByRole('tab', { name: 'Matches' }).click();
    await page.waitForTimeout(150);
    await shot(page, 'web-team');
    await audit(page, 'web team');
    assert.deepEqual(await smallTargets(page), [], 'web team: tap targets under 44 px');
  } finally {
    await context.close();
    await relay.stop();
  }
});

test("7. a browser enrolled with a resident's invite shows only that resident's screens", async () => {
  const relay = await startRelay({ app: true });
  const { chloeStore } = coordinatorAndSupporter(relay);
  const doreen = connect(chloeStore, 'resident', 'add', '--name', 'Doreen');
  connect(chloeStore, 'offer', 'add', doreen, 'I make a good curry', '--by', 'resident');
  connect(chloeStore, 'note', 'add', doreen, 'Worried about the stairs', '--team-only');
  const kwame = connect(chloeStore, 'resident', 'add', '--name', 'Kwame');
  connect(chloeStore, 'offer', 'add', kwame, 'Plays the piano');
  connect(chloeStore, 'sync');
  const code = connectJson(chloeStore, 'invite', '--name', 'Doreen', '--role', 'resident', '--resident', doreen).code;
  const { context, page } = await openBrowser();
  try {
    await page.goto(relay.url);
    await ready(page, 'Caseload', { name: 'Doreen' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: "Your team's address" }).fill(relay.url);
    await page.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await page.getByRole('button', { name: 'Join your team' }).click();
    await page.getByRole('heading', { name: /My page: Doreen/ }).waitFor({ timeout: 15000 });
    await page.getByText('I make a good curry', { exact: true }).waitFor();
    await shot(page, 'web-own-phone');
    await audit(page, 'web own phone');
    await page.getByRole('button', { name: 'Circle of care' }).click();
    await page.getByRole('button', { name: 'Everything on this phone about me' }).click();
    // Who changed what comes from the relay's audit trail, over fetch: the
    // coordinator's changes carry her name, which only the relay knows.
    await page.getByRole('button', { name: 'Show the history' }).click();
    await page.locator('.audit-list .item').first().waitFor({ timeout: 15000 });
    await page.locator('.audit-list').getByText(/Chloe/).first().waitFor({ timeout: 15000 });
    // The readable copy shows on the screen too, under the app's strict CSP.
    await page.getByRole('button', { name: 'Show it here' }).click();
    const copy = page.frameLocator('iframe.readable-copy');
    await copy.getByText('I make a good curry').first().waitFor({ timeout: 15000 });
    assert.ok(!(await copy.locator('body').innerText()).includes('Worried about the stairs'), 'no team-only note in her copy');
    await audit(page, 'web own phone: everything about me');
    assert.deepEqual(await smallTargets(page), [], 'web own phone: tap targets under 44 px');
    await shot(page, 'web-own-phone-everything-about-me');
    const text = await page.locator('body').innerText();
    for (const never of ['Kwame', 'Plays the piano', 'Worried about the stairs']) {
      assert.ok(!text.includes(never), `${never} never reaches her phone`);
    }
    assert.equal(await page.getByRole('button', { name: 'Caseload', exact: true }).count(), 0, 'no caseload');
  } finally {
    await context.close();
    await relay.stop();
  }
});

test('the web app reads the invite from its QR code with the camera, and enrols with it', async () => {
  const relay = await startRelay({ app: true });
  const { chloeStore } = coordinatorAndSupporter(relay);
  // A coordinator's phone this time, so the coordinators' screens are seen too.
  const code = connectJson(chloeStore, 'invite', '--name', 'Amara', '--role', 'coordinator').code;
  // The camera sees the coordinator's screen: the QR code the invite panel draws.
  const camera = fakeCamera(`connect-companion:enrol?relay=${relay.url}&code=${code}`);
  const { context, page } = await openBrowser(undefined, { camera });
  try {
    await page.goto(relay.url);
    await ready(page, 'Caseload', { name: 'Amara' });
    await page.getByRole('button', { name: 'Settings' }).click();
    const relayField = page.getByRole('textbox', { name: "Your team's address" });
    const codeField = page.getByRole('textbox', { name: 'Invite code' });
    await relayField.fill('');
    await page.getByRole('button', { name: "Scan the invite's QR code" }).click();
    await page.getByText("Invite read. Check the team's address, then join.").waitFor({ timeout: 15000 });
    assert.equal(await codeField.inputValue(), code, 'the code came from the camera');
    assert.equal(await relayField.inputValue(), relay.url, 'and the relay');
    // The camera is off once the code is read: no video, no live track.
    assert.equal(await page.locator('video').count(), 0);
    await shot(page, 'web-invite-scanned');
    await audit(page, 'web settings after a scan');
    await page.getByRole('button', { name: 'Join your team' }).click();
    await page.getByText('Sent to the team').first().waitFor({ timeout: 15000 });
    await shot(page, 'web-scanned-enrolled');

    // The coordinators' screens in the web app: Settings points to People,
    // where invites are made with a name, listed and cancelled; insights and
    // the stories residents let the team share.
    await page.getByText('To invite someone to the team, go to Team, then People.').waitFor();
    await audit(page, 'web settings, coordinator');
    assert.deepEqual(await smallTargets(page), [], 'web coordinator settings: tap targets under 44 px');
    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('textbox', { name: 'Their name, as the team will know them' }).fill('Bogdan');
    await page.getByRole('combobox', { name: 'Who is it for' }).selectOption('supporter');
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByRole('img', { name: 'The invite as a QR code' }).waitFor();
    await page.getByText(/It stops working in 3 days/).first().waitFor();
    await shot(page, 'web-people-invite-made');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    const waiting = page.locator('.item', { hasText: 'Bogdan' });
    await waiting.getByRole('button', { name: /Cancel/ }).waitFor();
    await audit(page, 'web people');
    assert.deepEqual(await smallTargets(page), [], 'web people: tap targets under 44 px');
    await waiting.getByRole('button', { name: /Cancel/ }).click();
    await page.getByText('No invites are waiting to be used.').waitFor();
    await page.getByText(/^Earlier invites/).click();
    await page.locator('.item', { hasText: 'Bogdan' }).getByText(/Cancelled/).waitFor();
    await shot(page, 'web-people-invite-cancelled');
    for (const tab of ['Insights', 'Stories we may share']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(150);
      await shot(page, `web-team-${tab.split(' ')[0].toLowerCase()}`);
      await audit(page, `web ${tab}`);
      assert.deepEqual(await smallTargets(page), [], `web ${tab}: tap targets under 44 px`);
    }
  } finally {
    await context.close();
    await relay.stop();
  }
});

test('the camera scanner shows its picture until stopped, and says so when a QR code is not an invite', async () => {
  const relay = await startRelay({ app: true });
  for (const [seen, name] of [[null, 'nothing'], ['https://example.org/poster', 'a poster']]) {
    const { context, page } = await openBrowser(undefined, { camera: fakeCamera(seen) });
    try {
      await page.goto(relay.url);
      await ready(page, 'Caseload', { name: 'Amara' });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: "Scan the invite's QR code" }).click();
      if (seen === null) {
        // The picture plays in the page while nothing reads.
        await page.waitForFunction(() => document.querySelector('video')?.videoWidth > 0, null, { timeout: 15000 });
        await page.getByText("Point the camera at the QR code on your coordinator's screen.").waitFor();
        await shot(page, 'web-scanning');
        await audit(page, 'web settings while scanning');
        await page.getByRole('button', { name: 'Stop the camera' }).click();
        await page.getByRole('button', { name: "Scan the invite's QR code" }).waitFor();
      } else {
        await page.getByRole('alert').getByText(/not a Connect Companion invite/).waitFor({ timeout: 15000 });
      }
      assert.equal(await page.locator('video').count(), 0, `the camera is off after seeing ${name}`);
      assert.equal(await page.getByRole('textbox', { name: 'Invite code' }).inputValue(), '', `${name} fills in no code`);
    } finally {
      await context.close();
    }
  }
  await relay.stop();
});
