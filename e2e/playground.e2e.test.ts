import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPlayground, regions, type Session, shoot, startSession } from './support/browser';

/**
 * The Playground driven with the mouse, as a newcomer would: each of Flatfile's job kinds started from its
 * action, forms filled, overlays and ETAs seen, outcomes read and their next buttons used.
 */
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const fresh = (args = {}): Promise<Page> => freshPlayground(session, args);

/** The sheet's overflow menu item, chosen with the mouse. */
async function fromSheetMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('group', { name: 'Sheet actions' }).getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The outcome popup's dialog, once it shows `heading`. */
const outcome = (page: Page, heading: string) => page.getByRole('dialog', { name: heading });

/** An ETA text as the overlay words it. */
const ETA = /^(Estimating…|Less than a minute left|About \d+ (seconds?|minutes?) left)$/;

describe('Playground with the mouse', () => {
  it('follows the theme control: dark tokens on the page and an overlay in the dark', async () => {
    const page = await fresh({ theme: 'dark', speed: 1 });
    await expect(page.locator('.pg-app').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
      'rgb(23, 25, 30)',
    );
    await page.getByRole('group', { name: 'Space actions' }).getByRole('button', { name: 'Configure space' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /Configure space|Continue/ })
      .click();
    await page.getByRole('group', { name: 'Configure space' }).getByRole('progressbar').waitFor();
    await page.waitForTimeout(1200);
    await shoot(page, 'dark-configure-overlay');
  });

  it('exports the sheet (toolbarBlocking) and downloads the CSV from the outcome', async () => {
    const page = await fresh({ speed: 1 });
    await page.getByRole('button', { name: 'Export CSV' }).click();
    // toolbarBlocking: the toolbar is covered, the table is not; the indicator counts the job.
    const { toolbar, table } = regions(page);
    await toolbar.getByRole('group', { name: 'Export CSV' }).waitFor();
    await expect(table.locator('[data-slot="progress-overlay-overlay"]').count()).resolves.toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Jobs 1 running' }).count()).toBe(1);
    await expect
      .poll(() => toolbar.locator('[data-slot="progress-overlay-eta"]').textContent(), { timeout: 4000 })
      .toMatch(ETA);
    await shoot(page, 'export-toolbar-blocked');
    const dialog = outcome(page, 'Export ready');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('6 contacts were written to contacts.csv.');
    await shoot(page, 'export-outcome');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download contacts.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts.csv');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toBe('name,email,company');
    expect(csv).toContain('"Ada Lovelace","ada@analytical.example","Analytical Engines"');
    await expect(page.locator('output[aria-label="Last activity"]').textContent()).resolves.toBe(
      'Downloaded contacts.csv',
    );
    await dialog.waitFor({ state: 'detached' });
  });

  it('deletes the selected records after a confirm that counts them, behind a foreground overlay with an ETA', async () => {
    const page = await fresh({ speed: 1 });
    await page.getByRole('checkbox', { name: 'Select Alan Turing' }).check();
    await page.getByRole('checkbox', { name: 'Select Tim Berners-Lee' }).check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toContain('Delete 2 records? This cannot be undone.');
    // Focus starts on Cancel.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await shoot(page, 'delete-confirm');
    await confirm.getByRole('button', { name: /Delete selected|Continue/ }).click();
    const { table } = regions(page);
    const panel = table.getByRole('group', { name: 'Delete selected' });
    await panel.waitFor();
    const eta = table.locator('[data-slot="progress-overlay-eta"]');
    await expect.poll(() => eta.textContent(), { timeout: 4000 }).toMatch(ETA);
    await expect(table.locator('[data-slot="progress-overlay-content"]').getAttribute('inert')).resolves.not.toBeNull();
    await shoot(page, 'delete-overlay');
    const dialog = outcome(page, 'Records deleted');
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.textContent()).resolves.toContain('2 records were deleted.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('checkbox', { name: /^Select (?!all)/ }).count()).toBe(4);
    await expect(page.getByText('Alan Turing').count()).resolves.toBe(0);
  });

  it('finds and replaces through its input form, blocking only the toolbar', async () => {
    const page = await fresh();
    await fromSheetMenu(page, 'Find and replace');
    const form = page.getByRole('dialog', { name: 'Find and replace' });
    await form.getByRole('textbox', { name: /^Find/ }).fill('.example');
    await form.getByRole('textbox', { name: /^Replace with/ }).fill('.test');
    await shoot(page, 'find-replace-form');
    await form.getByRole('button', { name: /Find and replace|Continue/ }).click();
    const { toolbar, table } = regions(page);
    await toolbar.getByRole('group', { name: 'Find and replace' }).waitFor();
    // toolbarBlocking: the toolbar keeps its strip with Cancel; the table stays usable.
    await expect(
      toolbar.locator('[data-slot="progress-overlay-overlay"]').getByRole('button', { name: 'Cancel' }).count(),
    ).resolves.toBe(1);
    await expect(table.locator('[data-slot="progress-overlay-overlay"]').count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await shoot(page, 'find-replace-toolbar-blocked');
    const dialog = page.getByRole('dialog').filter({ hasText: /Replaced “\.example” with “\.test” 6 times\./ });
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('cell', { name: 'ada@analytical.test' }).count()).toBe(1);
  });

  it('runs AI assist with an option chosen from its enum, in the foreground', async () => {
    const page = await fresh();
    await fromSheetMenu(page, 'Ask AI assist');
    const form = page.getByRole('dialog', { name: 'Ask AI assist' });
    await form.getByRole('radio', { name: 'Tidy company names' }).check();
    await form.getByRole('button', { name: /Ask AI assist|Continue/ }).click();
    await regions(page).table.getByRole('group', { name: 'Ask AI assist' }).waitFor();
    // Foreground: the toolbar is covered too, dimmed with the job's name; the controls show once, on the table.
    const strip = page.locator(
      '[data-slot="progress-overlay-region"][data-region="toolbar"] [data-slot="progress-overlay-overlay"]',
    );
    await expect(strip.count()).resolves.toBe(1);
    await expect(strip.getByRole('button').count()).resolves.toBe(0);
    await expect(
      page.locator('[data-slot="progress-overlay-overlay"]').getByRole('button', { name: 'Cancel' }).count(),
    ).resolves.toBe(1);
    await shoot(page, 'ai-assist-overlay');
    const dialog = outcome(page, 'AI assist finished');
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.textContent()).resolves.toContain('Company names were tidied.');
    await shoot(page, 'ai-assist-outcome');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('normalizes emails (MutateRecords) in the background and says so in a notice', async () => {
    const page = await fresh();
    await fromSheetMenu(page, 'Normalize emails');
    await expect.poll(() => page.getByRole('button', { name: 'Jobs 1 running' }).count()).toBe(1);
    await expect(page.locator('[data-slot="progress-overlay-overlay"]').count()).resolves.toBe(0);
    await page
      .locator('[data-slot="job-notices"]')
      .getByText('Normalize emails finished.')
      .waitFor({ timeout: 10_000 });
    await expect(page.getByRole('cell', { name: 'grace@cobol.example' }).count()).resolves.toBe(1);
    await expect(page.getByRole('cell', { name: 'margaret@apollo.example' }).count()).resolves.toBe(1);
    await shoot(page, 'mutate-notice');
  });

  it('configures the space (space:configure) behind an overlay over the whole space', async () => {
    const page = await fresh({ speed: 2 });
    await page.getByRole('group', { name: 'Space actions' }).getByRole('button', { name: 'Configure space' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toContain('Rebuild the space from its blueprint?');
    await confirm.getByRole('button', { name: /Configure space|Continue/ }).click();
    const space = page.locator('[data-slot="progress-overlay-region"]').first();
    const panel = space.getByRole('group', { name: 'Configure space' });
    await panel.waitFor();
    await expect
      .poll(() => panel.getByRole('progressbar').getAttribute('aria-valuetext'), { timeout: 4000 })
      .toMatch(/^\d+%/);
    await shoot(page, 'configure-overlay');
    const dialog = outcome(page, 'Space configured');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('extracts a file behind an overlay on its card; a bad file fails, then succeeds on Retry', async () => {
    const page = await fresh();
    await page.getByRole('button', { name: 'Actions for legacy-export.xlsx' }).click();
    await page.getByRole('menuitem', { name: 'Extract' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'legacy-export.xlsx' });
    await card.getByRole('group', { name: 'Extract' }).waitFor();
    await shoot(page, 'extract-overlay');
    const failed = outcome(page, 'Could not extract legacy-export.xlsx');
    await failed.waitFor({ timeout: 10_000 });
    await expect(failed.textContent()).resolves.toContain('merged header cells');
    await shoot(page, 'extract-failed');
    await failed.getByRole('button', { name: 'Retry extraction' }).click();
    await failed.waitFor({ state: 'detached' });
    // The retried job runs again and ends well: the panel shows it complete.
    await page.getByRole('button', { name: /^Jobs/ }).click();
    const rows = page.locator('[data-slot="jobs-panel-row"]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => page.locator('[data-slot="jobs-panel-row"][data-status="complete"]').count(), { timeout: 10_000 })
      .toBe(1);
    await shoot(page, 'panel-after-extract');
  });

  it('maps a file and opens the sheet from the outcome (navigation through the provider)', async () => {
    const page = await fresh();
    await page.getByRole('button', { name: 'Actions for contacts-2026.csv' }).click();
    await page.getByRole('menuitem', { name: 'Map into Contacts' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /Map into Contacts|Continue/ })
      .click();
    const dialog = outcome(page, 'Mapping complete');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Review in Contacts' }).click();
    await expect
      .poll(() => page.locator('output[aria-label="Location"]').textContent())
      .toBe('/space/us_sp_playground/sheet/us_sh_contacts?filter=error');
    await expect(page.locator('section[data-focused]').count()).resolves.toBe(1);
    await shoot(page, 'map-navigated');
  });

  it('validates the Email column from its header menu (a field action) and shows its outcome from the panel', async () => {
    const page = await fresh();
    await page.getByRole('button', { name: 'Email column actions' }).click();
    await page.getByRole('menuitem', { name: 'Validate emails' }).click();
    await page.locator('[data-slot="job-notices"]').getByText('Validate emails finished.').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /^Jobs/ }).click();
    const row = page.locator('[data-slot="jobs-panel-row"]').filter({ hasText: 'Validate emails' });
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('complete');
    await shoot(page, 'panel-validate');
    await row.getByRole('button', { name: 'View outcome' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '1 email address is invalid.' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('retries a job that failed (failure rate 100 %) from its outcome', async () => {
    const page = await fresh({ failureRate: 1 });
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const failed = outcome(page, 'Export failed');
    await failed.waitFor({ timeout: 10_000 });
    await shoot(page, 'export-failed');
    await failed.getByRole('button', { name: 'Try again' }).click();
    await failed.waitFor({ state: 'detached' });
    // The same job runs again (and fails again at 100 %): the popup comes back.
    await failed.waitFor({ timeout: 10_000 });
    await failed.getByRole('button', { name: 'Close' }).click();
    await failed.waitFor({ state: 'detached' });
  });

  it('escapes a stalled job with "Stop waiting"', async () => {
    const page = await fresh({ stallAfterMs: 1500 });
    await fromSheetMenu(page, 'Ask AI assist');
    const form = page.getByRole('dialog', { name: 'Ask AI assist' });
    await form.getByRole('radio', { name: 'Enrich from the web (slow service)' }).check();
    await form.getByRole('button', { name: /Ask AI assist|Continue/ }).click();
    const { table } = regions(page);
    await table.getByRole('button', { name: 'Stop waiting' }).waitFor({ timeout: 8000 });
    // One job, one set of controls, even with the toolbar covered too.
    const overlays = page.locator('[data-slot="progress-overlay-overlay"]');
    await expect(overlays.getByRole('button', { name: 'Stop waiting' }).count()).resolves.toBe(1);
    await expect(overlays.getByRole('button', { name: 'Cancel' }).count()).resolves.toBe(1);
    await expect(table.locator('[data-slot="progress-overlay-overlay"]').textContent()).resolves.toMatch(
      /No progress for \d+ seconds?\./,
    );
    await shoot(page, 'stalled');
    await table.getByRole('button', { name: 'Stop waiting' }).click();
    await expect.poll(() => page.locator('[data-slot="progress-overlay-overlay"]').count()).toBe(0);
    await table.getByText('“Ask AI assist” keeps running; follow it in the jobs panel.').waitFor();
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await page.getByRole('button', { name: /^Jobs/ }).click();
    await page.locator('[data-slot="jobs-panel-row"][data-status="executing"]').first().waitFor();
    await shoot(page, 'stalled-released-panel');
  });
});
