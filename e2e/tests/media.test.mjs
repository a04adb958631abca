// Voice notes and photos in the web app, with Chromium's fake microphone (a
// steady beep) and a fake camera: recorded and taken offline, in the
// resident's own voice on their page; kept through a reload and played back;
// counted in the sync chip until sent; sent, and played on another phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startRelay, openBrowser, fakeCamera, ready, shot, audit, smallTargets, connect, connectJson,
  coordinatorAndSupporter, addResident, tempDir, joinFromBrowser,
} from './helpers.mjs';

/** Waits until the `<audio>` of the voice note card `card` has played some of it. */
async function playsBack(page, card) {
  await card.getByRole('button', { name: /^Play/ }).click();
  await card.getByRole('button', { name: /^Pause/ }).waitFor({ timeout: 10000 });
  await page.waitForFunction(
    (el) => el.currentTime > 0.3 && !el.paused,
    await card.locator('audio').elementHandle(),
    { timeout: 10000 },
  );
  const playing = await card.locator('audio').evaluate((el) => ({ t: el.currentTime, paused: el.paused, src: el.src.slice(0, 5) }));
  await card.getByRole('button', { name: /^Pause/ }).click();
  return playing;
}

/** The photo in `card` has decoded to a picture of some size. */
async function photoShows(card) {
  const img = card.locator('img.media-photo');
  await img.waitFor();
  await img.evaluate((el) => el.decode());
  return img.evaluate((el) => ({ w: el.naturalWidth, h: el.naturalHeight, alt: el.alt, src: el.src.slice(0, 5) }));
}

/** Records a voice note of about `seconds` from the open media panel. */
async function recordVoice(page, buttonName, seconds) {
  await page.getByRole('button', { name: buttonName }).click();
  const timer = page.getByRole('timer');
  await timer.getByText(new RegExp(`Recording: 0:0${seconds} of 10:00`)).waitFor({ timeout: 20000 });
  return timer;
}

test('a voice note and a photo made offline are kept, play after a reload, sync, and play on another phone', async () => {
  const relay = await startRelay({ app: true });
  const { chloeStore } = coordinatorAndSupporter(relay);
  const code = connectJson(chloeStore, 'invite', '--name', 'Bea', '--role', 'supporter').code;
  const { context, page } = await openBrowser(undefined, { camera: fakeCamera(null) });
  const other = await openBrowser(undefined, { camera: fakeCamera(null) });
  try {
    await joinFromBrowser(page, relay.url, code, 'Bea');
    // Settings says how much of the team's media this phone keeps.
    await page.getByRole('heading', { name: 'Voice notes and photos' }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: /Keep the team's voice notes and photos/ }).inputValue(), '200');
    await page.getByRole('button', { name: 'Caseload' }).click();

    // 1. No signal at the door: a new resident, a voice note in the resident's own voice, a photo.
    await context.setOffline(true);
    await addResident(page, 'Olive Media');
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    await page.getByRole('heading', { name: /My page/ }).waitFor();
    const about = page.locator('section.about-me');
    await about.getByRole('button', { name: 'Add a voice note or photo' }).click();
    await shot(page, 'media-choices-resident');
    assert.deepEqual(await smallTargets(page), [], 'resident mode media choices: tap targets under 44 px');
    const timer = await recordVoice(page, 'Record my voice', 3);
    await shot(page, 'media-recording');
    await audit(page, 'recording a voice note');
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await timer.waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'What the voice note is about' }).fill('My garden in June');
    await page.getByRole('textbox', { name: /What it says, typed/ }).fill('The roses came back this year.');
    await shot(page, 'media-review-voice');
    await page.getByRole('button', { name: 'Keep it', exact: true }).click();
    await page.getByText('Kept on this phone. It goes to the team at the next send.').waitFor();
    const voice = about.locator('li.media-card[data-kind="voice"]');
    await voice.getByText('In my words').waitFor();
    await voice.getByText('Only on this phone').waitFor();
    assert.match(await voice.getByRole('button', { name: /^Play/ }).innerText(), /Voice note, 0:0[3-5]/);
    await page.getByRole('button', { name: 'Give the phone back' }).click();
    await ready(page, 'Olive Media');
    // The store locked and opened again between hands: the voice note reads again, no error left.
    await voice.getByRole('button', { name: /^Play/ }).waitFor();
    assert.equal(await voice.getByRole('button', { name: 'Try again' }).count(), 0);

    // The supporter takes a photo of the roses for an offer's place: here, about me.
    await about.getByRole('button', { name: 'Add a voice note or photo' }).click();
    await page.getByRole('button', { name: 'Take a photo' }).click();
    await page.waitForFunction(() => document.querySelector('#photo-camera')?.videoWidth > 0, null, { timeout: 15000 });
    await shot(page, 'media-camera');
    await page.getByRole('button', { name: 'Take the photo' }).click();
    await page.getByRole('textbox', { name: 'What the photo shows' }).fill('Roses by the back door');
    await page.getByRole('button', { name: 'Keep it', exact: true }).click();
    const photo = about.locator('li.media-card[data-kind="photo"]');
    await photo.getByText('Only on this phone').waitFor();
    const taken = await photoShows(photo);
    assert.equal(taken.alt, 'Roses by the back door', 'the caption is the alt text');
    assert.ok(taken.w > 0 && taken.w <= 1600 && taken.h <= 1600, `the photo was scaled: ${taken.w}×${taken.h}`);
    assert.equal(taken.src, 'blob:', 'shown from a blob: address, as the CSP allows');
    // The chip counts what waits: the resident and their page, and the files by kind.
    await page.locator('.status-media').getByText(/^1 voice note only on this phone · 1 photo only on this phone/).waitFor();
    await shot(page, 'media-offline-kept');
    await audit(page, 'resident page with media');
    assert.deepEqual(await smallTargets(page), [], 'media cards: tap targets under 44 px');

    // 2. Reload, still offline: both are still there, and both play or show.
    await page.reload();
    await ready(page, 'Caseload');
    await page.getByText('Olive Media').first().click();
    const played = await playsBack(page, voice);
    assert.equal(played.src, 'blob:');
    const after = await photoShows(photo);
    assert.equal(after.w, taken.w, 'the same photo after the reload');
    await photo.getByRole('button', { name: /Roses by the back door\. Show the photo larger/ }).click();
    await shot(page, 'media-photo-whole-screen');
    await photo.getByRole('button', { name: /Show the photo smaller/ }).click();

    // 3. The signal comes back: the documents go, then the files; each says so.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Sent to the team').first().waitFor({ timeout: 20000 });
    await voice.getByText('Safe with the team').waitFor({ timeout: 20000 });
    await photo.getByText('Safe with the team').waitFor();
    assert.equal(await page.locator('.status-media').count(), 0, 'no media waits any more');
    await shot(page, 'media-sent');

    // 4. The coordinator's device has both, byte for byte as their hashes say.
    connect(chloeStore, 'sync');
    const olive = connectJson(chloeStore, 'resident', 'list').find((r) => r.preferred_name === 'Olive Media');
    assert.ok(olive, 'the resident reached the team');
    const listed = connectJson(chloeStore, 'media', 'list', olive.resident);
    assert.equal(listed.length, 2, JSON.stringify(listed));
    const note = listed.find((m) => m.kind === 'voice');
    assert.equal(note.mime, 'audio/webm');
    assert.equal(note.in_my_words, true);
    assert.equal(note.transcript, 'The roses came back this year.');
    const out = join(tempDir(), 'note.webm');
    connect(chloeStore, 'media', 'get', note.hash, '--out', out);
    const bytes = readFileSync(out);
    assert.equal(bytes.length, note.bytes);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'a WebM file');
    // Speech at 24 kbit/s: a minute of voice well within 250 KB.
    const perMinute = (bytes.length * 60000) / note.duration_ms;
    assert.ok(perMinute <= 250_000, `a minute of voice would take ${Math.round(perMinute)} bytes`);
    console.log(`# voice note: ${bytes.length} bytes for ${note.duration_ms} ms (${Math.round(perMinute / 1000)} KB a minute)`);
    const snap = listed.find((m) => m.kind === 'photo');
    assert.ok(snap.bytes <= 400_000, `the photo is kept in ${snap.bytes} bytes`);

    // 5. Another phone (a second coordinator's browser) plays the voice note.
    const dee = connectJson(chloeStore, 'invite', '--name', 'Dee', '--role', 'coordinator').code;
    await joinFromBrowser(other.page, relay.url, dee, 'Dee');
    await other.page.getByRole('button', { name: 'Caseload' }).click();
    await other.page.getByText('Olive Media').first().click();
    const theirs = other.page.locator('section.about-me li.media-card[data-kind="voice"]');
    await theirs.getByText('In their words').waitFor({ timeout: 15000 });
    const fetch = theirs.getByRole('button', { name: /^Get it from the team/ });
    if (await fetch.count()) await fetch.click();
    const heard = await playsBack(other.page, theirs);
    assert.ok(heard.t > 0.3, 'the other phone played it');
    await shot(other.page, 'media-other-phone');
    await audit(other.page, 'another phone with the voice note');
    // At 200% text the cards still fit the phone's width.
    await other.page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const overflow = await other.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 200% text (overflow ${overflow}px)`);
    await theirs.scrollIntoViewIfNeeded();
    await shot(other.page, 'media-200-percent');
    await other.page.addStyleTag({ content: 'html { font-size: 100% !important; }' });

    // 6. Removing the photo on the first phone removes it from the other at its next sync.
    await photo.getByRole('button', { name: /^Remove/ }).click();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByText('Removed. It goes from the other phones at their next send.').waitFor();
    await photo.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Sent to the team').first().waitFor({ timeout: 20000 });
    await other.page.getByRole('button', { name: 'Send now' }).click();
    await other.page.getByText('Sent to the team').first().waitFor({ timeout: 20000 });
    await other.page.locator('section.about-me li.media-card[data-kind="photo"]').waitFor({ state: 'detached', timeout: 15000 });
    connect(chloeStore, 'sync');
    assert.equal(connectJson(chloeStore, 'media', 'list', olive.resident).length, 1, 'the coordinator has only the voice note');
  } finally {
    await context.close();
    await other.context.close();
    await relay.stop();
  }
});
