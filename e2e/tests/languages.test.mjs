// Every word in the resident's own language: resident mode in Urdu (right to
// left), Bengali and Romanian, the lock screen in every language shipped, and
// every main screen in the pseudo-locale (accented, 40% longer) with nothing
// cut off at phone size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, openBrowser, ready, shot, audit, connect, tempDir, PIN, openDemoCaseload } from './helpers.mjs';
import { join } from 'node:path';

const SHIPPED = ['en', 'ro', 'bn', 'pl', 'lt', 'ur', 'pt'];

/** What on screen is cut off or runs past the phone's edge. */
async function clipped(page) {
  return page.evaluate(() => {
    const out = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page is ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      // Not shown, or hidden for screen readers only (1 px and clipped on purpose).
      if (r.width <= 1 || r.height <= 1 || el.closest('[hidden]')) continue;
      const what = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}"`;
      // Off the screen sideways (the skip link waits off screen on purpose).
      if ((r.right > width + 1 || r.left < -1) && !el.matches('.skip-link, .skip-link *')) out.push(`off screen: ${what}`);
      const s = getComputedStyle(el);
      const hides = [s.overflowX, s.overflowY].some((o) => o === 'hidden' || o === 'clip') || s.textOverflow === 'ellipsis';
      if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) out.push(`cut off: ${what}`);
    }
    return out;
  });
}

/** Words on screen (and read out: aria-labels) still in English, beside what
 *  people wrote themselves (`own`), their names and the app's name. */
async function untranslated(page, own) {
  return page.evaluate((own) => {
    const strip = (text) => own.reduce((t, o) => t.split(o).join(''), text);
    const out = new Set();
    const root = document.querySelector('.app') || document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[hidden], option, style')) continue;
      if (/[A-Za-z]{3,}/.test(strip(n.textContent))) out.add(n.textContent.trim().slice(0, 60));
    }
    for (const el of root.querySelectorAll('[aria-label], [title]')) {
      if (el.closest('[hidden]')) continue;
      for (const a of ['aria-label', 'title']) {
        const v = el.getAttribute(a);
        if (v && /[A-Za-z]{3,}/.test(strip(v))) out.add(`${a}="${v.slice(0, 60)}"`);
      }
    }
    return [...out];
  }, own);
}

/** What Doreen and her supporter wrote, and names: English by right. */
const OWN = ['I make a good curry', 'Someone to walk to the market with', 'First visit: tea and a chat', 'ask the council about the ramp', 'Doreen', 'Chloe', 'Connect Companion', 'Connect', 'PIN'];

/** The store's one resident, with something on every part of her page. */
function doreensStore() {
  const store = join(tempDir(), 'device.db');
  connect(store, 'init', '--name', 'Chloe');
  const doreen = connect(store, 'resident', 'add', '--name', 'Doreen');
  connect(store, 'offer', 'add', doreen, 'I make a good curry', '--category', 'caring');
  connect(store, 'ask', 'add', doreen, 'Someone to walk to the market with', '--category', 'company');
  connect(store, 'note', 'add', doreen, 'First visit: tea and a chat');
  connect(store, 'checkin', doreen, '--ucla3', '3,3,2', '--share');
  connect(store, 'promise', 'add', doreen, 'ask the council about the ramp', '--within', '3');
  return store;
}

test('resident mode speaks the resident\'s language, right to left in Urdu, while the supporter\'s stays theirs', async () => {
  const app = await startPreview({ store: doreensStore() });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await page.getByRole('button', { name: /^Doreen/ }).click();
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    await page.getByRole('heading', { name: /My page: Doreen/ }).waitFor();
    const picker = page.locator('.resident-own-header select');

    // Urdu: the whole app reads right to left, in Urdu, with nothing cut off.
    await picker.selectOption('ur');
    const app_ = page.locator('.app');
    await page.locator('.app[lang="ur"][dir="rtl"]').waitFor();
    const heading = await page.locator('.resident-own-header h2').textContent();
    assert.match(heading, /Doreen/);
    assert.match(heading, /[\u0600-\u06FF]/, `an Urdu heading: ${heading}`);
    // Right to left: her page's parts start at the right-hand edge.
    const first = await page.locator('.resident-parts button').first().boundingBox();
    const last = await page.locator('.resident-parts button').nth(1).boundingBox();
    assert.ok(first.x > last.x, 'the first part sits to the right of the second');
    assert.deepEqual(await clipped(page), [], 'Urdu resident mode: nothing cut off');
    await shot(page, 'lang-ur-resident-mode');
    await audit(page, 'Urdu resident mode');
    // Her promise speaks to her in Urdu, her words as she wrote them.
    assert.match(await page.locator('main, .app').first().textContent(), /ask the council about the ramp/);
    // Every part of her page in Urdu: nothing left in English but her words.
    const parts = await page.locator('.resident-parts button').count();
    const left = [];
    for (let i = 0; i < parts; i++) {
      await page.locator('.resident-parts button').nth(i).click();
      await page.waitForTimeout(200);
      left.push(...(await untranslated(page, OWN)).map((w) => `part ${i + 1}: ${w}`));
    }
    assert.deepEqual(left, [], 'every word a resident sees is in Urdu');
    await page.locator('.resident-parts button').nth(2).click(); // check-ins
    await page.locator('.checkins-view').waitFor();
    assert.deepEqual(await clipped(page), [], 'Urdu check-ins: nothing cut off');
    await shot(page, 'lang-ur-checkins');
    await audit(page, 'Urdu check-ins');
    // She answers the short check-in with the screens in Urdu (the questions
    // keep their English wording): it is recorded as asked in Urdu.
    await page.locator('.checkins-view > .answer-button').first().click();
    await page.locator('.checkin-flow .answers .answer-button').first().click(); // the short one
    // "Question 1 of 4", in Urdu: each answer waits for its own question.
    const at = () => page.evaluate(() => (document.querySelector('.checkin-flow .progress')?.textContent.match(/(\d+)\D+(\d+)/) || []).slice(1).map(Number));
    await page.locator('.checkin-flow .progress').waitFor();
    const [, total] = await at();
    assert.ok(total >= 1, 'the short check-in has questions');
    for (let n = 1; n <= total; n++) {
      await page.waitForFunction((n) => (document.querySelector('.checkin-flow .progress')?.textContent.match(/(\d+)\D+\d+/) || [])[1] === String(n), n);
      await page.locator('.checkin-flow .answers .answer-button').first().click();
    }
    await page.locator('.checkin-flow .progress').waitFor({ state: 'detached' });
    await page.locator('.checkin-flow .answers .answer-button').first().click(); // yes, it may count
    await page.locator('.checkin-flow h3[role="status"]').waitFor();
    await page.locator('.checkin-flow .answer-button').click(); // done
    await page.locator('.checkins-view').waitFor();
    await page.locator('.resident-parts button').first().click();

    // Bengali, then Romanian: left to right again, in their scripts.
    await picker.selectOption('bn');
    await page.locator('.app[lang="bn"][dir="ltr"]').waitFor();
    assert.match(await page.locator('.resident-own-header h2').textContent(), /[\u0980-\u09FF]/);
    assert.deepEqual(await clipped(page), [], 'Bengali resident mode: nothing cut off');
    await shot(page, 'lang-bn-resident-mode');
    await audit(page, 'Bengali resident mode');
    await picker.selectOption('ro');
    await page.getByRole('heading', { name: /Pagina mea: Doreen/ }).waitFor();
    assert.deepEqual(await clipped(page), [], 'Romanian resident mode: nothing cut off');
    await shot(page, 'lang-ro-resident-mode');
    await audit(page, 'Romanian resident mode');
    assert.equal(await app_.getAttribute('dir'), 'ltr');

    // Her choice is kept on her page: a reload locks the phone, and the lock
    // screen asks in Romanian for the phone to go back to Chloe.
    await page.reload();
    await page.locator('#lock[lang="ro"]').waitFor();
    await page.getByRole('heading', { name: 'Vă rugăm să dați telefonul înapoi lui Chloe' }).waitFor();
    await shot(page, 'lang-ro-lock-handed');
    await audit(page, 'Romanian lock screen, handed to the resident');
    await page.locator('#lock input[type="password"]').fill(PIN);
    await page.locator('#lock button[type="submit"]').click();
    await page.getByRole('heading', { name: /Pagina mea: Doreen/ }).waitFor();

    // Given back, the supporter's screens are in the supporter's English.
    await page.locator('.give-back').click();
    await ready(page, 'Doreen');
    await page.getByRole('button', { name: 'Hand to resident' }).waitFor();
    assert.equal(await page.locator('.app').getAttribute('lang'), 'en');
    // Her check-in says, on the supporter's screens, which language hers were in.
    await page.locator('.screen.resident').getByRole('tab').nth(3).click();
    await page.getByText('Asked with the screens in اردو').waitFor();
  } finally {
    await context.close();
    app.stop();
  }
});

test('the lock screen speaks each language shipped, and the supporter\'s choice is kept on the phone', async () => {
  const app = await startPreview({ store: doreensStore() });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    const headings = new Set();
    for (const lang of SHIPPED) {
      await page.locator('.bottom-nav button').nth(2).click(); // Settings
      await page.locator('.settings select').first().selectOption(lang);
      await page.locator(`.app[lang="${lang}"]`).waitFor();
      // A reload locks the phone; the lock screen speaks the language chosen.
      await page.reload();
      const lock = page.locator(`#lock[lang="${lang}"]`);
      await lock.waitFor();
      assert.equal(await lock.getAttribute('dir'), lang === 'ur' ? 'rtl' : 'ltr');
      const heading = (await page.locator('#lock h1').textContent()).trim();
      headings.add(heading);
      assert.deepEqual(await clipped(page), [], `${lang} lock screen: nothing cut off`);
      await shot(page, `lang-${lang}-lock`);
      await audit(page, `${lang} lock screen`);
      await page.locator('#lock input[type="password"]').fill(PIN);
      await page.locator('#lock button[type="submit"]').click();
      await page.locator('.caseload-row').first().waitFor();
    }
    assert.equal(headings.size, SHIPPED.length, `a heading of its own in each language: ${[...headings].join(' | ')}`);
  } finally {
    await context.close();
    app.stop();
  }
});

test('in the pseudo-locale every main screen fits a phone with nothing cut off', async () => {
  const { app, context, page } = await openDemoCaseload();
  try {
    await page.locator('.bottom-nav button').nth(2).click();
    await page.locator('.settings select').first().selectOption('en-XA');
    await page.locator('.app[lang="en-XA"]').waitFor();
    const check = async (name) => {
      await page.waitForTimeout(150); // the screen's reads settle
      assert.deepEqual(await clipped(page), [], `${name}: nothing cut off`);
      await shot(page, `pseudo-${name}`);
    };
    await check('settings');
    await page.locator('.bottom-nav button').nth(0).click();
    await page.locator('.row-name').first().waitFor();
    await check('caseload');
    await page.locator('.row-button', { hasText: 'Doreen' }).click();
    const tabs = page.locator('.screen.resident').getByRole('tab');
    await tabs.first().waitFor();
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await check(`resident-tab-${i + 1}`);
    }
    await page.locator('.bottom-nav button').nth(1).click();
    // The team's own tabs, not the resident's still on screen as it changes.
    const teamTabs = page.locator('.screen.team').getByRole('tab');
    await teamTabs.first().waitFor();
    const teamCount = await teamTabs.count();
    for (let i = 0; i < teamCount; i++) {
      await teamTabs.nth(i).click();
      await check(`team-tab-${i + 1}`);
    }
    // Resident mode and the lock screen, in the same long words.
    await page.locator('.bottom-nav button').nth(0).click();
    await page.locator('.row-button', { hasText: 'Doreen' }).click();
    await page.locator('.resident-heading .button').first().click(); // hand to resident
    await page.locator('.resident-own-header').waitFor();
    await check('resident-mode');
    await page.reload();
    await page.locator('#lock[lang="en-XA"]').waitFor();
    await check('lock');
  } finally {
    await context.close();
    app.stop();
  }
});
