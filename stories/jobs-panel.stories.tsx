import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type ColorScheme, JobsIndicator, JobsPanel, type JobsPanelProps, JobsProvider } from '../src';
import type { JobStatus } from '../src/core';
import { createMemoryJobsClient, type JobHandler, type MemorySeedJob } from '../src/memory';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Runs until canceled: creeps towards 95 % with a status line. */
const endless: JobHandler = async (_job, { tick, sleep }) => {
  for (let step = 1; ; step += 1) {
    await sleep(700);
    await tick(Math.min(95, step * 6), `Exported ${(step * 250).toLocaleString('en-US')} records`);
  }
};

function seed(
  id: string,
  operation: string,
  status: JobStatus | 'paused',
  extra: Partial<MemorySeedJob> = {},
): MemorySeedJob {
  return { id, type: 'workbook', operation, source: 'us_wb_1', status: status as JobStatus, ...extra };
}

const fewJobs: MemorySeedJob[] = [
  seed('us_jb_import', 'importRecords', 'complete', {
    createdAt: minutesAgo(50),
    startedAt: minutesAgo(50),
    finishedAt: minutesAgo(44),
    info: '1,200 records imported',
    outcome: { heading: 'Import complete', message: '1,200 records imported.' },
  }),
  seed('us_jb_validate', 'validate', 'failed', {
    createdAt: minutesAgo(30),
    startedAt: minutesAgo(30),
    finishedAt: minutesAgo(29),
    progress: 35,
    info: 'Column “email” is missing',
    outcome: { acknowledge: true, message: 'Column “email” is missing.' },
  }),
  seed('us_jb_dedupe', 'dedupe', 'waiting', { createdAt: minutesAgo(3), info: 'Waiting for the export' }),
  seed('us_jb_export', 'export', 'ready', { createdAt: minutesAgo(2) }),
];

const statuses = [
  'created',
  'planning',
  'scheduled',
  'ready',
  'executing',
  'complete',
  'failed',
  'canceled',
  'waiting',
  'paused',
] as const;
const everyStatus = statuses.map((status, i) =>
  seed(`us_jb_${status}`, `${status}Step`, status, {
    createdAt: minutesAgo(60 - i),
    progress: i * 10,
    info: `A ${status} job`,
    ...(i === 5 || i === 6 ? { finishedAt: minutesAgo(10) } : {}),
  }),
);

const parts: MemorySeedJob[] = [
  seed('us_jb_parent', 'extract', 'executing', {
    createdAt: minutesAgo(9),
    startedAt: minutesAgo(9),
    progress: 50,
    info: '2 of 4 parts done',
    partExecution: 'parallel',
  }),
  ...(['complete', 'complete', 'executing', 'waiting'] as const).map((status, i) =>
    seed(`us_jb_part${i + 1}`, 'extract', status, {
      parentId: 'us_jb_parent',
      part: i + 1,
      createdAt: minutesAgo(8),
      progress: status === 'executing' ? 60 : undefined,
    }),
  ),
  seed('us_jb_hidden', 'audit', 'executing', { mode: 'hidden', createdAt: minutesAgo(1) }),
];

const manyJobs = (count: number): MemorySeedJob[] =>
  Array.from({ length: count }, (_, i) =>
    seed(`us_jb_${i}`, i % 4 === 0 ? 'importRecords' : 'exportRecords', statuses[i % 9] as JobStatus, {
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      progress: i % 100,
      info: `Batch ${i}`,
    }),
  );

interface FrameProps {
  jobs: MemorySeedJob[];
  colorScheme?: ColorScheme;
  dir?: 'ltr' | 'rtl';
  children: (openOutcome: (jobId: string) => void) => ReactNode;
}

/** A host page on the memory engine; "View outcome" writes the job it was asked for into an output. */
function Frame({ jobs, colorScheme = 'light', dir = 'ltr', children }: FrameProps) {
  const [client] = useState(() =>
    createMemoryJobsClient({ jobs, latency: 30, handlers: { 'workbook:export': endless } }),
  );
  const [outcome, setOutcome] = useState('none');
  return (
    <JobsProvider client={client} colorScheme={colorScheme}>
      <div
        dir={dir}
        style={{
          padding: 16,
          maxWidth: 560,
          minHeight: 640,
          background: 'var(--jk-bg)',
          color: 'var(--jk-fg)',
          fontFamily: 'var(--jk-font)',
        }}
      >
        {children(setOutcome)}
        <p style={{ color: 'var(--jk-muted)', fontSize: 13 }}>
          Outcome requested: <output aria-label="Outcome requested">{outcome}</output>
        </p>
      </div>
    </JobsProvider>
  );
}

const panel =
  (jobs: MemorySeedJob[], props: Partial<JobsPanelProps> = {}, frame: Partial<FrameProps> = {}) =>
  () => (
    <Frame jobs={jobs} {...frame}>
      {(openOutcome) => <JobsPanel source="us_wb_1" onOpenOutcome={openOutcome} {...props} />}
    </Frame>
  );

const rowsOf = (canvas: HTMLElement) => within(canvas).queryAllByRole('listitem');
const rowById = (canvas: HTMLElement, id: string) => canvas.querySelector(`[data-job-id="${id}"]`) as HTMLElement;

const meta = {
  title: 'Jobs/JobsPanel',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

/** No jobs yet: the panel says so, with its filters ready. */
export const Empty: Story = {
  render: panel([]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No jobs yet.')).toBeInTheDocument();
    await expect(canvas.getByRole('radio', { name: 'All' })).toBeChecked();
    await expect(canvas.getByText('0 total, 0 active')).toBeInTheDocument();
  },
};

/** A few jobs: one runs live (cancel it), one failed (retry), one has an outcome to open. */
export const AFewJobs: Story = {
  render: panel(fewJobs),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(4));
    await waitFor(() => expect(rowById(canvasElement, 'us_jb_export')).toHaveTextContent('Running'));
    await expect(rowById(canvasElement, 'us_jb_validate')).toHaveTextContent('Column “email” is missing');
    await expect(rowById(canvasElement, 'us_jb_import')).toHaveTextContent(
      'Started 50 minutes ago · Finished 44 minutes ago',
    );
    await userEvent.click(within(rowById(canvasElement, 'us_jb_import')).getByRole('button', { name: 'View outcome' }));
    await expect(canvas.getByRole('status', { name: 'Outcome requested' })).toHaveTextContent('us_jb_import');
    await waitFor(
      () =>
        expect(within(rowById(canvasElement, 'us_jb_export')).getByRole('progressbar')).toHaveAttribute(
          'aria-valuenow',
        ),
      { timeout: 3000 },
    );
    await userEvent.click(within(rowById(canvasElement, 'us_jb_export')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(rowById(canvasElement, 'us_jb_export')).toHaveTextContent('Canceled'));
    await expect(canvas.getByText('4 total, 1 active')).toBeInTheDocument();
  },
};

/** 10,000 jobs, read 100 at a time as the list scrolls; the DOM holds only the rows in view. */
export const TenThousandJobs: Story = {
  render: panel(manyJobs(10_000)),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3), { timeout: 5000 });
    await expect(rowsOf(canvasElement)[0]).toHaveAttribute('aria-setsize', '-1');
    const count = () =>
      document.createTreeWalker(canvasElement.querySelector('[data-slot="jobs-panel"]') as Node, NodeFilter.SHOW_ALL);
    const nodes = () => {
      const walker = count();
      let n = 0;
      while (walker.nextNode()) n += 1;
      return n;
    };
    await expect(nodes()).toBeLessThanOrEqual(300);
    const viewport = canvasElement.querySelector('[data-slot="jobs-panel-viewport"]') as HTMLElement;
    // Scrolled to the end, the next page is read; scrolled to the new end, its last row shows.
    await waitFor(
      () => {
        viewport.scrollTop = viewport.scrollHeight;
        expect(viewport.querySelector('[aria-posinset="200"]')).not.toBeNull();
      },
      { timeout: 5000 },
    );
    await expect(nodes()).toBeLessThanOrEqual(300);
  },
};

/**
 * Search: a word typed into the header's field keeps the jobs whose name, operation or info holds it,
 * after a short pause, together with the status and operation filters. Escape clears it.
 */
export const Search: Story = {
  render: panel(fewJobs),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(4));
    const search = canvas.getByRole('searchbox', { name: 'Search' });
    // Reached with the keyboard: the first stop in the panel after its heading.
    (canvasElement.querySelector('[data-slot="jobs-panel"]') as HTMLElement).focus();
    await userEvent.tab();
    await expect(search).toHaveFocus();
    await userEvent.keyboard('EMAIL');
    await waitFor(() => expect(rowsOf(canvasElement).map((row) => row.dataset.jobId)).toEqual(['us_jb_validate']));
    // The count is of the matches; "active" stays the source's.
    await expect(canvas.getByText('1 total, 2 active')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await expect(search).toHaveValue('');
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(4));
    // Two words, both needed; then the Active filter on top leaves none (the import has finished).
    await userEvent.type(search, 'imported 1,200');
    await waitFor(() => expect(rowsOf(canvasElement).map((row) => row.dataset.jobId)).toEqual(['us_jb_import']));
    await userEvent.click(canvas.getByRole('radio', { name: 'Active' }));
    await expect(await canvas.findByText('No jobs match these filters.')).toBeVisible();
  },
};

/** Every status, in words: the nine of the API and one the kit does not know. */
export const EveryStatus: Story = {
  render: panel(everyStatus, { height: 800 }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(10));
    const texts = [
      'Created',
      'Planning',
      'Scheduled',
      'Queued',
      'Running',
      'Complete',
      'Failed',
      'Canceled',
      'Waiting',
      'Unknown status (paused)',
    ];
    for (const [i, status] of statuses.entries()) {
      await expect(
        rowById(canvasElement, `us_jb_${status}`).querySelector('[data-slot="jobs-panel-status"]'),
      ).toHaveTextContent(texts[i] as string);
    }
    await expect(
      within(rowById(canvasElement, 'us_jb_failed')).getByRole('button', { name: 'Retry' }),
    ).toBeInTheDocument();
    await expect(within(rowById(canvasElement, 'us_jb_complete')).queryByRole('button')).toBeNull();
  },
};

/** A job split into four parts: the parent's own progress, its parts beneath it; a hidden job left out. */
export const MultiPartJob: Story = {
  render: panel(parts),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(5));
    const [parent, ...children] = rowsOf(canvasElement) as HTMLElement[];
    await expect(parent).toHaveAttribute('aria-level', '1');
    await expect(within(parent as HTMLElement).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    await expect(children.map((row) => row.getAttribute('aria-level'))).toEqual(['2', '2', '2', '2']);
    await expect(children.map((row) => row.querySelector('[data-slot="jobs-panel-label"]')?.textContent)).toEqual([
      'Extract, part 1',
      'Extract, part 2',
      'Extract, part 3',
      'Extract, part 4',
    ]);
    await expect(canvasElement.querySelector('[data-job-id="us_jb_hidden"]')).toBeNull();
  },
};

/** Right to left: parts indent from the right, bars fill from the right, arrows still move down the list. */
export const RightToLeft: Story = {
  render: panel(parts, {}, { dir: 'rtl' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(5));
    const part = rowById(canvasElement, 'us_jb_part1');
    await expect(Number.parseFloat(getComputedStyle(part).paddingRight)).toBeGreaterThan(
      Number.parseFloat(getComputedStyle(part).paddingLeft),
    );
    const fill = part.querySelector('[data-slot="progress-fill"]') as HTMLElement;
    await expect(fill.getBoundingClientRect().right).toBeCloseTo(
      (fill.parentElement as HTMLElement).getBoundingClientRect().right,
      0,
    );
    rowById(canvasElement, 'us_jb_parent').focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(part).toHaveFocus();
  },
};

/** Dark: the same tokens, dark values; axe checks the contrast. */
export const Dark: Story = {
  render: panel(everyStatus, { height: 800 }, { colorScheme: 'dark' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(10));
    const root = canvasElement.querySelector('[data-jk-root]') as HTMLElement;
    await expect(root).toHaveAttribute('data-color-scheme', 'dark');
    await expect(
      getComputedStyle(canvasElement.querySelector('[data-slot="jobs-panel"]') as HTMLElement).colorScheme,
    ).toBe('dark');
  },
};

/** The indicator: active jobs counted, the panel opening below it (also with Ctrl+J / ⌘J), Escape closing it. */
export const IndicatorOpensThePanel: Story = {
  name: 'JobsIndicator opens the panel',
  render: () => (
    <Frame jobs={[...fewJobs, ...parts]}>
      {(openOutcome) => (
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <JobsIndicator source="us_wb_1" shortcut="mod+j" onOpenOutcome={openOutcome} />
        </div>
      )}
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: /^Jobs/ });
    await waitFor(() => expect(trigger).toHaveAccessibleName('Jobs 3 running'), { timeout: 3000 });
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    // The popover is portalled to the end of the body.
    await waitFor(() =>
      expect(within(canvasElement.ownerDocument.body).getAllByRole('listitem').length).toBeGreaterThan(4),
    );
    await waitFor(() => expect(document.activeElement).toHaveAttribute('role', 'listitem'));
    await userEvent.keyboard('{Escape}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(trigger).toHaveFocus();
    const mac = /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);
    await userEvent.keyboard(mac ? '{Meta>}j{/Meta}' : '{Control>}j{/Control}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('role', 'listitem'));
  },
};
