// How the web app reaches a phone (issue 25): compressed on the wire, each
// file downloaded once on a first visit (the service worker's precache takes
// the page's downloads from the HTTP cache), and an update that downloads
// only the files that changed. A TCP proxy in front of the relay sees every
// request that reaches the network, the service worker's included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { webApp, tempDir, startRelay, countingProxy, openBrowser, quiet, shot } from './helpers.mjs';

/** The service worker's FILES: each path with the start of its content's SHA-256. */
function precacheList(dir) {
  return JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const FILES = (\{.*\});$/m)[1]);
}

/**
 * A new version of the app in `dir`, as scripts/build-web would write it
 * when only index.html and app.js changed: new contents, their compressed
 * copies, and a service worker listing their new hashes under a new version.
 */
function releaseNewVersion(dir) {
  const files = precacheList(dir);
  const changes = [
    ['index.html', './', (text) => text.replace('<head>', '<head><meta name="connect-version" content="2">')],
    ['app.js', 'app.js', (text) => `${text}// version 2\n`],
  ];
  for (const [name, path, change] of changes) {
    const text = change(readFileSync(join(dir, name), 'utf8'));
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
    files[path] = createHash('sha256').update(text).digest('hex').slice(0, files[path].length);
  }
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8')
    .replace(/^const VERSION = ".*";$/m, 'const VERSION = "version-2";')
    .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files)};`);
  writeFileSync(join(dir, 'sw.js'), worker);
  writeFileSync(join(dir, 'sw.js.br'), brotliCompressSync(worker));
  writeFileSync(join(dir, 'sw.js.gz'), gzipSync(worker));
}

test('a first visit downloads each file once, compressed, and an update downloads only the files that changed', async () => {
  // A copy of the built app, which the test then updates in place.
  const appDir = join(tempDir('connect-app-'), 'web');
  cpSync(webApp, appDir, { recursive: true });
  const relay = await startRelay({ app: true, appDir });
  const proxy = await countingProxy(relay.port);
  const { context, page } = await openBrowser();
  const encodings = {};
  context.on('response', async (response) => {
    encodings[new URL(response.url()).pathname] = (await response.allHeaders())['content-encoding'] ?? '';
  });
  try {
    // 1. The first visit: each file crosses the wire once, the page's and the precache's together.
    await page.goto(proxy.url);
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 15000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await quiet(proxy);
    const files = precacheList(appDir);
    const wasm = Object.keys(files).find((p) => p.endsWith('.wasm'));
    const fetched = proxy.requests.map((r) => r.path);
    const expected = Object.keys(files).map((p) => (p === './' ? '/' : `/${p}`));
    assert.deepEqual([...fetched].sort(), [...expected, '/sw.js'].sort(), 'every file of the app, each once');
    assert.equal(encodings[`/${wasm}`], 'br', 'the module came brotli-compressed');
    assert.equal(encodings['/'], 'br', 'and the page');
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const keys = await (await caches.open(names[0])).keys();
      return { names, keys: keys.map((k) => new URL(k.url).pathname + new URL(k.url).search) };
    });
    assert.equal(cached.names.length, 1);
    assert.deepEqual(cached.keys.sort(), Object.entries(files).map(([p, h]) => `/${p === './' ? '' : p}?v=${h}`).sort(),
      'the precache holds every file under its hash');
    // A reload is answered by the service worker: nothing crosses the wire but the update check.
    const beforeReload = proxy.requests.length;
    await page.reload();
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 15000 });
    await quiet(proxy);
    assert.deepEqual(proxy.requests.slice(beforeReload).map((r) => r.path).filter((p) => p !== '/sw.js'), [],
      'a second visit downloads nothing');

    // 2. An update changes index.html and app.js: only they (and the service worker) are downloaded.
    // The browser's HTTP cache is emptied first, as a phone's often is by the
    // time an update comes: the unchanged files come from the old version's cache.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    releaseNewVersion(appDir);
    const beforeUpdate = proxy.requests.length;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByText('A new version of the app is ready.').waitFor({ timeout: 15000 });
    await quiet(proxy);
    const updated = proxy.requests.slice(beforeUpdate).map((r) => r.path);
    assert.deepEqual([...new Set(updated)].sort(), ['/', '/app.js', '/sw.js'], `the update downloaded ${updated}`);
    assert.ok(!updated.includes(`/${wasm}`), 'the unchanged module is not downloaded again');
    await shot(page, 'web-update-offered');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name="connect-version"]')?.content === '2', null, { timeout: 15000 });
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 15000 });
    const after = await page.evaluate(async () => (await caches.keys()));
    assert.deepEqual(after, ['connect-version-2'], 'the old version is gone once the new one runs');

    // 3. And the new version opens with no network.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 15000 });
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="connect-version"]')?.content), '2');
  } finally {
    await context.close();
    await proxy.close();
    await relay.stop();
  }
});

test('a first visit on a slow connection says how far the download has come, and a later visit does not', async () => {
  const relay = await startRelay({ app: true });
  const { context, page } = await openBrowser();
  // Every status the page shows before the screens come, in order.
  await context.addInitScript(() => {
    window.statuses = [];
    const note = () => {
      const status = document.getElementById('app-root')?.dataset.status;
      if (status && status !== window.statuses.at(-1)) window.statuses.push(status);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // 4 Mbit/s: the module takes a few seconds, long enough to be seen coming.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 4e6 / 8, uploadThroughput: 1e6 / 8 });
    await page.goto(relay.url);
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 30000 });
    const first = await page.evaluate(() => window.statuses);
    const percents = first.map((s) => s.match(/^Downloading Connect Companion, only this once: (\d+)%$/)?.[1]).filter(Boolean).map(Number);
    assert.ok(percents.length >= 3, `the download's progress was shown as it came: ${JSON.stringify(first)}`);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'the progress only goes up');
    assert.equal(first.at(-1), 'Opening Connect Companion…', 'once downloaded, it says it is opening');

    // A later visit takes the module from the service worker's cache: nothing to download.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await page.reload();
    await page.getByRole('heading', { name: 'Set up this phone' }).waitFor({ timeout: 30000 });
    const later = await page.evaluate(() => window.statuses);
    assert.ok(!later.some((s) => s.startsWith('Downloading')), `a later visit downloads nothing: ${JSON.stringify(later)}`);
  } finally {
    await context.close();
    await relay.stop();
  }
});
