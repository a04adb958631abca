// A home visit with no wrong turn (issue 27), one test per part, at 390×844,
// with screenshots at 100% and 200% text: check-ins that record what was
// meant, consent that cannot be given by accident, journal notes, one honest
// status, "they said this", resident mode in large text, finding the way,
// the coordinator's tools and plain words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE, startPreview, startRelay, coordinatorAndSupporter, openBrowser, ready, unlock, shot, audit, smallTargets, addResident,
} from './helpers.mjs';

/** Text at double size, as a person who needs it sets their phone. */
async function doubleText(page) {
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
}

/** How far the page scrolls sideways (0 when nothing is cut off). */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Answers the check-in question on screen with its `which` answer ('first' or 'last'). */
async function answer(page, which) {
  const buttons = page.locator('.checkin-flow .answers .answer-button');
  await buttons.first().waitFor();
  await (which === 'first' ? buttons.first() : buttons.last()).click();
}

/** A new app on a fresh store with one resident, `name`, open on her page. */
async function withResident(name, t) {
  const app = await startPreview({ name: 'Amara' });
  const browser = await openBrowser();
  t.after(async () => {
    // The last thing on screen, to look at when a step fails.
    await shot(browser.page, `visit-last-${name.split(' ')[0].toLowerCase()}`).catch(() => {});
    await browser.context.close();
    app.stop();
  });
  await browser.page.goto(app.url);
  await ready(browser.page, 'Caseload', { name: 'Amara' });
  await addResident(browser.page, name);
  return { app, ...browser };
}

test('1. check-ins: one answer order, the last answer can be changed, a worry reaches the supporter, and the resident reads only kind words', async (t) => {
  const { page } = await withResident('Vera Visit', t);
  await page.getByRole('tab', { name: 'Check-ins' }).click();

  // The first check-in, with the supporter: the bottom answer every time.
  await page.getByRole('button', { name: 'Start a check-in' }).click();
  await page.getByText('4 short questions about how things are').waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByText('Question 1 / 4').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Change my last answer' }).count(), 0, 'nothing to change yet');
  await answer(page, 'last');
  await page.getByText('Question 2 / 4').waitFor();
  // A mis-tap is put right at once.
  await page.getByRole('button', { name: 'Change my last answer' }).click();
  await page.getByText('Question 1 / 4').waitFor();
  await page.getByRole('heading', { name: 'How often do you feel lonely?' }).waitFor();
  await answer(page, 'last');
  for (const n of [2, 3, 4]) {
    await page.getByText(`Question ${n} / 4`).waitFor();
    if (n === 2) await shot(page, 'visit-1-checkin-scale');
    await answer(page, 'last');
  }
  await page.getByRole('button', { name: 'Yes, they may count' }).click();
  await page.getByText('Thank you.', { exact: true }).waitFor();
  // Not feeling safe and very anxious: said to the supporter before anything else.
  await page.getByRole('heading', { name: 'Before you go: worth a word together' }).waitFor();
  assert.match(await page.locator('main').textContent(), /not feeling safe/);
  assert.equal(await page.getByRole('heading', { name: 'Before you go: worth a word together' }).count(), 1, 'said once');
  await shot(page, 'visit-1-concern');
  await page.getByRole('button', { name: 'We have talked about it' }).click();
  await page.getByRole('button', { name: 'Done', exact: true }).click();

  // The second, in her own hands: the top answer every time.
  await page.getByRole('button', { name: 'Hand to resident' }).click();
  await page.getByRole('heading', { name: /My page: Vera Visit/ }).waitFor();
  await page.getByRole('button', { name: 'Check-ins', exact: true }).click();
  await page.getByRole('button', { name: 'Start a check-in' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  for (let n = 1; n <= 4; n++) {
    await page.getByText(`Question ${n} / 4`).waitFor();
    await answer(page, 'first');
  }
  await page.getByRole('button', { name: 'Yes, they may count' }).click();
  await page.getByText('Thank you.', { exact: true }).waitFor();
  const thanks = await page.locator('.checkin-flow').textContent();
  assert.doesNotMatch(thanks, /score|\d+ of 10|amber|red|green/i, 'no scores and no colours for the resident');
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  assert.equal(await page.locator('.trend-words').count(), 0, 'her trend only if she asks');
  await page.getByRole('button', { name: 'How have things changed for me?' }).click();
  const hers = await page.locator('.trend-words li').allTextContents();
  assert.equal(hers.length, 4, `one line per question: ${hers}`);
  for (const line of hers) assert.match(line, /better than in/, 'the top answer is the best answer on every question');
  await shot(page, 'visit-1-resident-trend');

  // Back with the supporter: the same record, in words.
  await page.getByRole('button', { name: 'Give the phone back' }).click();
  await unlock(page);
  await page.getByRole('heading', { name: 'Vera Visit', exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Check-ins' }).click();
  await page.locator('.trend-words li').first().waitFor();
  const team = await page.locator('.trend-words li').allTextContents();
  assert.equal(team.length, 4, `${team}`);
  for (const line of team) assert.match(line, /That is better\.$/, line);
  assert.ok(team.some((l) => /lonely/i.test(l)), `${team}`);
});

test('2. resident mode is safe: an idle lock asks for the phone back by name and offers no way to erase it', async (t) => {
  const app = await startPreview({ name: 'Amara', lockAfter: 3 });
  const { context, page } = await openBrowser();
  t.after(async () => { await context.close(); app.stop(); });
  await page.goto(app.url);
  await ready(page, 'Caseload', { name: 'Amara' });
  await addResident(page, 'Ida Idle');
  await page.getByRole('button', { name: 'Hand to resident' }).click();
  await page.getByRole('heading', { name: /My page: Ida Idle/ }).waitFor();
  // She puts the phone down; it locks by itself.
  const ask = page.getByText('Please give this phone back to Amara');
  await ask.waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('button', { name: /Forgot your PIN/ }).count(), 0, 'no way to the erase');
  assert.equal(await page.getByRole('button', { name: /erase/i }).count(), 0);
  await shot(page, 'visit-2-resident-idle-lock');
  await doubleText(page);
  assert.ok(await overflow(page) <= 1, 'nothing cut off at 200%');
  assert.deepEqual(await smallTargets(page), [], 'the lock at 200%: tap targets under 44 px');
  await shot(page, 'visit-2-resident-idle-lock-200');
  await unlock(page);
  await ask.waitFor({ state: 'detached' });
});

test('3. consent: the choice comes first, in her voice, and wider sharing needs a second step', async (t) => {
  const { page } = await withResident('Cleo Consent', t);
  await page.getByRole('tab', { name: 'Story' }).click();
  const heading = page.getByRole('heading', { name: 'Who can read my story?' });
  await heading.waitFor();
  const consentTop = (await heading.boundingBox()).y;
  const saveTop = (await page.getByRole('button', { name: 'Save the story' }).boundingBox()).y;
  assert.ok(consentTop < saveTop, 'the sharing choice comes before the story');
  const named = page.getByRole('button', { name: 'Shared outside the team, with my name' });
  await named.click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText('People outside the Connect team could read your story, with your name on it. Is that what you want?').waitFor();
  await shot(page, 'visit-3-consent-confirm');
  await page.getByRole('button', { name: 'No, keep it as it is' }).click();
  assert.equal(await page.getByRole('button', { name: 'Only me and my supporter' }).getAttribute('aria-pressed'), 'true', 'nothing changed on a mis-tap');
  await named.click();
  await page.getByRole('button', { name: 'Yes, that is what I want' }).click();
  await page.getByRole('button', { name: 'Shared outside the team, with my name', pressed: true }).waitFor();
  assert.deepEqual(await smallTargets(page), [], 'story: tap targets under 44 px');
  await audit(page, 'story consent');
});

test('4. journal: who can see a note is always asked, notes can be edited and removed, and "Not today" asks why and can be undone', async (t) => {
  const { page } = await withResident('Jude Journal', t);
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('textbox', { name: 'What happened' }).fill('Tea, and a walk to the shop');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Choose who can see it first.').waitFor();
  await shot(page, 'visit-4-choose-first');
  assert.equal(await page.locator('.item-list .item', { hasText: 'Tea, and a walk' }).count(), 0, 'nothing saved before the choice');
  await page.getByRole('button', { name: 'Only the team' }).click();
  await page.getByRole('button', { name: 'Save the note' }).click();
  const note = page.locator('.item', { hasText: 'Tea, and a walk to the shop' });
  await note.waitFor();
  await shot(page, 'visit-4-journal');

  await note.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit' }).fill('Tea, and a walk to the post office');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.item', { hasText: 'Tea, and a walk to the post office' }).waitFor();
  await page.locator('.item', { hasText: 'Tea, and a walk to the post office' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByText('Note removed. It stays in their record').waitFor();
  assert.equal(await page.locator('.item', { hasText: 'post office' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.item', { hasText: 'Tea, and a walk to the post office' }).waitFor();

  await page.getByRole('button', { name: 'Not today' }).click();
  await page.getByRole('group', { name: 'Why was there no visit?' }).waitFor();
  await shot(page, 'visit-4-not-today-why');
  await page.getByRole('button', { name: "They didn't want a visit today" }).click();
  await page.getByText('Recorded: no visit today.').waitFor();
  const reason = page.locator('.tag', { hasText: "They didn't want a visit today" });
  await reason.waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await reason.waitFor({ state: 'detached' });
  assert.deepEqual(await smallTargets(page), [], 'journal: tap targets under 44 px');
});

test('5 and 9. one honest status after a failure then a success, and a coordinator reaches People and erasure from Team', async (t) => {
  const relay = await startRelay();
  const { chloeStore } = coordinatorAndSupporter(relay);
  const app = await startPreview({ store: chloeStore });
  const { context, page } = await openBrowser();
  t.after(async () => { await context.close(); app.stop(); await relay.stop().catch(() => {}); });
  await page.goto(app.url);
  await ready(page);
  const chip = page.locator('.sync-chip');
  await page.getByRole('button', { name: 'Send now' }).click();
  await chip.getByText('Sent to the team').waitFor();

  await relay.stop();
  await addResident(page, 'Stella Status');
  await chip.getByText('Saved on this phone, not sent yet (1)').waitFor();
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText(/Could not reach the team\. Nothing is lost/).waitFor();
  await shot(page, 'visit-5-failed');
  await relay.start();
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText('Sent.', { exact: true }).waitFor();
  await chip.getByText('Sent to the team').waitFor();
  assert.equal(await page.getByText(/Could not reach the team/).count(), 0, 'the failure is gone once a send works');
  assert.equal(await page.locator('.status-error').count(), 0);
  await shot(page, 'visit-5-sent-after-failure');

  // The coordinator: invites and people under Team, and a resident's record
  // (where erasure is) one tap from there.
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
  // Amara among the people (her used invite, named for her, waits folded
  // under the earlier invites).
  await page.locator('.item.person', { hasText: 'Amara' }).first().waitFor();
  await shot(page, 'visit-9-people');
  await audit(page, 'people');
  await page.locator('.page-section', { has: page.getByRole('heading', { name: "Residents' records" }) })
    .getByRole('button', { name: /Stella Status/ }).click();
  await page.getByRole('heading', { name: 'Stella Status', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Erase this resident' }).waitFor();
});

test('6. "they said this": a supporter writes an offer in the resident\'s words in at most 4 taps, and who wrote it down is kept', async (t) => {
  const { page } = await withResident('Tess Taps', t);
  let taps = 0;
  const tap = async (locator) => { taps += 1; await locator.click(); };
  await tap(page.getByRole('button', { name: '+ A new offer' }));
  // The field has the focus as the form opens: typing needs no tap.
  const field = page.getByRole('textbox', { name: 'A new offer' });
  await field.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'add-a-new-offer');
  await field.fill('I grow tomatoes on the balcony');
  await tap(page.getByLabel('They said this: in their words'));
  await tap(page.getByRole('form', { name: 'A new offer' }).getByRole('button', { name: 'Add', exact: true }));
  const item = page.locator('.item', { hasText: 'I grow tomatoes on the balcony' });
  await item.waitFor();
  assert.ok(taps <= 4, `${taps} taps`);
  assert.match(await item.textContent(), /In their words · written down by their supporter/);
  await shot(page, 'visit-6-their-words');
  // The same choice when editing.
  await item.getByRole('button', { name: /Edit/ }).first().click();
  await page.getByLabel('They said this: in their words').first().waitFor();
});

test('7. resident mode: large text, nothing cut off at 200%, a vertical scale and no technical choices', async (t) => {
  const { page } = await withResident('Rhoda Resident', t);
  await page.getByRole('button', { name: 'Hand to resident' }).click();
  await page.getByRole('heading', { name: /My page: Rhoda Resident/ }).waitFor();
  await page.getByRole('button', { name: '+ Something I can offer' }).click();
  assert.equal(await page.getByLabel('Kind of help').count(), 0, 'no category dropdown for the resident');
  await page.getByRole('textbox', { name: 'Something I can offer' }).fill('I knit hats for the baby unit');
  await page.getByRole('form', { name: 'Something I can offer' }).getByRole('button', { name: 'Add', exact: true }).click();
  const mine = page.locator('.item-text', { hasText: 'I knit hats' });
  await mine.waitFor();
  const size = await mine.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 22, `her words are ${size} px`);
  const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('main p, main li, main button, main span')]
    .filter((e) => e.getBoundingClientRect().height > 0 && e.textContent.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))));
  assert.ok(smallest >= 18, `nothing on her screen is smaller than 18 px (smallest ${smallest})`);
  assert.equal(await page.getByText(/may clear its records/).count(), 0, 'no technical notices');
  await shot(page, 'visit-7-resident-100');

  await doubleText(page);
  assert.ok(await overflow(page) <= 1, 'no sideways scrolling at 200%');
  const clipped = await page.evaluate(() => [...document.querySelectorAll('button, [role="tab"], select, label')]
    .filter((e) => e.getBoundingClientRect().height > 0 && (e.scrollWidth > e.clientWidth + 1))
    .map((e) => e.textContent.trim().slice(0, 30)));
  assert.deepEqual(clipped, [], 'no control cut off at 200%');
  assert.deepEqual(await smallTargets(page), [], 'resident mode at 200%: tap targets under 44 px');
  await audit(page, 'resident mode at 200%');
  await shot(page, 'visit-7-resident-200');

  await page.getByRole('button', { name: 'Check-ins', exact: true }).click();
  await page.getByRole('button', { name: 'Start a check-in' }).click();
  await page.getByRole('button', { name: /^All the questions/ }).click();
  await page.getByRole('button', { name: 'Skip this one' }).click();
  for (let i = 0; i < 3; i++) await answer(page, 'first');
  const scale = page.locator('.checkin-flow .answers.scale .answer-button');
  await scale.first().waitFor();
  const lefts = new Set(await scale.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().left))));
  assert.equal(lefts.size, 1, 'the 0–10 scale is one list, top to bottom');
  assert.ok(await overflow(page) <= 1);
  await shot(page, 'visit-7-scale-200');
});

test('8. finding the way: every tab shows, search comes first, a duplicate asks, a mistake can be removed and drafts survive', async (t) => {
  const { page } = await withResident('Doreen', t);
  for (const tab of await page.getByRole('tab').all()) {
    const box = await tab.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${await tab.textContent()} is on screen`);
  }
  await doubleText(page);
  for (const tab of await page.getByRole('tab').all()) {
    const box = await tab.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${await tab.textContent()} is on screen at 200%`);
  }
  await shot(page, 'visit-8-tabs-200');
  await page.reload();
  await ready(page);

  // (The phone's Back gesture is the web app's: web.test.mjs.)
  const search = await page.getByRole('searchbox').or(page.getByRole('textbox', { name: /Search names/ })).first().boundingBox();
  const add = await page.getByRole('textbox', { name: /Add a resident/ }).boundingBox();
  assert.ok(search.y < add.y, 'search comes before adding');

  // A name already here asks first.
  await page.getByRole('textbox', { name: /Add a resident/ }).fill('doreen');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('There is already a resident on this phone called Doreen').waitFor();
  await shot(page, 'visit-8-duplicate-asks');
  await page.getByRole('button', { name: 'Add another person with this name' }).click();
  await page.getByRole('heading', { name: 'doreen', exact: true }).waitFor();
  // ...and one added by mistake can be removed while never sent.
  await page.getByRole('tab', { name: 'Their record' }).click();
  await page.getByRole('button', { name: 'Remove them from this phone' }).click();
  await page.getByRole('button', { name: 'Yes, remove them' }).click();
  await page.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();
  assert.equal(await page.locator('.row-name', { hasText: /^doreen$/ }).count(), 0);

  // A half-written note survives closing the app.
  await page.getByRole('button', { name: /^Doreen/ }).click();
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('textbox', { name: 'What happened' }).fill('She showed me her photos from Margate');
  // Kept a second after the typing stops (and the store's write done: on a
  // busy machine that takes longer than the second).
  await page.waitForTimeout(3000);
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: /^Doreen/ }).click();
  await page.getByRole('tab', { name: 'Journal' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'What happened' }).inputValue(), 'She showed me her photos from Margate');
});

test('10. plain words: the first screen says what the app is, an empty caseload says how to join, and no jargon on the visit screens', async (t) => {
  const app = await startPreview({});
  const { context, page } = await openBrowser();
  t.after(async () => { await context.close(); app.stop(); });
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Set up this phone' }).waitFor();
  await page.getByText(/For Connect supporters and the residents they visit/).waitFor();
  await shot(page, 'visit-10-first-screen');
  await ready(page, 'Caseload', { name: 'Amara' });
  await page.getByText(/join your team in Settings with the invite your coordinator gives you/).waitFor();
  const jargon = /\brelay\b|\bsync(ed|ing)?\b|\bUTC\b|device id|UCLA|\(\d{3}\)|at most \d+|median ties/i;
  const seen = [];
  const look = async (where) => {
    const text = await page.locator('body').innerText();
    const hit = text.match(jargon);
    if (hit) seen.push(`${where}: "${hit[0]}"`);
  };
  await look('caseload');
  await addResident(page, 'Wendy Words');
  for (const tab of ['What I can offer', 'Circle of care', 'Journal', 'Check-ins', 'Story', 'Their record']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(150);
    await look(tab);
  }
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await look('settings');
  await shot(page, 'visit-10-settings');
  assert.deepEqual(seen, []);
});
