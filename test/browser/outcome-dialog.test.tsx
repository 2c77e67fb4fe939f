import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles.css';
import type { JobConfig, JobOutcome } from '../../src/core';
import { createMemoryJobsClient, JobFailure } from '../../src/memory';
import { JobNotices, JobsProvider, type JobsProviderProps, OutcomeDialog, useCreateJob } from '../../src';

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function Starter({ label, config }: { label: string; config: Partial<JobConfig> }) {
  const create = useCreateJob();
  return (
    <button
      type="button"
      onClick={() =>
        create.mutate({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground', ...config })
      }
    >
      {label}
    </button>
  );
}

function setup(outcome: JobOutcome, props: Partial<JobsProviderProps> = {}, dir: 'ltr' | 'rtl' = 'ltr') {
  const client = createMemoryJobsClient({
    latency: 20,
    handlers: {
      'workbook:export': () => ({ outcome }),
      'workbook:submit': () => {
        throw new JobFailure('Submit failed', {
          ...outcome,
          heading: 'Rejected records',
          message: '3 records were rejected.\nFix them and try again.',
        });
      },
      'workbook:sync': () => {
        throw new JobFailure('The CRM is unreachable');
      },
    },
  });
  render(
    <JobsProvider client={client} {...props}>
      <main dir={dir}>
        <h1>Workbook</h1>
        <Starter label="Export" config={{}} />
        <Starter label="Submit" config={{ operation: 'submit' }} />
        <Starter label="Sync in background" config={{ operation: 'sync', mode: 'background' }} />
        <OutcomeDialog />
        <JobNotices />
      </main>
    </JobsProvider>,
  );
  return client;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('outcomes in a real browser', () => {
  it('moves focus to the next button, runs it with Enter, and gives focus back', async () => {
    const user = userEvent.setup();
    const clicked: { href: string; target: string; rel: string; download: string | null }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, target: this.target, rel: this.rel, download: this.getAttribute('download') });
    });
    const client = setup({
      acknowledge: true,
      heading: 'Export ready',
      next: { type: 'download', url: '/files/us_fl_1', fileName: 'export.csv', label: 'Download CSV' },
    });
    await user.tab();
    const trigger = screen.getByRole('button', { name: 'Export' });
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Export ready' }, { timeout: 3000 });
    const next = within(dialog).getByRole('button', { name: 'Download CSV' });
    await waitFor(() => expect(next).toHaveFocus());
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(next).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(clicked).toEqual([
      { href: `${location.origin}/files/us_fl_1`, target: '', rel: '', download: 'export.csv' },
    ]);
    expect(client.snapshot()[0]?.outcomeAcknowledgedAt).toBeInstanceOf(Date);
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('opens a url outcome in a new tab with noopener, and blocks a hostile one in view', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      opened.push(`${this.href} ${this.target} ${this.rel}`);
    });
    setup({
      acknowledge: true,
      heading: 'Done',
      next: { type: 'url', url: 'https://example.com/report', label: 'Open report' },
    });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Done' }, { timeout: 3000 });
    await user.click(within(dialog).getByRole('button', { name: /Open report/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opened).toEqual(['https://example.com/report _blank noopener noreferrer']);
  });

  it('tells the user a hostile link was blocked, and stays usable', async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    setup({ acknowledge: true, heading: 'Done', next: { type: 'url', url: 'java\tscript:alert(1)', label: 'Open' } });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Done' }, { timeout: 3000 });
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The link was blocked');
    expect(click).not.toHaveBeenCalled();
    expect(await axeViolations()).toEqual([]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('has no axe violation: a failed outcome, right to left, dark, and a failure notice', async () => {
    const user = userEvent.setup();
    setup({ acknowledge: true, next: { type: 'retry' } }, { colorScheme: 'dark' }, 'rtl');
    await user.click(screen.getByRole('button', { name: 'Sync in background' }));
    const notices = screen.getByRole('status', { name: 'Job notifications' });
    expect(await within(notices).findByText('Sync failed.', {}, { timeout: 3000 })).toBeVisible();
    expect(within(notices).getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(await axeViolations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rejected records' }, { timeout: 3000 });
    expect(dialog).toHaveAttribute('data-status', 'failed');
    expect(dialog.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus();
    // The notices sit at the inline end: the left edge in right-to-left.
    const box = notices.getBoundingClientRect();
    expect(box.left).toBeLessThan(window.innerWidth / 2);
    expect(await axeViolations()).toEqual([]);
  });
});
