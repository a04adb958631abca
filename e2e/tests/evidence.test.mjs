// Evidence and community, end to end: a resident completes a check-in with
// skips in their own words, and the coordinator's figures change (from "fewer
// than 5" to shown); the circle over time; a match explained, suggested and
// answered; a story shared without a name that disappears from the
// coordinator's view at the next sync after consent is withdrawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startPreview, startRelay, openBrowser, ready, shot, shots, tempDir, connect, coordinatorAndSupporter, audit,
} from './helpers.mjs';

/** The figure shown for a measure on the insights screen. */
async function figure(page, label) {
  const box = page.locator('.figure', { has: page.getByText(label, { exact: true }) });
  return (await box.locator('dd').textContent()).trim();
}

test('a check-in with skips counts in the team figures only once five residents agree', async () => {
  const store = join(tempDir(), 'device.db');
  connect(store, 'init', '--name', 'Chloe', '--role', 'coordinator');
  const ids = [];
  for (const name of ['Ada', 'Bert', 'Cora', 'Dev', 'Edie']) {
    const r = connect(store, 'resident', 'add', '--name', name);
    connect(store, 'note', 'add', r, 'First visit: tea and a chat');
    connect(store, 'person', 'add', r, 'Jean', '--ring', 'friendship', '--two-way');
    ids.push(r);
  }
  for (const r of ids.slice(0, 4)) {
    connect(store, 'checkin', r, '--ucla3', '3,3,2', '--ons4', '4,5,5,6', '--share');
    connect(store, 'checkin', r, '--ucla3', '2,1,2', '--ons4', '6,6,7,3', '--share');
  }
  connect(store, 'checkin', ids[4], '--ucla3', '3,3,3', '--share');
  connect(store, 'ask', 'add', ids[0], 'Someone to go to the market with', '--category', 'company');
  connect(store, 'offer', 'add', ids[1], 'Happy to walk to the market on Saturdays', '--category', 'company');

  const app = await startPreview({ store });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);

    // Before: only four residents have two agreed check-ins: too few to show.
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('tab', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: /Check-ins \(residents who agreed\)/ }).waitFor();
    assert.match(await page.getByRole('heading', { name: /Check-ins \(residents who agreed\)/ }).textContent(), /fewer than 5/);
    assert.equal(await figure(page, 'Residents supported'), '5');
    await shot(page, '30-insights-before');

    // A match, explained, suggested to both.
    await page.getByRole('tab', { name: 'Matches' }).click();
    // Grouped by ask: the ask once, the offers that might meet it below.
    const group = page.locator('.match-group', { hasText: 'Someone to go to the market with' });
    const match = group.locator('.item.match', { hasText: /market/ }).first();
    await match.waitFor();
    assert.match(await match.textContent(), /both mention market/);
    await shot(page, '31-matches');
    await match.getByRole('button', { name: /Suggest an introduction/ }).click();
    await page.getByText('Suggested to both').waitFor();
    await page.getByText('Waiting for an answer').waitFor();

    // Edie checks in on the supporter's phone, in her own hands, skipping some.
    await page.getByRole('button', { name: 'Caseload', exact: true }).click();
    await page.getByRole('button', { name: /^Edie/ }).click();
    await page.getByRole('button', { name: 'Hand to resident' }).click();
    await page.getByRole('button', { name: 'Check-ins', exact: true }).click();
    await page.getByRole('button', { name: 'Start a check-in' }).click();
    await page.getByRole('button', { name: /^All the questions/ }).click();
    await page.getByRole('heading', { name: 'How often do you feel lonely?' }).waitFor();
    await shot(page, '32-checkin-first-question');
    await page.getByRole('button', { name: 'Skip this one' }).click();
    for (let i = 0; i < 3; i++) {
      await page.getByText(`Question ${i + 2} / `).waitFor();
      await page.getByRole('button', { name: 'Hardly ever', exact: true }).click();
    }
    await page.getByRole('heading', { name: /how satisfied are you with your life/ }).waitFor();
    await page.getByRole('button', { name: 'Skip this one' }).click();
    await page.getByRole('heading', { name: /worthwhile/ }).waitFor();
    await page.getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('heading', { name: /happy did you feel yesterday/ }).waitFor();
    await shot(page, '33-checkin-scale');
    await page.getByRole('button', { name: 'Stop here' }).click();
    await page.getByRole('heading', { name: /count in the team's figures/ }).waitFor();
    await page.getByRole('button', { name: 'Yes, they may count' }).click();
    await page.getByText('Thank you.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    // Her trend only when she asks for it, in kind words.
    assert.equal(await page.locator('.trend-words').count(), 0, 'not shown unasked');
    await page.getByRole('button', { name: 'How have things changed for me?' }).click();
    const trend = page.locator('.trend-words');
    // In kind words: better, with no score and no colour.
    await trend.getByText(/Feeling lonely: better than in/).waitFor();
    assert.doesNotMatch(await trend.textContent(), /score|\d of 10|amber|red/i);
    await shot(page, '34-checkin-trend-in-words');
    await audit(page, 'resident check-in trend');

    // Back to the supporter, with the supporter's PIN.
    await page.getByRole('button', { name: 'My page', exact: true }).click();
    await page.getByRole('button', { name: 'Give the phone back' }).click();
    await ready(page, 'Edie');

    // After: five residents agree, so the check-in figures are shown.
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('tab', { name: 'Insights' }).click();
    const heading = page.getByRole('heading', { name: /Check-ins \(residents who agreed\)/ });
    await heading.waitFor();
    assert.match(await heading.textContent(), /: 5$/);
    assert.match(await figure(page, 'Loneliness score in the middle of the range (3 to 9, lower is less lonely), first and latest'), /^8 → 5$/);
    // Jean was added during each first visit, after the note: she counts at it.
    const friends = page.locator('.paired-bars tr', { has: page.getByRole('rowheader', { name: 'Friends' }) });
    assert.deepEqual(await friends.locator('td').allTextContents(), ['1', '1']);
    await shot(page, '35-insights-after');
    await audit(page, 'insights');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Save the figures (CSV)' }).click();
        await page.getByRole('link', { name: 'Save one row per resident, pseudonymous (CSV)' }).click();
      })(),
    ]);
    const rows = readFileSync(await download.path(), 'utf8');
    assert.equal(rows.trim().split('\n').length, 6);
    for (const name of ['Ada', 'Bert', 'Cora', 'Dev', 'Edie']) assert.ok(!rows.includes(name), `${name} is not in the CSV`);

    // Edie changes her mind about her latest check-in: the figures go back.
    await page.getByRole('button', { name: 'Caseload', exact: true }).click();
    await page.getByRole('button', { name: /^Edie/ }).click();
    await page.getByRole('tab', { name: 'Check-ins' }).click();
    await page.getByRole('button', { name: 'Stop counting this in team figures' }).first().click();
    await page.getByRole('button', { name: 'Let this count in team figures' }).first().waitFor();
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('tab', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: /Check-ins \(residents who agreed\): fewer than 5/ }).waitFor();

    // The circle over time: pick the first visit, then a date before it.
    await page.getByRole('button', { name: 'Caseload', exact: true }).click();
    await page.getByRole('button', { name: /^Ada/ }).click();
    await page.getByRole('tab', { name: 'Circle of care' }).click();
    await page.getByRole('heading', { name: 'How the circle has changed' }).waitFor();
    await page.locator('.moment-picker .chip').first().click();
    await page.locator('.ring-counts caption', { hasText: 'visit' }).waitFor();
    const inCircle = page.locator('.ring-counts tr', { has: page.getByRole('rowheader', { name: 'In the circle' }) }).locator('td');
    assert.equal(await inCircle.textContent(), '1', 'Jean counts at the first visit');
    await page.getByLabel('Or pick any date').fill('2020-01-01');
    await page.locator('.ring-counts caption', { hasText: '1 January 2020' }).waitFor();
    assert.equal(await inCircle.textContent(), '0', 'nobody was in the circle in 2020');
    await page.locator('.circle-history').screenshot({ path: join(shots, '36-circle-over-time.png') });

    // The asker answers the introduction on her page.
    await page.getByRole('tab', { name: 'What I can offer' }).click();
    const intro = page.locator('.intro');
    await intro.getByText('Someone who might help with:').waitFor();
    await intro.getByRole('button', { name: 'Yes, introduce us' }).click();
    await intro.getByText('You said yes').waitFor();
  } finally {
    await context.close();
    app.stop();
  }
});

test('a story shared without a name shows no name and leaves the view at the sync after consent is withdrawn', async () => {
  const relay = await startRelay();
  const { chloeStore, amaraStore } = coordinatorAndSupporter(relay);
  const r = connect(amaraStore, 'resident', 'add', '--name', 'Hyacinth Bucket');
  connect(amaraStore, 'story', 'set', r, 'Hyacinth here. After the hospital I saw nobody; now I run the tea urn at the lunch club.');
  connect(amaraStore, 'story', 'consent', r, 'anonymous');
  connect(amaraStore, 'sync');

  const app = await startPreview({ store: chloeStore });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('button', { name: /^Hyacinth Bucket/ }).waitFor();
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('tab', { name: 'Stories we may share' }).click();
    const story = page.locator('article.story');
    await story.waitFor();
    const text = await story.textContent();
    assert.match(text, /Shared without a name/);
    assert.match(text, /\[name\] here\. After the hospital/);
    assert.ok(!text.includes('Hyacinth') && !text.includes('Bucket'), `no name: ${text}`);
    await shot(page, '37-stories-we-may-share');
    await audit(page, 'stories we may share');

    // She withdraws consent on Amara's phone; at Chloe's next sync it is gone.
    connect(amaraStore, 'story', 'consent', r, 'private');
    connect(amaraStore, 'sync');
    assert.equal(await story.count(), 1, 'still shown until the withdrawal arrives');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('No stories may be shared yet.').waitFor();
    await shot(page, '38-story-withdrawn');
  } finally {
    await context.close();
    app.stop();
    await relay.stop().catch(() => {});
  }
});
