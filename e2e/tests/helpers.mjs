// Shared helpers: start the preview (and a relay) as real processes on
// 127.0.0.1, drive Debian's Chromium with Playwright, take phone-size screenshots.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
export const bin = (name) => join(target, 'debug', name);
export const shots = join(root, 'e2e', 'screenshots');
mkdirSync(shots, { recursive: true });

export const PHONE = { width: 390, height: 844 };

/** The PIN every test device uses (the CLI's CONNECT_PASSPHRASE too). */
export const PIN = '507193';

export function tempDir(prefix = 'connect-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered at ${url}`);
}

/** Starts `connect-app preview`; returns { url, stop, startedAt, readyAt }. */
export async function startPreview({ store, demo = false, name, lockAfter } = {}) {
  const port = await freePort();
  const args = ['preview', '--listen', `127.0.0.1:${port}`, '--store', store ?? join(tempDir(), 'device.db')];
  if (demo) args.push('--demo');
  if (name) args.push('--name', name);
  if (lockAfter) args.push('--lock-after', String(lockAfter));
  const startedAt = Date.now();
  const child = spawn(bin('connect-app'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}/app`;
  try {
    await waitForHttp(url);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n${stderr}`);
  }
  return { url, startedAt, stop: () => child.kill('SIGTERM') };
}

/** The built web app (scripts/build-web). */
export const webApp = join(target, 'web');

/**
 * Starts a relay on a fresh database, serving the built web app at `/` when
 * `app` is true (from `appDir`, target/web unless given); returns
 * { url, port, invite, db, stop, start }.
 */
export async function startRelay({ app = false, appDir = webApp } = {}) {
  const dir = tempDir('connect-relay-');
  const db = join(dir, 'relay.db');
  const out = execFileSync(bin('connect-relay'), ['--db', db, 'team', 'create', 'E2E team'], { encoding: 'utf8' });
  const invite = out.trim().split('\n').pop();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child;
  const start = async () => {
    const args = ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`];
    if (app) args.push('--app', appDir);
    child = spawn(bin('connect-relay'), args, { stdio: 'ignore' });
    await waitForHttp(`${url}/healthz`);
  };
  await start();
  return { url, port, invite, db, start, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGKILL'); }) };
}

/**
 * A TCP proxy on 127.0.0.1 in front of `port` that sees what crosses the
 * wire: `down` and `up` count every byte (headers included), `requests`
 * lists each HTTP request line as { at, method, path }, so a test can tell a
 * download from an answer out of the browser's caches. `offline(true)` cuts
 * the wire (Playwright's setOffline leaves the browser's own service worker
 * update checks through). Returns { url, down, up, requests, offline, close },
 * with the counts read live.
 */
export async function countingProxy(port) {
  const seen = { down: 0, up: 0, requests: [] };
  const sockets = new Set();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (bytes) => {
      seen.up += bytes.length;
      // Requests with bodies (the API's POSTs) are not parsed: only their request line counts.
      for (const m of bytes.toString('latin1').matchAll(/^(GET|HEAD|POST|PUT|DELETE) (\S+) HTTP\/1\.1\r$/gm)) {
        seen.requests.push({ at: Date.now(), method: m[1], path: m[2] });
      }
    });
    upstream.on('data', (bytes) => { seen.down += bytes.length; });
    client.pipe(upstream);
    upstream.pipe(client);
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      a.on('error', () => b.destroy());
      a.on('close', () => { sockets.delete(a); b.destroy(); });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(seen, {
    url: `http://127.0.0.1:${server.address().port}`,
    offline: (off) => {
      cut = off;
      if (off) for (const s of sockets) s.destroy();
    },
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(resolve); }),
  });
}

/** Waits until nothing has crossed a `countingProxy` for `quietMs`. */
export async function quiet(proxy, quietMs = 1000) {
  let last = -1;
  while (proxy.down + proxy.up !== last) {
    last = proxy.down + proxy.up;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** Runs the `connect` CLI on a store; returns its last line. */
export function connect(store, ...args) {
  const out = execFileSync(bin('connect'), ['--store', store, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONNECT_PASSPHRASE: PIN },
  });
  return out.trim().split('\n').pop();
}

/** Runs the `connect` CLI with `--json`; returns the parsed output. */
export function connectJson(store, ...args) {
  const out = execFileSync(bin('connect'), ['--store', store, ...args, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, CONNECT_PASSPHRASE: PIN },
  });
  return JSON.parse(out);
}

/**
 * A team on a fresh relay: Chloe, coordinator, and Amara, supporter, each
 * with a store initialised and enrolled by the CLI. Returns their store paths.
 */
export function coordinatorAndSupporter(relay) {
  const chloeStore = join(tempDir(), 'device.db');
  connect(chloeStore, 'init', '--name', 'Chloe', '--role', 'coordinator');
  connect(chloeStore, 'enrol', '--relay', relay.url, '--invite', relay.invite);
  const amaraStore = join(tempDir(), 'device.db');
  connect(amaraStore, 'init', '--name', 'Amara');
  connect(amaraStore, 'enrol', '--relay', relay.url, '--invite', connectJson(chloeStore, 'invite', '--name', 'Amara', '--role', 'supporter').code);
  return { chloeStore, amaraStore };
}

/**
 * A fresh headless Chromium at phone size. With `camera`, the path of a
 * `.y4m` video, the browser's camera shows that video (see `fakeCamera`),
 * and the page may use it without asking.
 */
export async function openBrowser(viewport = PHONE, { camera } = {}) {
  const cameraArgs = camera
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`]
    : [];
  const context = await chromium.launchPersistentContext(tempDir('chromium-'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...cameraArgs],
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}

/**
 * Opens the web app at `relayUrl` in `page`, sets it up for `name`, and joins
 * the team in Settings with the invite `code` (the relay that served the app
 * is filled in); waits for the first send to reach the team.
 */
export async function joinFromBrowser(page, relayUrl, code, name) {
  await page.goto(relayUrl);
  await ready(page, 'Caseload', { name });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Invite code' }).fill(code);
  await page.getByRole('button', { name: 'Join your team' }).click();
  await page.locator('.sync-chip').getByText('Sent to the team').waitFor({ timeout: 20000 });
}

/**
 * The browser preview on the fictional demo caseload, opened at phone size
 * and unlocked, its caseload drawn; returns { app, context, page }.
 */
export async function openDemoCaseload() {
  const app = await startPreview({ demo: true });
  const { context, page } = await openBrowser();
  await page.goto(app.url);
  await ready(page);
  await page.locator('.row-name').first().waitFor();
  return { app, context, page };
}

/** Adds a resident from the caseload and waits for their page. */
export async function addResident(page, name) {
  await page.getByRole('textbox', { name: /Add a resident/ }).fill(name);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('heading', { name }).waitFor();
}

/** Adds an offer on the open resident's page and waits for it to show. */
export async function addOffer(page, text) {
  await page.getByRole('button', { name: '+ A new offer' }).click();
  await page.getByRole('textbox', { name: 'A new offer' }).fill(text);
  await page.getByRole('form', { name: 'A new offer' }).getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText(text).first().waitFor();
}

/**
 * A camera's view of a screen showing `text` as a QR code: a `.y4m` video
 * (one 640×480 frame, which Chromium's fake camera repeats) of the code,
 * drawn by the `qrcode` package, a little off centre on a grey, noisy
 * background; with `text` null, only the background. Returns its path.
 */
export function fakeCamera(text) {
  const [width, height, scale, left, top] = [640, 480, 9, 150, 40];
  const { modules } = text === null ? { modules: { size: -4 } } : QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const luma = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const mx = Math.floor((x - left) / scale) - quiet;
      const my = Math.floor((y - top) / scale) - quiet;
      const onScreen = x >= left && y >= top && mx < modules.size + quiet && my < modules.size + quiet;
      const dark = onScreen && mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx);
      const noise = (x * 7 + y * 13) % 23;
      luma[y * width + x] = dark ? 25 + noise : onScreen ? 225 - noise : 110 + noise;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const path = join(tempDir('camera-'), 'invite.y4m');
  writeFileSync(path, Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420\nFRAME\n`), luma, chroma, chroma,
  ]));
  return path;
}

/**
 * Waits until the LiveView app has rendered `text` as a heading, getting past
 * the lock on the way: the first-run screen (a name and a new PIN) or the
 * lock screen (the PIN), whichever the app shows.
 */
export async function ready(page, text = 'Caseload', { pin = PIN, name } = {}) {
  const target = page.getByRole('heading', { name: text, exact: true }).first();
  const locked = page.getByRole('heading', { name: 'Enter your PIN' }).or(page.getByRole('heading', { name: /^Please give this phone back to / }));
  const firstRun = page.getByRole('heading', { name: 'Set up this phone' });
  await target.or(locked).or(firstRun).first().waitFor({ timeout: 15000 }).catch(async (e) => {
    // Say what the screen showed instead: CI keeps the log, not the screenshots.
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 400)).catch(() => '?');
    throw new Error(`${e.message}\nThe screen showed: ${shown}`);
  });
  if (await firstRun.isVisible()) {
    if (name) await page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await page.getByLabel('Choose a PIN').fill(pin);
    await page.getByLabel('The same PIN again').fill(pin);
    await page.getByRole('button', { name: 'Set up', exact: true }).click();
  } else if (await locked.isVisible()) {
    await unlock(page, pin);
  }
  await target.waitFor({ timeout: 15000 }).catch(async (e) => {
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 400)).catch(() => '?');
    throw new Error(`${e.message}\nAfter the lock, the screen showed: ${shown}`);
  });
}

/** Types the PIN on the lock screen. */
export async function unlock(page, pin = PIN) {
  // After wrong PINs the button waits out the backoff; a PIN typed before
  // then would be cleared, so type it once the button can be pressed.
  const button = page.getByRole('button', { name: 'Unlock', exact: true, disabled: false });
  await button.waitFor({ timeout: 60000 });
  // "PIN", or on a phone handed to a resident "Amara's PIN".
  await page.getByLabel(/^(PIN|.+'s PIN)$/).fill(pin);
  await button.click();
}

export async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function audit(page, name) {
  // Evaluated through DevTools rather than added as a script tag, which the
  // web app's Content-Security-Policy (rightly) refuses.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(readFileSync(axePath, 'utf8'));
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad, null, 1)}`);
  return result;
}

/** Every visible button, link, input and select smaller than 44 × 44 px. */
export async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="tab"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not shown
      // A checkbox, radio or file picker is tapped through its label, which is the target.
      const target = el.matches('input[type="checkbox"], input[type="radio"], input[type="file"]') ? (el.closest('label') ?? el) : el;
      const t = target.getBoundingClientRect();
      if (t.height < 44 || t.width < 44) small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(t.width)}×${Math.round(t.height)}`);
    }
    return small;
  });
}
