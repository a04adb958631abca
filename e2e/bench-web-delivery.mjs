// What a phone on a weak signal goes through to open the web app (issue 25),
// measured in Debian's Chromium at 390×844:
//  1. a first visit, throttled by CDP's Network.emulateNetworkConditions to
//     1.6 Mbit/s down, 750 kbit/s up and a 150 ms round trip: the time from
//     the address being opened to the PIN screen ("Set up this phone"),
//     when the module's last byte came, and the bytes on the wire then and
//     once the service worker has installed;
//     it lists any file that crossed the wire twice (none should: the
//     service worker's precache takes the page's downloads from the
//     browser's HTTP cache);
//  2. second visits with the network off: the time to the PIN screen
//     ("Enter your PIN"), from the service worker's cache.
// Times are the page's own: from the navigation's start to the heading's
// arrival in the page. Bytes are counted by a TCP proxy in front of the relay
// (headers included, the service worker's requests too, which CDP's page
// session does not see).
//
// By hand, after `scripts/build-web` and `cargo build -p connect-relay`:
//   (cd e2e && npm run bench:web)
// BENCH_RUNS=N makes N first visits (default 3); BENCH_APP=DIR serves
// another build of the app than target/web (an older one, to compare).
// Prints each run, then the medians and the machine's load average (other
// work on it slows every figure) as JSON, also written to
// e2e/results/web-delivery.json; `scripts/e2e` checks the script
// compiles (`node --check`). Screenshots go to e2e/screenshots/bench-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startRelay, countingProxy, openBrowser, quiet, ready, shot, root, webApp } from './tests/helpers.mjs';

/** The phone's weak signal, in CDP's units (bytes per second, milliseconds). */
const WEAK_SIGNAL = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const MiB = 1024 * 1024;
const runs = Number(process.env.BENCH_RUNS || 3);
const appDir = process.env.BENCH_APP || webApp;

/**
 * Records in the page when each heading first appears, in milliseconds since
 * the navigation started (the page's own clock): Playwright's polling for it
 * lags by up to several hundred milliseconds on a busy machine.
 */
function recordHeadings() {
  window.shownAt = {};
  new MutationObserver(() => {
    for (const h of document.querySelectorAll('h1, h2')) {
      const text = h.textContent.trim();
      if (!(text in window.shownAt)) window.shownAt[text] = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** When `heading` appeared, by the page's clock, once Playwright has seen it. */
async function appeared(page, heading, timeout) {
  await page.getByRole('heading', { name: heading }).waitFor({ timeout });
  return Math.round(await page.evaluate((text) => window.shownAt[text], heading));
}

/** The paths the network served more than once: each file should cross the wire at most once. */
function twice(requests) {
  const count = {};
  for (const { path } of requests) count[path] = (count[path] || 0) + 1;
  return Object.entries(count).filter(([, n]) => n > 1);
}

async function oneRun(n) {
  const relay = await startRelay({ app: true, appDir });
  const proxy = await countingProxy(relay.port);
  const { context, page } = await openBrowser();
  try {
    await context.addInitScript(recordHeadings);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', WEAK_SIGNAL);
    // What the page, its worker and the service worker asked for, and whence it came.
    const answered = [];
    context.on('requestfinished', async (request) => {
      const response = await request.response();
      answered.push({
        url: request.url().replace(proxy.url, ''),
        by: request.serviceWorker() ? 'service worker' : 'page or its worker',
        status: response?.status(),
        encoding: (await response?.allHeaders())?.['content-encoding'] ?? '',
        fromServiceWorker: response?.fromServiceWorker() ?? false,
      });
    });

    // 1. The first visit, on the weak signal.
    await page.goto(proxy.url, { waitUntil: 'commit' });
    if (n === 1) {
      // What the phone shows while the module is still on its way.
      await page.waitForTimeout(3000);
      await shot(page, 'bench-first-visit-loading');
    }
    const firstScreenMs = await appeared(page, 'Set up this phone', 180000);
    const atFirstScreen = { down: proxy.down, up: proxy.up };
    // When the module's last byte came: what follows it (compiling, starting
    // the store's worker, asking it for the lock state) is the rest.
    const moduleArrivedMs = await page.evaluate(() => Math.round(
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? -1));
    if (n === 1) await shot(page, 'bench-first-visit-first-screen');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
    await quiet(proxy, 1500);
    const firstVisit = { down: proxy.down, up: proxy.up, requests: [...proxy.requests] };

    // Set the phone up (no network needed), so later visits show the lock screen.
    await ready(page, 'Caseload', { name: 'Bench' });
    await page.close();

    // 2. Later visits with the network off: from the service worker's cache.
    await context.setOffline(true);
    proxy.offline(true);
    const beforeOffline = proxy.down + proxy.up;
    const requestsBeforeOffline = proxy.requests.length;
    const offline = [];
    for (let i = 0; i < 3; i++) {
      const again = await context.newPage();
      await again.goto(proxy.url, { waitUntil: 'commit' });
      offline.push(await appeared(again, 'Enter your PIN', 30000));
      if (n === 1 && i === 0) await shot(again, 'bench-second-visit-offline');
      await again.close();
    }
    assert.equal(proxy.down + proxy.up, beforeOffline,
      `nothing crosses the wire with the network off: ${JSON.stringify(proxy.requests.slice(requestsBeforeOffline))}`);
    return {
      first_visit_to_pin_screen_ms: firstScreenMs,
      first_visit_module_arrived_ms: moduleArrivedMs,
      on_the_wire_at_pin_screen_mib: +(atFirstScreen.down / MiB).toFixed(3),
      on_the_wire_first_visit_mib: +(firstVisit.down / MiB).toFixed(3),
      sent_first_visit_kib: +(firstVisit.up / 1024).toFixed(1),
      downloaded_twice_first_visit: twice(firstVisit.requests),
      requests_first_visit: firstVisit.requests.map((r) => `${r.method} ${r.path}`),
      answered_first_visit: answered,
      offline_visit_to_pin_screen_ms: offline,
    };
  } finally {
    await context.close();
    await proxy.close();
    await relay.stop();
  }
}

const results = [];
for (let n = 1; n <= runs; n++) {
  const r = await oneRun(n);
  results.push(r);
  console.log(`run ${n}: PIN screen after ${r.first_visit_to_pin_screen_ms} ms (the module arrived at ${r.first_visit_module_arrived_ms} ms) with ${r.on_the_wire_at_pin_screen_mib} MiB on the wire `
    + `(${r.on_the_wire_first_visit_mib} MiB once the service worker had installed); offline visits ${r.offline_visit_to_pin_screen_ms.join(', ')} ms`
    + (r.downloaded_twice_first_visit.length ? `; downloaded twice: ${JSON.stringify(r.downloaded_twice_first_visit)}` : ''));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = {
  throttle: WEAK_SIGNAL,
  runs,
  first_visit_to_pin_screen_ms: median(results.map((r) => r.first_visit_to_pin_screen_ms)),
  first_visit_module_arrived_ms: median(results.map((r) => r.first_visit_module_arrived_ms)),
  on_the_wire_at_pin_screen_mib: median(results.map((r) => r.on_the_wire_at_pin_screen_mib)),
  on_the_wire_first_visit_mib: median(results.map((r) => r.on_the_wire_first_visit_mib)),
  offline_visit_to_pin_screen_ms: median(results.flatMap((r) => r.offline_visit_to_pin_screen_ms)),
  downloaded_twice_first_visit: results.flatMap((r) => r.downloaded_twice_first_visit),
  // Other work on the machine slows every figure: say how busy it was.
  load_average_at_end: loadavg().map((l) => +l.toFixed(2)),
  goals: { first_visit_ms: 12000, first_visit_mib: 2.2, offline_visit_ms: 1000 },
  first_run: results[0],
};
mkdirSync(join(root, 'e2e', 'results'), { recursive: true });
writeFileSync(join(root, 'e2e', 'results', 'web-delivery.json'), JSON.stringify({ summary, results }, null, 2));
console.log(JSON.stringify(summary, null, 2));
