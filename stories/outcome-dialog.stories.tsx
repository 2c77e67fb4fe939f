import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
import type { JobMode, JobOutcome } from '../src/core';
import { JobsProvider, OutcomeDialog, useCreateJob } from '../src';
import { createMemoryJobsClient, JobFailure, type MemoryJobsClientOptions } from '../src/memory';

interface Args {
  outcome: JobOutcome;
  /** The job fails (with `outcome`) this many times before it completes. */
  failTimes?: number;
  /** The outcome it completes with after failing; `outcome` by default. */
  completed?: JobOutcome;
  mode?: JobMode;
  faults?: MemoryJobsClientOptions['faults'];
  dir?: 'ltr' | 'rtl';
  colorScheme?: 'light' | 'dark';
  currentUserId?: string;
}

function Starter({ mode }: { mode: JobMode }): ReactNode {
  const create = useCreateJob();
  return (
    <button
      type="button"
      onClick={() => create.mutate({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode })}
    >
      Export workbook
    </button>
  );
}

/** A host page: a button that starts an export on the memory engine, the dialog, and a log of host calls. */
function Demo({
  outcome,
  completed,
  failTimes = 0,
  mode = 'foreground',
  faults,
  dir = 'ltr',
  colorScheme = 'light',
  currentUserId,
}: Args): ReactNode {
  const [log, setLog] = useState<string[]>([]);
  const [client] = useState(() => {
    let failures = failTimes;
    return createMemoryJobsClient({
      latency: 20,
      ...(faults ? { faults } : {}),
      handlers: {
        'workbook:export': async (_job, { tick, sleep }) => {
          await tick(40, 'Writing rows');
          await sleep(120);
          if (failures-- > 0) throw new JobFailure('Export failed', outcome);
          return { outcome: failTimes > 0 ? (completed ?? outcome) : outcome };
        },
      },
    });
  });
  const record = (name: string) => (target: unknown) =>
    setLog((lines) => [...lines, `${name} ${JSON.stringify(target)}`]);
  return (
    <JobsProvider
      client={client}
      colorScheme={colorScheme}
      {...(currentUserId ? { currentUserId } : {})}
      navigate={record('navigate')}
      download={record('download')}
      resolveFileUrl={(fileId) => `/files/${fileId}/download`}
      onSnapshot={record('onSnapshot')}
      onView={record('onView')}
      onClearFilters={record('onClearFilters')}
    >
      <div
        dir={dir}
        style={{ fontFamily: 'var(--jk-font)', color: 'var(--jk-fg)', background: 'var(--jk-bg)', padding: 16 }}
      >
        <Starter mode={mode} />
        <p style={{ fontSize: 13, color: 'var(--jk-muted)' }}>
          Host calls: <output aria-label="Host calls">{log.join('\n')}</output>
        </p>
        <OutcomeDialog />
      </div>
    </JobsProvider>
  );
}

const meta = {
  title: 'Outcomes/OutcomeDialog',
  component: Demo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = () => within(document.body);
const hostCalls = (root: HTMLElement) => root.querySelector('output[aria-label="Host calls"]')?.textContent ?? '';

async function startAndOpen(root: HTMLElement, name: string | RegExp): Promise<HTMLElement> {
  await userEvent.click(within(root).getByRole('button', { name: 'Export workbook' }));
  return body().findByRole('dialog', { name }, { timeout: 4000 });
}

/** The outcome was acknowledged: the dialog is gone. */
const closed = () => waitFor(() => expect(body().queryByRole('dialog')).toBeNull());

const ready: JobOutcome = {
  acknowledge: true,
  heading: 'Export ready',
  message: 'Your workbook was exported.\n1,204 rows in 3 sheets.',
};

/** `id`: in-app navigation through the provider's `navigate`, with id, path and query. */
export const NextId: Story = {
  args: {
    outcome: {
      ...ready,
      next: { type: 'id', id: 'us_sp_1', path: 'files', query: 'mode=export', label: 'See all downloads' },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await expect(within(dialog).getByText(/1,204 rows/)).toBeVisible();
    const next = within(dialog).getByRole('button', { name: 'See all downloads' });
    await waitFor(() => expect(next).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await closed();
    await expect(hostCalls(canvasElement)).toBe('navigate {"id":"us_sp_1","path":"files","query":"mode=export"}');
  },
};

/** `url`: opens in a new tab with `noopener noreferrer` (the test stops the tab from opening). */
export const NextUrl: Story = {
  args: { outcome: { ...ready, next: { type: 'url', url: 'https://example.com/report', label: 'Open the report' } } },
  play: async ({ canvasElement }) => {
    const links: string[] = [];
    const spy = spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      links.push(`${this.href} ${this.target} ${this.rel}`);
    });
    try {
      const dialog = await startAndOpen(canvasElement, 'Export ready');
      await userEvent.click(within(dialog).getByRole('button', { name: /Open the report/ }));
      await closed();
      await expect(links).toEqual(['https://example.com/report _blank noopener noreferrer']);
    } finally {
      spy.mockRestore();
    }
  },
};

/** `download`: saved under `fileName` through the provider's `download`. */
export const NextDownload: Story = {
  args: {
    outcome: {
      ...ready,
      next: { type: 'download', url: 'https://cdn.example.com/export.csv', fileName: 'contacts.csv' },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    await closed();
    await expect(hostCalls(canvasElement)).toBe(
      'download {"url":"https://cdn.example.com/export.csv","fileName":"contacts.csv"}',
    );
  },
};

/** `files`: each file id resolved to a URL by the provider, then downloaded. */
export const NextFiles: Story = {
  args: {
    outcome: {
      ...ready,
      message: 'The files should download automatically.',
      next: {
        type: 'files',
        files: [
          { fileId: 'us_fl_1', label: 'contacts.csv' },
          { fileId: 'us_fl_2', label: 'companies.csv' },
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download files' }));
    await closed();
    await expect(hostCalls(canvasElement).split('\n')).toEqual([
      'download {"url":"/files/us_fl_1/download","fileName":"contacts.csv"}',
      'download {"url":"/files/us_fl_2/download","fileName":"companies.csv"}',
    ]);
  },
};

/** `snapshot`, `view` and `clearFilters` go to the host's callbacks. */
export const NextSnapshot: Story = {
  args: {
    outcome: {
      ...ready,
      heading: 'Changes applied',
      next: { type: 'snapshot', snapshotId: 'us_ss_1', sheetId: 'us_sh_1', label: 'Compare with before' },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Changes applied');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Compare with before' }));
    await closed();
    await expect(hostCalls(canvasElement)).toBe('onSnapshot {"snapshotId":"us_ss_1","sheetId":"us_sh_1"}');
  },
};

export const NextView: Story = {
  args: {
    outcome: {
      ...ready,
      heading: 'Columns mapped',
      next: { type: 'view', sheetId: 'us_sh_1', hiddenColumns: ['notes', 'fax'], label: 'Hide unmapped columns' },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Columns mapped');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Hide unmapped columns' }));
    await closed();
    await expect(hostCalls(canvasElement)).toBe('onView {"sheetId":"us_sh_1","hiddenColumns":["notes","fax"]}');
  },
};

export const NextClearFilters: Story = {
  args: { outcome: { ...ready, heading: 'Records merged', next: { type: 'clearFilters', sheetIds: ['us_sh_1'] } } },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Records merged');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Clear filters' }));
    await closed();
    await expect(hostCalls(canvasElement)).toBe('onClearFilters {"sheetIds":["us_sh_1"]}');
  },
};

/** `wait` with `fade`: only a Close button; the dialog fades out (at once under reduced motion). */
export const NextWaitFade: Story = {
  args: { outcome: { ...ready, heading: 'Submitted', buttonText: 'Done', next: { type: 'wait', fade: true } } },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Submitted');
    await expect(within(dialog).getAllByRole('button')).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await closed();
    await expect(hostCalls(canvasElement)).toBe('');
  },
};

/** `wait` with `confetti`: a short burst of CSS confetti as the outcome shows; none under reduced motion. */
export const NextWaitConfetti: Story = {
  args: { outcome: { ...ready, heading: 'All records submitted!', next: { type: 'wait', confetti: true } } },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'All records submitted!');
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const burst = document.querySelector('[data-slot="outcome-dialog-confetti"]');
    await expect(burst === null).toBe(reduced);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await closed();
  },
};

/** A failed job with `retry`: styled as a failure; "Try again" runs it again, and this time it completes. */
export const FailedWithRetry: Story = {
  args: {
    failTimes: 1,
    outcome: {
      acknowledge: true,
      heading: 'Export failed',
      message: 'The storage service timed out.',
      next: { type: 'retry' },
    },
    completed: { acknowledge: true, heading: 'Export ready', message: 'It worked the second time.' },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export failed');
    await expect(dialog).toHaveAttribute('data-status', 'failed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    // The retried job runs like any other (its old outcome is gone), then ends with a new outcome.
    await closed();
    const again = await body().findByRole('dialog', { name: 'Export ready' }, { timeout: 4000 });
    await expect(again).toHaveAttribute('data-status', 'complete');
  },
};

/** The acknowledgement fails once: the dialog says so and stays; Close again succeeds. */
export const AcknowledgementFailsThenSucceeds: Story = {
  args: { outcome: ready, faults: { failNext: { acknowledgeOutcome: 1 } } },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not record that you saw this');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await closed();
  },
};

/** A link that is not http(s) is never opened; the dialog tells the user it was blocked. */
export const BlockedLink: Story = {
  args: {
    outcome: { ...ready, next: { type: 'download', url: ' JaVaScRiPt:alert(document.cookie)', label: 'Download' } },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The link was blocked because it is not a safe web address.',
    );
    await expect(hostCalls(canvasElement)).toBe('');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await closed();
  },
};

/** `trigger: automatic`: navigation happens as the job ends, and the outcome still shows its message. */
export const AutomaticTrigger: Story = {
  args: { outcome: { ...ready, trigger: 'automatic', next: { type: 'id', id: 'us_sp_1', path: 'files' } } },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await expect(hostCalls(canvasElement)).toBe('navigate {"id":"us_sp_1","path":"files"}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await closed();
  },
};

/** `trigger: automatic_silent` for the originator: the download happens, nothing pops up. */
export const AutomaticSilentTrigger: Story = {
  args: {
    currentUserId: 'us_usr_memory',
    outcome: {
      ...ready,
      trigger: { type: 'automatic_silent', audience: 'originator' },
      next: { type: 'download', url: '/files/export.csv', fileName: 'export.csv' },
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Export workbook' }));
    await waitFor(
      () => expect(hostCalls(canvasElement)).toBe('download {"url":"/files/export.csv","fileName":"export.csv"}'),
      { timeout: 4000 },
    );
    await expect(body().queryByRole('dialog')).toBeNull();
  },
};

/** Right to left: the dialog and its buttons mirror. */
export const RightToLeft: Story = {
  args: {
    dir: 'rtl',
    outcome: {
      acknowledge: true,
      heading: 'اكتمل التصدير',
      message: 'تم تصدير 1204 صفًا.',
      buttonText: 'إغلاق',
      next: { type: 'retry', label: 'أعد المحاولة' },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'اكتمل التصدير');
    await expect(dialog.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    const close = within(dialog).getByRole('button', { name: 'إغلاق' });
    const next = within(dialog).getByRole('button', { name: 'أعد المحاولة' });
    await expect(next.getBoundingClientRect().left).toBeLessThan(close.getBoundingClientRect().left);
    await userEvent.click(close);
    await closed();
  },
};

/** Dark: tokens reach the portalled dialog (axe checks the contrast). */
export const Dark: Story = {
  args: {
    colorScheme: 'dark',
    outcome: { ...ready, next: { type: 'url', url: 'https://example.com', label: 'Open' } },
  },
  play: async ({ canvasElement }) => {
    const dialog = await startAndOpen(canvasElement, 'Export ready');
    await expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(23, 25, 30)');
  },
};
