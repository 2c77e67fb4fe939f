import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { JobNotices, JobsProvider, OutcomeDialog, useCreateJob } from '../src';
import { createMemoryJobsClient, JobFailure } from '../src/memory';

interface Args {
  /** How many times the sync job fails before it completes. */
  syncFailures?: number;
  /** How long success notices stay (ms). */
  duration?: number;
  dir?: 'ltr' | 'rtl';
  colorScheme?: 'light' | 'dark';
}

function Start({ operation, label }: { operation: string; label: string }): ReactNode {
  const create = useCreateJob();
  return (
    <button
      type="button"
      onClick={() => create.mutate({ type: 'workbook', operation, source: 'us_wb_1', mode: 'background' })}
    >
      {label}
    </button>
  );
}

/** A host page whose buttons start background jobs on the memory engine; notices show in a corner. */
function Demo({ syncFailures = 1, duration, dir = 'ltr', colorScheme = 'light' }: Args): ReactNode {
  const [client] = useState(() => {
    let failures = syncFailures;
    return createMemoryJobsClient({
      latency: 20,
      handlers: {
        'workbook:export': async (_job, { sleep }) => {
          await sleep(150);
          return { outcome: { message: 'Exported 1,204 rows' } };
        },
        'workbook:syncCrm': async (_job, { sleep }) => {
          await sleep(150);
          if (failures-- > 0)
            throw new JobFailure('The CRM refused the request', {
              acknowledge: true,
              message: 'The CRM refused the request.\nCheck the API key in Settings.',
            });
        },
      },
    });
  });
  return (
    <JobsProvider
      client={client}
      colorScheme={colorScheme}
      getJobLabel={(job) => (job.operation === 'syncCrm' ? 'CRM sync' : 'Export')}
    >
      <div
        dir={dir}
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          minHeight: 320,
          display: 'flex',
          gap: 8,
          alignItems: 'start',
        }}
      >
        <Start operation="export" label="Export in background" />
        <Start operation="syncCrm" label="Sync with CRM" />
        <JobNotices {...(duration === undefined ? {} : { duration })} />
        <OutcomeDialog />
      </div>
    </JobsProvider>
  );
}

const meta = {
  title: 'Outcomes/JobNotices',
  component: Demo,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

const region = (root: HTMLElement) => within(root).getByRole('status', { name: 'Job notifications' });

/** A background job ends: a notice, no dialog. Success notices go by themselves after `duration`. */
export const BackgroundCompletion: Story = {
  args: { duration: 1500 },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Export in background' }));
    const notices = region(canvasElement);
    await expect(await within(notices).findByText('Export finished.', {}, { timeout: 4000 })).toBeVisible();
    await expect(within(document.body).queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(notices).toBeEmptyDOMElement(), { timeout: 4000 });
  },
};

/** A failed background job: its message, Retry and Dismiss; it stays until the user acts. Retry runs it again. */
export const BackgroundFailureWithRetry: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Sync with CRM' }));
    const notices = region(canvasElement);
    await expect(await within(notices).findByText('CRM sync failed.', {}, { timeout: 4000 })).toBeVisible();
    await expect(within(notices).getByText(/Check the API key/)).toBeVisible();
    await userEvent.click(within(notices).getByRole('button', { name: 'Retry' }));
    await expect(await within(notices).findByText('CRM sync finished.', {}, { timeout: 4000 })).toBeVisible();
    await expect(within(notices).queryByText('CRM sync failed.')).toBeNull();
  },
};

/** Several jobs: one region, a stack; hovering keeps success notices; Dismiss removes one. */
export const Stack: Story = {
  args: { duration: 1000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sync with CRM' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Export in background' }));
    const notices = region(canvasElement);
    await within(notices).findByText('Export finished.', {}, { timeout: 4000 });
    await within(notices).findByText('CRM sync failed.', {}, { timeout: 4000 });
    await userEvent.hover(notices.querySelector('[data-slot="job-notice"]') as HTMLElement);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(within(notices).getByText('Export finished.')).toBeVisible();
    await userEvent.click(within(notices).getByRole('button', { name: 'Dismiss: Export' }));
    await expect(within(notices).queryByText('Export finished.')).toBeNull();
    await expect(within(notices).getByText('CRM sync failed.')).toBeVisible();
  },
};

/** Right to left: the stack sits in the inline-end corner, the left one. */
export const RightToLeft: Story = {
  args: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Sync with CRM' }));
    const notices = region(canvasElement);
    await within(notices).findByText('CRM sync failed.', {}, { timeout: 4000 });
    await expect(notices.getBoundingClientRect().left).toBeLessThan(window.innerWidth / 2);
  },
};

/** Dark: the notices take the dark tokens (axe checks the contrast). */
export const Dark: Story = {
  args: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Sync with CRM' }));
    const notices = region(canvasElement);
    await within(notices).findByText('CRM sync failed.', {}, { timeout: 4000 });
    const notice = notices.querySelector('[data-slot="job-notice"]') as HTMLElement;
    await expect(getComputedStyle(notice).backgroundColor).toBe('rgb(23, 25, 30)');
  },
};
