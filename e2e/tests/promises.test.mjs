// What we said we'd do (issue 26), in the web app at 390x844 with no network:
// promises written down (and one put right) on a resident's page, the next visit planned, Today
// at the top of the first screen listing what is due, a promise marked done
// from Today (and undone), the resident's own view in plain words without the
// team-only promise, her "not then" moving the visit at her wish, and
// everything still there after reopening offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startRelay, openBrowser, ready, unlock, shot, audit, smallTargets, addResident } from './helpers.mjs';

/** A day as the date field takes it, `days` from today on the browser's calendar. */
async function isoDay(page, days) {
  return page.evaluate((d) => {
    const t = new Date();
    t.setDate(t.getDate() + d);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  }, days);
}

async function addPromise(page, { what, who, name, when, day, ask, teamOnly }) {
  await page.getByRole('button', { name: "+ Something we said we'd do" }).click();
  const form = page.getByRole('form', { name: "+ Something we said we'd do" });
  await form.getByRole('textbox', { name: 'What will be done?' }).fill(what);
  if (who) await form.getByRole('radio', { name: who }).check();
  if (name) await form.getByRole('textbox', { name: 'Their name' }).fill(name);
  if (when) await form.getByRole('radio', { name: when }).check();
  if (day) await form.getByLabel('The day').fill(day);
  if (ask) await form.getByRole('combobox', { name: 'For one of their asks' }).selectOption({ label: ask });
  if (teamOnly) await form.getByRole('checkbox', { name: 'Only the team may see it' }).check();
  await form.getByRole('button', { name: 'Save the promise' }).click();
  await page.getByText(/Saved\. It shows on Today when it is due\./).waitFor();
}

test('promises, the next visit and Today work offline on a phone, for the supporter and the resident', async () => {
  const relay = await startRelay({ app: true });
  const { context, page } = await openBrowser();
  try {
    await page.goto(relay.url);
    await ready(page, 'Caseload', { name: 'Amara' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await context.setOffline(true);
    const today = page.getByRole('region', { name: 'Today' });
    await today.getByText('Nothing planned or due, and everyone has been seen lately.').waitFor();
    // Today sits above the caseload: the first thing a supporter sees.
    const todayBox = await today.boundingBox();
    const caseloadBox = await page.getByRole('heading', { name: 'Caseload', exact: true }).boundingBox();
    assert.ok(todayBox.y < caseloadBox.y, 'Today comes first');

    // A resident, an ask, three promises and the next visit, all offline.
    await addResident(page, 'Hazel Quince');
    await page.getByRole('button', { name: '+ A new ask' }).click();
    await page.getByRole('textbox', { name: 'A new ask' }).fill('a ramp for the back door');
    await page.getByRole('form', { name: 'A new ask' }).getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('a ramp for the back door').first().waitFor();
    const [day0, day1] = [await isoDay(page, 0), await isoDay(page, 1)];
    await addPromise(page, { what: 'ask the council about the ramp', when: 'On a day', day: day0, ask: 'a ramp for the back door' });
    await addPromise(page, { what: 'check the boiler', who: 'Someone in their circle', name: 'Sam next door', when: 'No rush', teamOnly: true });
    await addPromise(page, { what: 'teach Amara her curry', who: 'They will', when: 'Not said' });
    const promises = page.getByRole('region', { name: "What we said we'd do" });
    await promises.getByText('The supporter will ask the council about the ramp').waitFor();
    await promises.getByText('Sam next door will check the boiler').waitFor();
    await promises.getByText('Hazel Quince will teach Amara her curry').waitFor();
    // A promise can be put right: its words and when it is for.
    await promises.getByRole('button', { name: 'Edit: Hazel Quince will teach Amara her curry' }).click();
    const fix = promises.getByRole('form', { name: 'Put this promise right' });
    await fix.getByRole('textbox', { name: 'What will be done?' }).fill('teach Amara her curry, with the chutney');
    await fix.getByRole('radio', { name: 'No rush' }).check();
    await fix.getByRole('button', { name: 'Save', exact: true }).click();
    await promises.getByText('Hazel Quince will teach Amara her curry, with the chutney').waitFor();
    await promises.getByRole('listitem').filter({ hasText: 'with the chutney' }).getByText('no rush', { exact: true }).waitFor();
    await promises.getByRole('button', { name: 'Plan the next visit' }).click();
    await promises.getByLabel('Day of the visit').fill(day1);
    await promises.getByRole('button', { name: 'Save the day' }).click();
    await promises.getByText(/Next visit:\s*tomorrow/).waitFor();
    await promises.scrollIntoViewIfNeeded();
    await shot(page, 'promises-page');
    await audit(page, 'promises on the resident page');
    assert.deepEqual(await smallTargets(page), [], 'promises: tap targets under 44 px');

    // Today lists the promise due today and the visit tomorrow; a promise is done from there, and undone.
    await page.getByRole('button', { name: 'Caseload' }).click();
    await today.getByRole('heading', { name: /Promises due \(1\)/ }).waitFor();
    await today.getByRole('link', { name: 'Hazel Quince: The supporter will ask the council about the ramp' }).waitFor();
    await today.getByRole('link', { name: 'Hazel Quince (tomorrow)' }).waitFor();
    assert.equal(await today.getByText(/check the boiler/).count(), 0, 'no rush is never due');
    await shot(page, 'promises-today');
    await audit(page, 'Today');
    assert.deepEqual(await smallTargets(page), [], 'Today: tap targets under 44 px');
    await today.getByRole('button', { name: 'Done: The supporter will ask the council about the ramp' }).click();
    await today.getByRole('heading', { name: /Promises due/ }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await today.getByRole('heading', { name: /Promises due \(1\)/ }).waitFor();
    await today.getByRole('button', { name: 'Done: The supporter will ask the council about the ramp' }).click();
    await today.getByRole('heading', { name: /Promises due/ }).waitFor({ state: 'detached' });

    // Late is fine: the promise page still opens from Today, and keeps the kept one folded with its state.
    await today.getByRole('link', { name: 'Hazel Quince (tomorrow)' }).click();
    await promises.getByText("Done and put aside (1)").click();
    await promises.getByRole('button', { name: 'Still to do after all: The supporter will ask the council about the ramp' }).waitFor();

    // Handed to her: her words, spoken to her; the team-only promise is not there.
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    const hers = page.getByRole('region', { name: "What we said we'd do" });
    await hers.getByText('You will teach Amara her curry, with the chutney').waitFor();
    assert.equal(await hers.getByText(/check the boiler/).count(), 0, 'team-only promises never show to her');
    await hers.getByRole('button', { name: 'Not then: another day' }).click();
    await hers.getByRole('button', { name: "I'll call when I want a visit" }).click();
    await hers.getByText(/Next visit:\s*when I call \(moved at my wish\)/).waitFor();
    await hers.getByRole('button', { name: 'Done: You will teach Amara her curry, with the chutney' }).click();
    await hers.getByText('Done and put aside (2)').waitFor();
    await shot(page, 'promises-resident-mode');
    await audit(page, 'promises in resident mode');
    assert.deepEqual(await smallTargets(page), [], 'resident mode: tap targets under 44 px');
    await page.getByRole('button', { name: 'Give the phone back' }).click();
    await unlock(page);
    await page.getByText(/Next visit:\s*when they call \(moved at their wish\)/).waitFor();

    // Reopened with no network: everything is still there, and Today no longer lists her visit.
    await page.reload();
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor({ timeout: 15000 });
    await unlock(page);
    await page.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();
    await today.getByText('Nothing planned or due, and everyone has been seen lately.').waitFor();
    await page.getByRole('button', { name: /^Hazel Quince/ }).click();
    await page.getByText(/Next visit:\s*when they call/).waitFor();
    await page.getByText('Done and put aside (2)').waitFor();
  } finally {
    await context.close();
    await relay.stop();
  }
});
