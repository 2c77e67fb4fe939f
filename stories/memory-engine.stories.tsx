import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { type ColorScheme, JobsProvider, useCreateJob, useJobs } from '../src';
import { createMemoryJobsClient, JobFailure, type JobHandler, type MemoryJobsClient } from '../src/memory';
import { JobRow } from './support/job-row';

/** Steps through `steps` ticks, `stepMs` apart, on the engine's clock. */
const steadily =
  (steps: number, stepMs: number, info: (step: number) => string): JobHandler =>
  async (_job, { tick, sleep }) => {
    for (let step = 1; step <= steps; step += 1) {
      await sleep(stepMs);
      await tick((step / steps) * 100, info(step));
    }
    return { outcome: { heading: 'Done', message: 'All records exported.' } };
  };

function createDemoClient(): MemoryJobsClient {
  return createMemoryJobsClient({
    latency: 40,
    handlers: {
      'workbook:export': steadily(
        8,
        150,
        (step) => `Exported ${(step * 125).toLocaleString('en-US')} of 1,000 records`,
      ),
      'file:extract': async (_job, { tick, sleep }) => {
        await sleep(300);
        await tick(30, 'Reading rows');
        await sleep(300);
        throw new JobFailure('The file is not valid CSV (line 14).', {
          acknowledge: true,
          heading: 'Extraction failed',
          message: 'The file is not valid CSV (line 14).',
          next: { type: 'retry', label: 'Try again' },
        });
      },
      'sheet:dedupe': steadily(40, 250, (step) => `Comparing records, pass ${step}`),
    },
    jobs: [
      {
        id: 'us_jb_seeded1',
        type: 'space',
        operation: 'configure',
        source: 'us_sp_1',
        status: 'complete',
        progress: 100,
        info: 'Space configured',
        createdAt: new Date(Date.now() - 3_600_000),
      },
    ],
  });
}

function Jobs() {
  const { data, isPending, error } = useJobs();
  if (isPending) return <p>Loading jobs…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <ul aria-label="Jobs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {data.ids.map((id) => (
        <JobRow key={id} id={id} />
      ))}
    </ul>
  );
}

function StartButtons() {
  const create = useCreateJob();
  const start = (type: 'workbook' | 'file' | 'sheet', operation: string, source: string) =>
    create.mutate({ type, operation, source, mode: 'background' });
  return (
    <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
      <button type="button" onClick={() => start('workbook', 'export', 'us_wb_1')}>
        Export workbook
      </button>
      <button type="button" onClick={() => start('file', 'extract', 'us_fl_1')}>
        Extract file
      </button>
      <button type="button" onClick={() => start('sheet', 'dedupe', 'us_sh_1')}>
        Find duplicates
      </button>
      {create.error ? <span role="alert">Could not start the job: {create.error.message}</span> : null}
    </div>
  );
}

function MemoryEngineDemo({ colorScheme = 'system' }: { colorScheme?: ColorScheme }) {
  const [client] = useState(createDemoClient);
  return (
    <JobsProvider client={client} colorScheme={colorScheme}>
      <main
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          maxWidth: 560,
        }}
      >
        <h1 style={{ fontSize: 18, marginTop: 0 }}>Jobs on the in-memory engine</h1>
        <StartButtons />
        <Jobs />
      </main>
    </JobsProvider>
  );
}

const meta = {
  title: 'Foundation/Memory engine',
  component: MemoryEngineDemo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof MemoryEngineDemo>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Real jobs on the in-memory engine: start one and watch it run, finish, fail or be canceled. */
export const RunningJobs: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: 'Jobs' });
    await expect(within(list).getByText('space:configure')).toBeVisible();

    await step('an export runs to completion', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Export workbook' }));
      const bar = await canvas.findByRole('progressbar', { name: 'workbook:export' });
      await expect(await canvas.findByText(/Exported \d+ of 1,000 records/)).toBeVisible();
      await expect(await canvas.findByText('Exported 1,000 of 1,000 records', {}, { timeout: 5000 })).toBeVisible();
      const row = bar.closest('li') as HTMLElement;
      await expect(await within(row).findByText('Complete', {}, { timeout: 3000 })).toBeVisible();
      await expect(bar).toHaveAttribute('aria-valuenow', '100');
    });

    await step('an extraction fails with its message', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Extract file' }));
      await expect(
        await canvas.findByText('The file is not valid CSV (line 14).', {}, { timeout: 4000 }),
      ).toBeVisible();
      const row = canvas.getByRole('progressbar', { name: 'file:extract' }).closest('li') as HTMLElement;
      await expect(within(row).getByText('Failed')).toBeVisible();
    });

    await step('a long job can be canceled', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Find duplicates' }));
      const cancel = await canvas.findByRole('button', { name: 'Cancel sheet:dedupe' }, { timeout: 3000 });
      await userEvent.click(cancel);
      const row = canvas.getByRole('progressbar', { name: 'sheet:dedupe' }).closest('li') as HTMLElement;
      await expect(await within(row).findByText('Canceled', {}, { timeout: 3000 })).toBeVisible();
    });
  },
};

/** The same kit in the dark scheme, set on the provider. */
export const Dark: Story = {
  args: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: 'Jobs' });
    await expect(within(list).getByText('Complete')).toBeVisible();
    const main = canvas.getByRole('main');
    // The dark tokens apply: a dark background under light text.
    await expect(getComputedStyle(main).backgroundColor).toBe('rgb(23, 25, 30)');
    await expect(getComputedStyle(main).color).toBe('rgb(232, 234, 238)');
  },
};
