// How fast the preview is for a supporter: launch to an interactive caseload,
// and opening a resident's page (goal < 100 ms end to end). Figures are written
// to e2e/results/timings.json and BENCHMARKS.md quotes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview, openBrowser, ready, root, tempDir, connect } from './helpers.mjs';

test('the caseload is interactive soon after launch and a resident page opens fast', async () => {
  // Seed the demo first so launch time is the app's, not the seeding's.
  const store = join(tempDir(), 'device.db');
  connect(store, 'init', '--name', 'Timer');
  connect(store, 'demo');
  const app = await startPreview({ store });
  const { context, page } = await openBrowser();
  try {
    await page.goto(app.url);
    await ready(page);
    await page.getByRole('button', { name: /^Doreen/ }).waitFor();
    const launchMs = Date.now() - app.startedAt;
    const opens = [];
    for (const name of ['Doreen', 'Kwame', 'Ioana', 'Rahima', 'Sid', 'Maureen', 'Tunde', 'Bilal']) {
      await page.getByRole('button', { name: 'Caseload', exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await page.getByRole('heading', { name, exact: true }).waitFor({ state: 'visible' });
      const t1 = await page.evaluate(() => performance.now());
      opens.push(t1 - t0);
    }
    opens.sort((a, b) => a - b);
    const median = opens[Math.floor(opens.length / 2)];
    const results = { launch_to_interactive_caseload_ms: launchMs, open_resident_ms: { median, max: opens.at(-1), all: opens } };
    mkdirSync(join(root, 'e2e', 'results'), { recursive: true });
    writeFileSync(join(root, 'e2e', 'results', 'timings.json'), JSON.stringify(results, null, 2));
    console.log(`launch to interactive caseload: ${launchMs} ms; open a resident: median ${median.toFixed(0)} ms, max ${opens.at(-1).toFixed(0)} ms`);
    assert.ok(median < 1000, 'sanity bound; the goal (100 ms) is reported, not asserted, as timings vary by machine');
  } finally {
    await context.close();
    app.stop();
  }
});
