import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort, type Redis, startRedis } from '../test/server/redis';

/**
 * examples/bullmq as a user meets it: `npm run example:bullmq` (one server, two BullMQ workers) on a
 * throwaway redis-server, and the host page driven in Chromium.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
let redis: Redis;
let example: ChildProcess;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  redis = await startRedis();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  example = spawn(process.execPath, [`${root}examples/bullmq/start.mjs`], {
    env: { ...process.env, PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redis.port}`, SPEED: '4' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the example did not start:\n${output}`)), 50_000);
    example.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Jobkit on BullMQ:') && (output.match(/worker \d+ ready/g) ?? []).length === 2) {
        clearTimeout(timer);
        resolve();
      }
    });
    example.once('exit', (code) => reject(new Error(`the example exited with ${code}:\n${output}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    headless: true,
  });
});

afterAll(async () => {
  await browser?.close();
  if (example !== undefined && example.exitCode === null) {
    const exited = new Promise((resolve) => example.once('exit', resolve));
    example.kill('SIGTERM');
    await exited;
  }
  await redis?.stop();
});

describe('examples/bullmq in Chromium', () => {
  it('runs an export in a BullMQ worker: the toolbar overlay shows progress, then the outcome opens', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(origin);
    const toolbar = page.getByRole('group', { name: 'Sheet actions' });
    await expect(
      page.getByRole('table', { name: 'Contacts records' }).getByRole('row').count(),
    ).resolves.toBeGreaterThan(1);
    await toolbar.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByRole('progressbar').first().waitFor();
    const dialog = page.getByRole('dialog', { name: 'Export ready' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toMatch(/contacts were written to contacts\.csv/);
    await page.close();
  });

  it('deletes selected records in a worker and shows the sheet as the worker left it', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(origin);
    const rows = page.getByRole('table', { name: 'Contacts records' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    const before = await rows.count();
    await page.getByRole('table', { name: 'Contacts records' }).getByRole('checkbox').nth(1).check();
    await page.getByRole('group', { name: 'Sheet actions' }).getByRole('button', { name: 'Delete selected' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /Delete/ })
      .click();
    const outcome = page.getByRole('dialog', { name: 'Records deleted' });
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toMatch(/1 record was deleted/);
    await page.keyboard.press('Escape');
    await outcome.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.close();
  });
});
