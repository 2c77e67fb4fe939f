import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { JobsProvider, ProgressOverlay } from '../src';
import { createMemoryJobsClient, type JobHandler, type MemoryJobsClient } from '../src/memory';
import { contentOf, HostLayout, liveRegion, overlayOf, regionOf, sheetJob } from './support/host-layout';

/**
 * Progress overlays on a contacts sheet: the toolbar and the table are each wrapped in a
 * `ProgressOverlay`, and the buttons above the page start jobs in each mode. Every handler is short;
 * plays wait with `findBy…`/`waitFor` and generous timeouts, never with fixed sleeps.
 */
const meta = {
  title: 'Progress/ProgressOverlay',
  component: HostLayout,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof HostLayout>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Ticks `steps` times, `everyMs` apart, with status text per percent. */
const steadily =
  (steps: number, everyMs: number, info: (percent: number) => string): JobHandler =>
  async (_job, { tick, sleep }) => {
    for (let step = 1; step <= steps; step += 1) {
      await sleep(everyMs);
      const percent = Math.round((step / steps) * 100);
      await tick(percent, info(percent));
    }
  };

/** Reports `percent` once, then holds there for `holdMs` before it finishes. */
const holding =
  (percent: number, info: string, holdMs: number): JobHandler =>
  async (_job, { tick, sleep }) => {
    await sleep(150);
    await tick(percent, info);
    await sleep(holdMs);
    await tick(100, 'Finishing');
  };

const start = async (root: HTMLElement, label: string) => {
  await userEvent.click(await within(root).findByRole('button', { name: label }));
};

/** Waits until nothing covers either region and both are usable again. */
const waitUntilUnblocked = async (root: HTMLElement, timeout = 4000) => {
  for (const name of ['toolbar', 'resource'] as const) {
    const region = regionOf(root, name);
    await waitFor(() => expect(overlayOf(region)).toBeNull(), { timeout });
    await expect(contentOf(region)).not.toHaveAttribute('inert');
    await expect(contentOf(region)).not.toHaveAttribute('aria-busy');
  }
};

/** Asserts that `inner` is drawn whole inside `outer` (half a pixel of rounding allowed). */
const expectInside = async (inner: Element, outer: Element) => {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  await expect(a.width).toBeGreaterThan(0);
  await expect(a.left).toBeGreaterThanOrEqual(b.left - 0.5);
  await expect(a.right).toBeLessThanOrEqual(b.right + 0.5);
  await expect(a.top).toBeGreaterThanOrEqual(b.top - 0.5);
  await expect(a.bottom).toBeLessThanOrEqual(b.bottom + 0.5);
};

const importLabel = 'Start import (foreground)';

/**
 * A foreground job covers the whole sheet: toolbar and table. Its controls show once, on the table's
 * panel: the job's name, a progress bar whose value text carries the ETA, the info text, the ETA and
 * Cancel. The toolbar is dimmed with the job's name only and tells screen readers where the controls are.
 * Nothing under either takes focus; focus in the toolbar moves to the panel. When the job ends both
 * regions are usable again and focus goes back.
 */
export const Foreground: Story = {
  args: {
    starts: { [importLabel]: sheetJob('importContacts', 'foreground') },
    client: { handlers: { 'sheet:importContacts': holding(40, 'Imported 400 of 1,000 contacts', 2000) } },
  },
  play: async ({ canvasElement }) => {
    const toolbar = regionOf(canvasElement, 'toolbar');
    const table = regionOf(canvasElement, 'resource');
    // Started while focus is in the toolbar (as a keyboard shortcut would).
    within(canvasElement).getByRole('button', { name: importLabel }).click();
    within(toolbar).getByRole('button', { name: 'Filter' }).focus();
    const panel = await within(table).findByRole('group', { name: 'Import contacts' }, { timeout: 2000 });
    await waitFor(() => expect(panel).toHaveFocus());
    // One set of controls for the one job.
    await expect(within(canvasElement).getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
    await expect(within(canvasElement).queryAllByRole('progressbar')).toHaveLength(1);
    const strip = overlayOf(toolbar) as HTMLElement;
    await expect(within(strip).queryByRole('group')).toBeNull();
    await expect(within(strip).queryByRole('button')).toBeNull();
    await expect(within(strip).getByText('Import contacts')).toBeVisible();
    await expect(strip).toHaveTextContent(
      '“Import contacts” is running: its progress and Cancel are on the panel over the content it blocks.',
    );
    await expect(contentOf(table)).toHaveAttribute('inert');
    await expect(contentOf(table)).toHaveAttribute('aria-busy', 'true');
    await expect(contentOf(toolbar)).toHaveAttribute('inert');

    const bar = within(panel).getByRole('progressbar', { name: 'Import contacts' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'), { timeout: 2000 });
    await expect(bar.getAttribute('aria-valuetext')).toMatch(
      /^40%, (estimating…|about .+ left|less than a minute left)$/,
    );
    await expect(within(panel).getByText('Imported 400 of 1,000 contacts')).toBeVisible();
    await expect(panel.querySelector('[data-slot="progress-overlay-eta"]')?.textContent).toMatch(
      /^(Estimating…|About .+ left|Less than a minute left)$/,
    );
    await expect(within(panel).getByRole('button', { name: 'Cancel' })).toBeVisible();

    const cell = within(table).getByRole('textbox', { name: 'Company, Ada Lovelace' });
    cell.focus();
    await expect(cell).not.toHaveFocus();
    within(toolbar).getByRole('button', { name: 'Filter' }).focus();
    await expect(within(toolbar).getByRole('button', { name: 'Filter' })).not.toHaveFocus();

    await waitUntilUnblocked(canvasElement);
    await waitFor(() => expect(within(toolbar).getByRole('button', { name: 'Filter' })).toHaveFocus());
    await waitFor(() => expect(liveRegion(canvasElement, 'polite')).toHaveTextContent(/Import contacts finished\./));
    await userEvent.type(cell, ' Ltd');
    await expect(cell).toHaveValue('Analytical Engines Ltd');
    const filter = within(toolbar).getByRole('button', { name: 'Filter' });
    await userEvent.click(filter);
    await expect(filter).toHaveAttribute('aria-pressed', 'true');
  },
};

const validateLabel = 'Start validation (toolbarBlocking)';

/** A toolbarBlocking job covers the toolbar only: cells can still be edited meanwhile. */
export const ToolbarBlocking: Story = {
  args: {
    starts: { [validateLabel]: sheetJob('validateEmails', 'toolbarBlocking') },
    client: { handlers: { 'sheet:validateEmails': steadily(10, 250, (p) => `Checked ${p * 10} of 1,000 emails`) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, validateLabel);
    const toolbar = regionOf(canvasElement, 'toolbar');
    const table = regionOf(canvasElement, 'resource');
    await within(toolbar).findByRole('group', { name: 'Validate emails' }, { timeout: 2000 });
    await expect(contentOf(toolbar)).toHaveAttribute('inert');
    await expect(overlayOf(table)).toBeNull();
    await expect(contentOf(table)).not.toHaveAttribute('inert');

    const cell = within(table).getByRole('textbox', { name: 'Email, Alan Turing' });
    await userEvent.clear(cell);
    await userEvent.type(cell, 'alan@turing.example');
    await expect(cell).toHaveValue('alan@turing.example');
    await expect(overlayOf(toolbar)).not.toBeNull();

    await waitUntilUnblocked(canvasElement);
    await userEvent.type(within(toolbar).getByRole('searchbox', { name: 'Search contacts' }), 'Hopper');
    await expect(within(table).getAllByRole('row')).toHaveLength(2);
  },
};

const exportLabel = 'Start export (background)';

/** A background job covers nothing; the host's own indicator in the sheet header shows it runs. */
export const Background: Story = {
  args: {
    starts: { [exportLabel]: sheetJob('exportContacts', 'background') },
    client: { handlers: { 'sheet:exportContacts': steadily(6, 250, (p) => `Wrote ${p}% of the rows`) } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await start(canvasElement, exportLabel);
    await canvas.findByText('Jobs on this sheet: Export contacts', {}, { timeout: 2000 });
    await expect(canvasElement.querySelector('[data-slot="progress-overlay-overlay"]')).toBeNull();
    await expect(canvasElement.querySelector('[inert]')).toBeNull();
    await expect(canvas.queryByRole('progressbar')).toBeNull();

    const filter = canvas.getByRole('button', { name: 'Filter' });
    await userEvent.click(filter);
    await expect(filter).toHaveAttribute('aria-pressed', 'true');
    const cell = canvas.getByRole('textbox', { name: 'Email, Tim Berners-Lee' });
    await userEvent.type(cell, '.example');
    await expect(cell).toHaveValue('timbl@w3.example');
    await canvas.findByText('Jobs on this sheet: none', {}, { timeout: 4000 });
  },
};

const dedupeLabel = 'Start dedupe (foreground)';

/** Before any progress is reported the bar is indeterminate (no value); then it shows the amount. */
export const Indeterminate: Story = {
  args: {
    starts: { [dedupeLabel]: sheetJob('dedupeContacts', 'foreground') },
    client: {
      handlers: {
        'sheet:dedupeContacts': async (_job, { tick, sleep }) => {
          await sleep(1200);
          for (const percent of [30, 60, 90]) {
            await tick(percent, 'Comparing contacts');
            await sleep(300);
          }
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, dedupeLabel);
    const table = regionOf(canvasElement, 'resource');
    const bar = await within(table).findByRole('progressbar', { name: 'Dedupe contacts' }, { timeout: 2000 });
    await expect(bar).not.toHaveAttribute('aria-valuenow');
    await expect(bar).toHaveAttribute('data-indeterminate');
    await expect(bar.getAttribute('aria-valuetext')).toMatch(/^In progress, estimating…$/);

    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '30'), { timeout: 3000 });
    await expect(bar).not.toHaveAttribute('data-indeterminate');
    await expect(bar.getAttribute('aria-valuetext')).toMatch(/^30%, /);
    await waitUntilUnblocked(canvasElement);
  },
};

const syncLabel = 'Start CRM sync (foreground)';

/** The server sends `estimatedCompletionAt` three minutes ahead: the ETA is the server's. */
export const ServerEta: Story = {
  args: {
    starts: { [syncLabel]: sheetJob('syncContacts', 'foreground') },
    client: {
      handlers: {
        'sheet:syncContacts': async (_job, { tick, sleep }) => {
          await sleep(150);
          await tick(25, 'Sending contacts to the CRM', new Date(Date.now() + 3 * 60_000));
          await sleep(2000);
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, syncLabel);
    const table = regionOf(canvasElement, 'resource');
    await within(table).findByText(/^About [23] minutes left$/, {}, { timeout: 2000 });
    const bar = within(table).getByRole('progressbar', { name: 'Sync contacts' });
    await expect(bar).toHaveAttribute('aria-valuenow', '25');
    await expect(bar.getAttribute('aria-valuetext')).toMatch(/^25%, about [23] minutes left$/);
    await waitUntilUnblocked(canvasElement);
  },
};

const enrichLabel = 'Start enrichment (foreground)';

/** Without a server ETA, steady ticks every 200 ms give an estimate after a second or so. */
export const EstimatedEta: Story = {
  args: {
    starts: { [enrichLabel]: sheetJob('enrichContacts', 'foreground') },
    client: { handlers: { 'sheet:enrichContacts': steadily(15, 200, (p) => `Enriched ${p}% of the contacts`) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, enrichLabel);
    const table = regionOf(canvasElement, 'resource');
    await within(table).findByText('Estimating…', {}, { timeout: 2000 });
    const eta = table.querySelector('[data-slot="progress-overlay-eta"]') as HTMLElement;
    await waitFor(() => expect(eta.textContent).toMatch(/^(Less than a minute left|About \d+ minutes? left)$/), {
      timeout: 2500,
    });
    const bar = within(table).getByRole('progressbar', { name: 'Enrich contacts' });
    await expect(bar.getAttribute('aria-valuetext')).toMatch(
      /^\d+%, (less than a minute left|about \d+ minutes? left)$/,
    );
    await waitUntilUnblocked(canvasElement);
  },
};

const stallLabel = 'Start CRM sync that hangs (foreground)';

/**
 * A job that reports once and then goes quiet: after `stallAfterMs` the overlay says so and offers to stop
 * waiting. Stopping uncovers the region; a status notice says the job keeps running in the jobs panel.
 */
export const Stalled: Story = {
  args: {
    stallAfterMs: 1500,
    starts: { [stallLabel]: sheetJob('syncContacts', 'foreground') },
    client: {
      handlers: {
        'sheet:syncContacts': async (_job, { tick, sleep }) => {
          await sleep(150);
          await tick(10, 'Waiting for the CRM to answer');
          await sleep(60_000);
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await start(canvasElement, stallLabel);
    const table = regionOf(canvasElement, 'resource');
    const toolbar = regionOf(canvasElement, 'toolbar');
    await within(table).findByText(/^No progress for \d+ seconds?\.$/, {}, { timeout: 4000 });
    // The way out is offered once, on the table's panel.
    await expect(within(canvasElement).getAllByRole('button', { name: 'Stop waiting' })).toHaveLength(1);

    await userEvent.click(within(table).getByRole('button', { name: 'Stop waiting' }));
    // One click frees every region of the sheet; the notice shows once, in the table's region.
    await waitFor(() => expect(overlayOf(table)).toBeNull());
    await waitFor(() => expect(overlayOf(toolbar)).toBeNull());
    await expect(contentOf(table)).not.toHaveAttribute('inert');
    await expect(contentOf(toolbar)).not.toHaveAttribute('inert');
    const notices = canvasElement.querySelectorAll('[data-slot="progress-overlay-notice"]');
    await expect(notices).toHaveLength(1);
    await expect(within(table).getByText('“Sync contacts” keeps running; follow it in the jobs panel.')).toBeVisible();
    await expect(canvas.getByText('Jobs on this sheet: Sync contacts')).toBeVisible();
    const cell = within(table).getByRole('textbox', { name: 'Name, Grace Hopper' });
    await userEvent.type(cell, ' (RADM)');
    await expect(cell).toHaveValue('Grace Hopper (RADM)');
  },
};

const hangLabel = 'Start validation that hangs (toolbarBlocking)';

/** A toolbarBlocking job that stalls keeps its strip: the stall, its way out and Cancel fit on one line. */
export const StalledInToolbar: Story = {
  args: {
    stallAfterMs: 1500,
    starts: { [hangLabel]: sheetJob('validateEmails', 'toolbarBlocking') },
    client: {
      handlers: {
        'sheet:validateEmails': async (_job, { tick, sleep }) => {
          await sleep(150);
          await tick(10, 'Waiting for the mail server');
          await sleep(60_000);
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, hangLabel);
    const toolbar = regionOf(canvasElement, 'toolbar');
    await within(toolbar).findByText(/^No progress for \d+ seconds?\.$/, {}, { timeout: 4000 });
    for (const name of ['Stop waiting', 'Cancel'])
      await expectInside(within(toolbar).getByRole('button', { name }), toolbar);
    await expectInside(within(toolbar).getByText(/^No progress for/), toolbar);
    await expect(within(toolbar).getByRole('progressbar').getBoundingClientRect().width).toBeGreaterThanOrEqual(60);
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Stop waiting' }));
    await waitFor(() => expect(overlayOf(toolbar)).toBeNull());
    await expect(contentOf(toolbar)).not.toHaveAttribute('inert');
    await expect(
      within(canvasElement).getByText('“Validate emails” keeps running; follow it in the jobs panel.'),
    ).toBeVisible();
  },
};

const cancelLabel = 'Start long import (foreground)';

/** Cancel uncovers the sheet; the provider's polite live region says the job was canceled. */
export const Canceled: Story = {
  args: {
    starts: { [cancelLabel]: sheetJob('importContacts', 'foreground') },
    client: { handlers: { 'sheet:importContacts': holding(20, 'Imported 200 of 1,000 contacts', 30_000) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, cancelLabel);
    const table = regionOf(canvasElement, 'resource');
    const panel = await within(table).findByRole('group', { name: 'Import contacts' }, { timeout: 2000 });
    await within(panel).findByText('Imported 200 of 1,000 contacts', {}, { timeout: 2000 });
    await userEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await waitUntilUnblocked(canvasElement, 2000);
    await waitFor(() =>
      expect(liveRegion(canvasElement, 'polite')).toHaveTextContent(/Import contacts was canceled\./),
    );
    await expect(within(canvasElement).getByText('Jobs on this sheet: none')).toBeVisible();
  },
};

const failLabel = 'Start import that fails (foreground)';

/** The handler throws: the sheet is uncovered, a notice in the region keeps the failure, and it is said assertively once. */
export const Failed: Story = {
  args: {
    starts: { [failLabel]: sheetJob('importContacts', 'foreground') },
    client: {
      handlers: {
        'sheet:importContacts': async (_job, { tick, sleep }) => {
          await sleep(150);
          await tick(30, 'Checking email addresses');
          await sleep(600);
          throw new Error('3 contacts have no email address.');
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, failLabel);
    const table = regionOf(canvasElement, 'resource');
    await within(table).findByRole('group', { name: 'Import contacts' }, { timeout: 2000 });
    const text = await within(table).findByText(
      '“Import contacts” failed. 3 contacts have no email address.',
      {},
      { timeout: 3000 },
    );
    const notice = text.closest('[data-slot="progress-overlay-notice"]') as HTMLElement;
    await expect(canvasElement.querySelectorAll('[data-slot="progress-overlay-notice"]')).toHaveLength(1);
    await waitUntilUnblocked(canvasElement, 1000);
    await waitFor(() =>
      expect(liveRegion(canvasElement, 'assertive')).toHaveTextContent(
        /Import contacts failed\. 3 contacts have no email address\./,
      ),
    );
    // Failures never go away by themselves: the notice stays until dismissed.
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    await expect(canvasElement.querySelector('[data-slot="progress-overlay-notice"]')).toBeNull();
  },
};

const firstLabel = 'Start import (foreground)';
const secondLabel = 'Start dedupe (foreground)';

/** Two foreground jobs on one sheet: the first shows with "and 1 more"; when it ends the second shows. */
export const TwoJobsAtOnce: Story = {
  args: {
    starts: {
      [firstLabel]: sheetJob('importContacts', 'foreground'),
      [secondLabel]: sheetJob('dedupeContacts', 'foreground'),
    },
    client: {
      handlers: {
        'sheet:importContacts': holding(50, 'Imported 500 of 1,000 contacts', 1200),
        'sheet:dedupeContacts': steadily(10, 300, (p) => `Compared ${p}% of the contacts`),
      },
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, firstLabel);
    const table = regionOf(canvasElement, 'resource');
    await within(table).findByRole('group', { name: 'Import contacts' }, { timeout: 2000 });
    // The start buttons sit outside the covered regions, so a second job can start meanwhile.
    await start(canvasElement, secondLabel);
    await within(table).findByText('and 1 more', {}, { timeout: 2000 });
    await expect(within(table).getByRole('group', { name: 'Import contacts' })).toBeVisible();

    const second = await within(table).findByRole('group', { name: 'Dedupe contacts' }, { timeout: 3000 });
    await expect(within(second).queryByText('and 1 more')).toBeNull();
    await expect(within(table).queryByRole('group', { name: 'Import contacts' })).toBeNull();
    await waitUntilUnblocked(canvasElement, 4000);
  },
};

const longInfo =
  'Matching “Bartholomew Featherstonehaugh-Cholmondeley” <bartholomew.featherstonehaugh-cholmondeley@extraordinarily-long-subdomain.example-enterprise-holdings.co.uk> against 14,392 existing contacts in the production organisation, then merging duplicate phone numbers and postal addresses';
const longLabel = 'Start matching (foreground)';
const longToolbarLabel = 'Start matching (toolbarBlocking)';

/**
 * A very long info text wraps inside the panel, and the panel stays inside its region, even when narrow.
 * A toolbarBlocking job shows the same text on the toolbar's one line.
 */
export const LongInfo: Story = {
  args: {
    width: 440,
    starts: {
      [longLabel]: sheetJob('matchContacts', 'foreground'),
      [longToolbarLabel]: sheetJob('matchContacts', 'toolbarBlocking'),
    },
    client: { handlers: { 'sheet:matchContacts': holding(35, longInfo, 20_000) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, longToolbarLabel);
    await within(regionOf(canvasElement, 'toolbar')).findByText(longInfo, {}, { timeout: 2000 });
    await start(canvasElement, longLabel);
    for (const name of ['resource', 'toolbar'] as const) {
      const region = regionOf(canvasElement, name);
      const info = await within(region).findByText(longInfo, {}, { timeout: 2000 });
      const panel = within(region).getByRole('group', { name: 'Match contacts' });
      await expectInside(panel, region);
      await expect(info.getBoundingClientRect().right).toBeLessThanOrEqual(panel.getBoundingClientRect().right + 0.5);
      if (name === 'toolbar') {
        // One line: the info gives way (cut with an ellipsis) before the job's name does.
        const label = panel.querySelector('[data-slot="progress-overlay-label"]') as HTMLElement;
        await expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth);
        await expect(info.scrollWidth).toBeGreaterThan(info.clientWidth);
        // This toolbar is narrow: the ETA leaves the line (it stays in the bar's value text) to the info.
        await expect(panel.querySelector('[data-slot="progress-overlay-eta"]')).not.toBeVisible();
        await expect(info.clientWidth).toBeGreaterThanOrEqual(80);
        await expect(within(panel).getByRole('progressbar').getAttribute('aria-valuetext')).toMatch(/^35%, /);
      }
      if (name === 'resource') {
        // Wrapped over several lines, nothing cut off sideways.
        await expect(info.getBoundingClientRect().height).toBeGreaterThan(
          3 * parseFloat(getComputedStyle(info).lineHeight),
        );
        await expect(info.scrollWidth).toBeLessThanOrEqual(info.clientWidth);
      }
    }
  },
};

const rtlLabel = 'Start import (foreground)';

/** Right to left: the panel, its bar and the toolbar follow the page's direction. */
export const RightToLeft: Story = {
  args: {
    dir: 'rtl',
    starts: { [rtlLabel]: sheetJob('importContacts', 'foreground') },
    client: { handlers: { 'sheet:importContacts': holding(60, 'Imported 600 of 1,000 contacts', 20_000) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, rtlLabel);
    const table = regionOf(canvasElement, 'resource');
    const toolbar = regionOf(canvasElement, 'toolbar');
    const panel = await within(table).findByRole('group', { name: 'Import contacts' }, { timeout: 2000 });
    const bar = within(panel).getByRole('progressbar');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '60'), { timeout: 2000 });
    await expect(getComputedStyle(panel).direction).toBe('rtl');

    const box = panel.getBoundingClientRect();
    const middle = box.left + box.width / 2;
    // Cancel sits at the start of the line, which is the right.
    await expect(within(panel).getByRole('button', { name: 'Cancel' }).getBoundingClientRect().left).toBeGreaterThan(
      middle,
    );
    // The bar fills from the right.
    const fill = bar.querySelector('[data-slot="progress-fill"]') as HTMLElement;
    await waitFor(() => expect(fill.getBoundingClientRect().right).toBeCloseTo(bar.getBoundingClientRect().right, 0));
    await expect(fill.getBoundingClientRect().left).toBeGreaterThan(bar.getBoundingClientRect().left + 1);
    // The host toolbar under its overlay runs right to left too.
    const filter = within(toolbar).getByRole('button', { name: 'Filter' });
    const add = within(toolbar).getByRole('button', { name: 'Add column' });
    await expect(filter.getBoundingClientRect().left).toBeGreaterThan(add.getBoundingClientRect().left);
  },
};

const darkLabel = 'Start import (foreground)';

/** Dark scheme: the panel takes the dark tokens (axe checks the contrast with the overlay showing). */
export const Dark: Story = {
  args: {
    colorScheme: 'dark',
    starts: { [darkLabel]: sheetJob('importContacts', 'foreground') },
    client: { handlers: { 'sheet:importContacts': holding(70, 'Imported 700 of 1,000 contacts', 20_000) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement, darkLabel);
    const table = regionOf(canvasElement, 'resource');
    const panel = await within(table).findByRole('group', { name: 'Import contacts' }, { timeout: 2000 });
    await within(panel).findByText('Imported 700 of 1,000 contacts', {}, { timeout: 2000 });
    await expect(getComputedStyle(panel).backgroundColor).toBe('rgb(23, 25, 30)');
    await expect(getComputedStyle(panel).color).toBe('rgb(232, 234, 238)');
    const cell = within(table).getByRole('textbox', { name: 'Name, Ada Lovelace' });
    await expect(getComputedStyle(cell).color).toBe('rgb(232, 234, 238)');
  },
};

/** A file card, small as cards go, covered while its file is read. */
function FileCard(): ReactNode {
  const [client, setClient] = useState<MemoryJobsClient>();
  useEffect(() => {
    const created = createMemoryJobsClient({
      jobs: [
        {
          id: 'us_jb_extract',
          type: 'file',
          operation: 'extract',
          source: 'us_fl_legacy',
          mode: 'foreground',
          status: 'executing',
          progress: 40,
          info: 'Reading legacy-export.xlsx: 40%',
          startedAt: new Date(),
        },
      ],
    });
    setClient(created);
    return () => created.dispose();
  }, []);
  if (client === undefined) return null;
  return (
    <JobsProvider client={client}>
      <ProgressOverlay
        source="us_fl_legacy"
        style={{ inlineSize: 226, blockSize: 160, border: '1px solid #d0d4dc', borderRadius: 8 }}
      >
        <div style={{ padding: 12, fontFamily: 'system-ui, sans-serif' }}>
          <strong>legacy-export.xlsx</strong>
          <p>1.2 MB · uploaded yesterday</p>
        </div>
      </ProgressOverlay>
    </JobsProvider>
  );
}

/** A small region (a file card): the panel tightens so that its name, bar, info, ETA and Cancel all show. */
export const SmallRegion: Story = {
  render: () => <FileCard />,
  play: async ({ canvasElement }) => {
    const region = canvasElement.querySelector('[data-slot="progress-overlay-region"]') as HTMLElement;
    const panel = await within(region).findByRole('group', { name: 'Extract' }, { timeout: 2000 });
    await expectInside(panel, region);
    const cancel = within(panel).getByRole('button', { name: 'Cancel' });
    await expectInside(cancel, region);
    // Nothing hides behind a scroll: the panel shows all it holds.
    await expect(panel.scrollHeight).toBeLessThanOrEqual(panel.clientHeight);
    await expectInside(within(panel).getByText(/^Reading legacy-export/), panel);
    await expect(panel.querySelector('[data-slot="progress-overlay-eta"]')?.textContent).toMatch(
      /^(Estimating…|About .+ left|Less than a minute left)$/,
    );
    await expectInside(panel.querySelector('[data-slot="progress-overlay-eta"]') as HTMLElement, panel);
  },
};
