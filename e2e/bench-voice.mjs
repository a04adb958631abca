// What a minute of voice takes (issue 23's goal: at most 250 KB), measured
// in Debian's Chromium at 390×844 with its fake microphone (a steady tone,
// which Opus codes no cheaper than speech at a fixed bit rate): the web app
// records for RECORD_SECONDS (default 60) through its own "Record a voice
// note", keeps it, sends it, and a CLI device on the same relay fetches it;
// the figure is the file's bytes, scaled to one minute of its measured length.
//
// By hand, after `scripts/build-web` and `cargo build -p connect-relay -p connect-cli`:
//   (cd e2e && npm run bench:voice)
// Prints the figures as JSON, also written to e2e/results/voice.json;
// `scripts/e2e` checks the script compiles (`node --check`).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startRelay, openBrowser, fakeCamera, root, connect, connectJson, coordinatorAndSupporter, addResident, tempDir,
  joinFromBrowser,
} from './tests/helpers.mjs';

const seconds = Number(process.env.RECORD_SECONDS || 60);
const relay = await startRelay({ app: true });
const { chloeStore } = coordinatorAndSupporter(relay);
const code = connectJson(chloeStore, 'invite', '--name', 'Bea', '--role', 'supporter').code;
const { context, page } = await openBrowser(undefined, { camera: fakeCamera(null) });
try {
  await joinFromBrowser(page, relay.url, code, 'Bea');
  await page.getByRole('button', { name: 'Caseload' }).click();
  await addResident(page, 'Vera Voice');
  await page.locator('section.about-me').getByRole('button', { name: 'Add a voice note or photo' }).click();
  await page.getByRole('button', { name: 'Record a voice note' }).click();
  const mm = Math.floor(seconds / 60);
  const ss = String(seconds % 60).padStart(2, '0');
  await page.getByRole('timer').getByText(`Recording: ${mm}:${ss} of 10:00`).waitFor({ timeout: (seconds + 30) * 1000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByRole('textbox', { name: 'What the voice note is about' }).fill('A minute of voice');
  await page.getByRole('button', { name: 'Keep it', exact: true }).click();
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.locator('li.media-card').getByText('Safe with the team').waitFor({ timeout: 60000 });
  connect(chloeStore, 'sync');
  const vera = connectJson(chloeStore, 'resident', 'list').find((r) => r.preferred_name === 'Vera Voice');
  const [note] = connectJson(chloeStore, 'media', 'list', vera.resident);
  const out = join(tempDir(), 'note');
  connect(chloeStore, 'media', 'get', note.hash, '--out', out);
  assert.equal(readFileSync(out).length, note.bytes);
  const perMinute = Math.round((note.bytes * 60000) / note.duration_ms);
  const result = { recorded_ms: note.duration_ms, mime: note.mime, bytes: note.bytes, bytes_per_minute: perMinute, goal: 250_000 };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(root, 'e2e', 'results'), { recursive: true });
  writeFileSync(join(root, 'e2e', 'results', 'voice.json'), `${JSON.stringify(result, null, 2)}\n`);
  assert.ok(perMinute <= 250_000, `a minute of voice takes ${perMinute} bytes`);
} finally {
  await context.close();
  await relay.stop();
}
