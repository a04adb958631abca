// Two app instances and a relay: one edits while the relay is down ("no
// signal"), sees an honest status and a plain error, then both converge once
// the relay is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startPreview, startRelay, openBrowser, ready, shot, tempDir, connect, bin, PIN } from './helpers.mjs';

test('two devices converge through the relay after one edits offline', async () => {
  const relay = await startRelay();
  // Chloe (coordinator) enrols with the first invite, then invites Amara.
  const chloeStore = join(tempDir(), 'device.db');
  connect(chloeStore, 'init', '--name', 'Chloe');
  connect(chloeStore, 'enrol', '--relay', relay.url, '--invite', relay.invite);
  const code = JSON.parse(
    execFileSync(bin('connect'), ['--store', chloeStore, 'invite', '--name', 'Amara', '--role', 'supporter', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, CONNECT_PASSPHRASE: PIN },
    }),
  ).code;
  const amaraStore = join(tempDir(), 'device.db');
  connect(amaraStore, 'init', '--name', 'Amara');
  connect(amaraStore, 'enrol', '--relay', relay.url, '--invite', code);

  const amaraApp = await startPreview({ store: amaraStore });
  const chloeApp = await startPreview({ store: chloeStore });
  const a = await openBrowser();
  const c = await openBrowser();
  try {
    await a.page.goto(amaraApp.url);
    await ready(a.page);
    await a.page.getByRole('textbox', { name: /Add a resident/ }).fill('Sync Test');
    await a.page.getByRole('button', { name: 'Add', exact: true }).click();
    await a.page.getByRole('heading', { name: 'Sync Test' }).waitFor();
    await a.page.getByText('Saved on this phone, not sent yet (1)').waitFor();
    await a.page.getByRole('button', { name: 'Send now' }).click();
    await a.page.getByText('Sent to the team').waitFor();
    assert.ok(await a.page.getByText(/Last sent/).isVisible());

    await c.page.goto(chloeApp.url);
    await ready(c.page);
    await c.page.getByRole('button', { name: 'Send now' }).click();
    await c.page.getByRole('button', { name: /^Sync Test/ }).waitFor();

    // No signal: the relay is down. Amara keeps working.
    await relay.stop();
    await a.page.getByRole('button', { name: '+ A new offer' }).click();
    await a.page.getByRole('textbox', { name: 'A new offer' }).fill('Offline offer from the tower block');
    await a.page.getByRole('form', { name: 'A new offer' }).getByRole('button', { name: 'Add', exact: true }).click();
    await a.page.locator('.item-text', { hasText: 'Offline offer' }).waitFor();
    await a.page.getByText('Saved on this phone, not sent yet (1)').waitFor();
    await a.page.getByRole('button', { name: 'Send now' }).click();
    await a.page.getByText(/Could not reach the team\. Nothing is lost/).waitFor();
    await a.page.getByText('Saved on this phone, not sent yet (1)').waitFor();
    await shot(a.page, '10-sync-failed-offline');

    // Signal is back.
    await relay.start();
    await a.page.getByRole('button', { name: 'Send now' }).click();
    await a.page.getByText('Sent to the team').waitFor();
    await shot(a.page, '11-synced');
    await c.page.getByRole('button', { name: 'Send now' }).click();
    await c.page.getByText('Sent.').waitFor();
    await c.page.getByRole('button', { name: /^Sync Test/ }).click();
    await c.page.locator('.item-text', { hasText: 'Offline offer from the tower block' }).waitFor();
    await shot(c.page, '12-other-device-converged');
  } finally {
    await a.context.close();
    await c.context.close();
    amaraApp.stop();
    chloeApp.stop();
    await relay.stop().catch(() => {});
  }
});
