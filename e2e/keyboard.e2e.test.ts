import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPlayground, regions, type Session, shoot, startSession, tabTo } from './support/browser';

/** The key paths again, with the keyboard only: Tab, Space, Enter, arrows and Escape; never a click. */
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const fresh = (args = {}): Promise<Page> => freshPlayground(session, args);

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('Playground with the keyboard only', () => {
  it('selects records with Space and deletes them through the confirm dialog', async () => {
    const page = await fresh();
    await tabTo(page, page.getByRole('checkbox', { name: 'Select Grace Hopper' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Delete selected' }), 20).catch(async () => {
      // Shift+Tab back up to the toolbar when the button sits before the table.
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Shift+Tab');
        if ((await focusedName(page)) === 'Delete selected') return;
      }
      throw new Error('Delete selected not reached');
    });
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toContain('Delete 1 record? This cannot be undone.');
    expect(await focusedName(page)).toBe('Cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Records deleted' });
    await dialog.waitFor({ timeout: 10_000 });
    // Focus starts on the outcome's button; Enter closes it.
    expect(await focusedName(page)).toBe('Close');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByText('Grace Hopper').count()).resolves.toBe(0);
  });

  it('fills the Find and replace form from the overflow menu and submits it with Enter', async () => {
    const page = await fresh();
    const more = page.getByRole('group', { name: 'Sheet actions' }).getByRole('button', { name: 'More actions' });
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: 'Find and replace' });
    for (let i = 0; i < 6 && !(await item.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Find and replace' });
    await form.waitFor();
    await page.keyboard.type('Rand');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Corporation');
    await shoot(page, 'keyboard-find-replace-form');
    await page.keyboard.press('Enter');
    await regions(page).toolbar.getByRole('group', { name: 'Find and replace' }).waitFor();
    const dialog = page.getByRole('dialog', { name: 'Find and replace' });
    await page.getByText('Replaced “Rand” with “Corporation” 1 time.').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('cell', { name: 'Remington Corporation' }).count()).resolves.toBe(1);
  });

  it('exports and downloads with Enter, then opens the jobs panel with its shortcut and closes it with Escape', async () => {
    const page = await fresh();
    await tabTo(page, page.getByRole('button', { name: 'Export CSV' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export ready' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await focusedName(page)).toContain('Download contacts.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('contacts.csv');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Alt+j');
    const trigger = page.getByRole('button', { name: /^Jobs/ });
    await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('true');
    await page.locator('[data-slot="jobs-panel-row"]').first().waitFor();
    await expect(page.locator('[data-slot="jobs-panel-row"]').first().textContent()).resolves.toContain('Export CSV');
    await shoot(page, 'keyboard-panel');
    await page.keyboard.press('Escape');
    await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('false');
    expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('reaches "Stop waiting" on a stalled job with Tab and frees the sheet with Enter', async () => {
    const page = await fresh({ stallAfterMs: 1500 });
    const more = page.getByRole('group', { name: 'Sheet actions' }).getByRole('button', { name: 'More actions' });
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: 'Ask AI assist' });
    for (let i = 0; i < 6 && !(await item.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Ask AI assist' });
    await form.waitFor();
    const slow = form.getByRole('radio', { name: 'Enrich from the web (slow service)' });
    for (let i = 0; i < 4 && !(await slow.isChecked()); i += 1) {
      if (
        await form
          .getByRole('radio')
          .first()
          .evaluate((el) => el === document.activeElement || !!document.activeElement?.matches('input[type=radio]'))
      ) {
        await page.keyboard.press('ArrowDown');
      } else {
        await page.keyboard.press('Tab');
      }
    }
    expect(await slow.isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    const { table } = regions(page);
    const stop = table.getByRole('button', { name: 'Stop waiting' });
    await stop.waitFor({ timeout: 8000 });
    await tabTo(page, stop);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-slot="progress-overlay-overlay"]').count()).toBe(0);
  });
});
