import { focusManager } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/core';
import {
  createMemoryJobsClient,
  type JobHandlerContext,
  type MemoryJobsClient,
  type MemorySeedJob,
} from '../../src/memory';
import { JobsPanel, type JobsPanelProps, JobsPanelRow, type JobsPanelRowProps, JobsProvider } from '../../src';
import { deferred } from '../react/helpers';

const NOW = Date.UTC(2026, 2, 1, 12, 0);
const minutesAgo = (n: number) => new Date(NOW - n * 60_000);
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Job `i` of a workbook, created `i` minutes after the first: higher numbers are newer. */
function job(i: number, extra: Partial<MemorySeedJob> = {}): MemorySeedJob {
  return {
    id: `us_jb_${i}`,
    type: 'workbook',
    operation: 'export',
    source: 'us_wb_1',
    status: 'complete',
    createdAt: minutesAgo(1000 - i),
    ...extra,
  };
}

function manual() {
  const running = new Map<string, JobHandlerContext['tick']>();
  const handler = async (created: Job, { tick }: JobHandlerContext) => {
    running.set(created.id, tick);
    await deferred().promise;
  };
  return { running, handler };
}

let engine: MemoryJobsClient;
const user = () => userEvent.setup({ delay: null });

function mount(
  jobs: MemorySeedJob[],
  props: Partial<JobsPanelProps> = {},
  options: Parameters<typeof createMemoryJobsClient>[0] = {},
) {
  engine = createMemoryJobsClient({ jobs, ...options });
  return render(
    <JobsProvider client={engine}>
      <button type="button">Before</button>
      <JobsPanel source="us_wb_1" {...props} />
      <button type="button">After</button>
    </JobsProvider>,
  );
}

const rows = () => screen.queryAllByRole('listitem');
const rowOf = (label: string | RegExp) => rows().find((row) => within(row).queryByText(label) !== null) as HTMLElement;

beforeEach(() => {
  // Testing Library's user-event waits on a real 0 ms timeout: let fake time follow real time.
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  // jsdom reports a hidden page, where react-query holds retries back.
  focusManager.setFocused(true);
});

afterEach(() => {
  focusManager.setFocused(undefined);
  engine?.dispose();
  vi.useRealTimers();
});

describe('JobsPanel', () => {
  it('lists the jobs newest first with status in words, leaves hidden jobs out and counts them in the header', async () => {
    mount([
      job(1, {
        operation: 'import',
        status: 'failed',
        info: 'Bad header',
        startedAt: minutesAgo(10),
        finishedAt: minutesAgo(5),
      }),
      job(2, { operation: 'export', status: 'executing', progress: 40 }),
      job(3, { operation: 'cleanup', status: 'complete', mode: 'hidden' }),
      job(4, { operation: 'dedupe', status: 'paused' }),
      job(5, { operation: 'other', source: 'us_wb_2' }),
    ]);
    expect(screen.getByText('Loading jobs…')).toBeInTheDocument();
    await advance(10);
    const list = screen.getByRole('list', { name: 'Jobs' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('[data-slot="jobs-panel-label"]')?.textContent)).toEqual([
      'Dedupe',
      'Export',
      'Import',
    ]);
    expect(items[0]).toHaveTextContent('Unknown status (paused)');
    expect(items[1]).toHaveTextContent('Running');
    expect(items[1]).toHaveAttribute('data-status', 'executing');
    expect(items[2]).toHaveTextContent(
      /^ImportFailedRetry.*Bad headerStarted 10 minutes ago · Finished 5 minutes ago$/,
    );
    expect(within(items[1] as HTMLElement).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(items.map((item) => item.getAttribute('aria-posinset'))).toEqual(['1', '2', '3']);
    expect(items.every((item) => item.getAttribute('aria-setsize') === '3')).toBe(true);
    expect(screen.getByText('3 total, 1 active')).toBeInTheDocument();
  });

  it('filters by status group and by operation', async () => {
    const u = user();
    mount([
      job(1, { operation: 'import', status: 'failed' }),
      job(2, { operation: 'export', status: 'executing' }),
      job(3, { operation: 'export', status: 'canceled' }),
      job(4, { operation: 'import', status: 'complete' }),
      job(5, { operation: 'export', status: 'scheduled' }),
    ]);
    await advance(10);
    expect(rows()).toHaveLength(5);

    await u.click(screen.getByRole('radio', { name: 'Active' }));
    await advance(10);
    expect(rows().map((row) => row.dataset.status)).toEqual(['executing']);
    await u.click(screen.getByRole('radio', { name: 'Finished' }));
    await advance(10);
    expect(rows().map((row) => row.dataset.status)).toEqual(['complete', 'canceled', 'failed']);
    await u.click(screen.getByRole('radio', { name: 'Failed' }));
    await advance(10);
    expect(rows().map((row) => row.dataset.jobId)).toEqual(['us_jb_1']);

    await u.click(screen.getByRole('radio', { name: 'All' }));
    await advance(10);
    const select = screen.getByRole('combobox', { name: 'Operation' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All operations', 'Export', 'Import']);
    await u.selectOptions(select, 'import');
    await advance(10);
    expect(rows().map((row) => row.dataset.jobId)).toEqual(['us_jb_4', 'us_jb_1']);
    // The other operations stay on offer while one is chosen.
    expect(within(select).getAllByRole('option')).toHaveLength(3);
  });

  it('groups parts under their parent in part order, and shows a part whose parent is not listed on its own', async () => {
    const u = user();
    mount([
      job(1, { id: 'parent', operation: 'extract', status: 'executing', progress: 30 }),
      job(2, { id: 'part-2', operation: 'extract', status: 'failed', parentId: 'parent', part: 2 }),
      job(3, { id: 'part-1', operation: 'extract', status: 'complete', parentId: 'parent', part: 1 }),
      job(4, { id: 'solo', operation: 'export' }),
    ]);
    await advance(10);
    expect(rows().map((row) => [row.dataset.jobId, row.getAttribute('aria-level')])).toEqual([
      ['solo', '1'],
      ['parent', '1'],
      ['part-1', '2'],
      ['part-2', '2'],
    ]);
    const parent = rows()[1] as HTMLElement;
    expect(within(parent).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30');
    expect(rows()[2]).toHaveTextContent('Extract, part 1');
    expect(rows()[3]).toHaveAttribute('aria-posinset', '2');
    expect(rows()[3]).toHaveAttribute('aria-setsize', '2');
    expect(screen.getByText('2 total, 1 active')).toBeInTheDocument();

    await u.click(screen.getByRole('radio', { name: 'Failed' }));
    await advance(10);
    expect(rows().map((row) => [row.dataset.jobId, row.getAttribute('aria-level')])).toEqual([['part-2', '1']]);
  });

  it('shows an error with a way to try again when the list cannot be read', async () => {
    const u = user();
    mount([job(1)], {}, { faults: { failNext: { list: 20 } } });
    await advance(10_000);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load jobs: Simulated server error');
    engine.setFaults({});
    await u.click(within(alert).getByRole('button', { name: 'Try again' }));
    await advance(10);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('says when there are no jobs, and when none match the filters', async () => {
    const u = user();
    mount([job(1, { status: 'complete' })]);
    await advance(10);
    await u.click(screen.getByRole('radio', { name: 'Failed' }));
    await advance(10);
    expect(screen.getByText('No jobs match these filters.')).toBeInTheDocument();
    engine.dispose();
    mount([], { source: 'us_wb_9' });
    await advance(10);
    expect(screen.getByText('No jobs yet.')).toBeInTheDocument();
  });

  it('cancels an active job, shows a failed cancel on the row and lets the user try again', async () => {
    const u = user();
    mount([job(1, { status: 'executing', progress: 10 })]);
    await advance(10);
    engine.setFaults({ failNext: { cancel: 1 } });
    const row = rowOf('Export');
    await u.click(within(row).getByRole('button', { name: 'Cancel' }));
    await advance(10);
    expect(within(row).getByRole('alert')).toHaveTextContent('Could not cancel: Simulated server error');
    await u.click(within(row).getByRole('button', { name: 'Try again' }));
    await advance(10);
    expect(row).toHaveAttribute('data-status', 'canceled');
    expect(within(row).queryByRole('alert')).toBeNull();
    expect(within(row).queryByRole('button')).toBeNull();
    // The button went with the status it acted on: focus is back on the row.
    expect(row).toHaveFocus();
  });

  it('retries a failed job and opens the outcome of a job that has one', async () => {
    const u = user();
    const onOpenOutcome = vi.fn();
    // Without a host handler, "View outcome" opens the kit's outcome dialog for that job.
    const { unmount } = mount([job(1, { status: 'complete', outcome: { heading: 'Export ready', message: 'Done' } })]);
    await advance(10);
    await u.click(within(rows()[0] as HTMLElement).getByRole('button', { name: 'View outcome' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export ready' });
    expect(within(dialog).getByText('Done')).toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: 'Close' }));
    await advance(50);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(engine.snapshot()[0]?.outcomeAcknowledgedAt).toBeInstanceOf(Date);
    unmount();
    engine.dispose();
    mount(
      [
        job(1, { status: 'failed', outcome: { message: 'Oops' } }),
        job(2, { status: 'complete', outcome: { message: 'Done' } }),
      ],
      { onOpenOutcome },
    );
    await advance(10);
    const done = rows()[0] as HTMLElement;
    await u.click(within(done).getByRole('button', { name: 'View outcome' }));
    expect(onOpenOutcome).toHaveBeenCalledWith('us_jb_2');

    const failed = rows()[1] as HTMLElement;
    engine.setFaults({ failNext: { retry: 1 } });
    await u.click(within(failed).getByRole('button', { name: 'Retry' }));
    await advance(10);
    expect(within(failed).getByRole('alert')).toHaveTextContent('Could not retry');
    await u.click(within(failed).getByRole('button', { name: 'Try again' }));
    await advance(10);
    expect(failed).toHaveTextContent('Queued');
    expect(within(failed).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('is one tab stop, moves between rows with the arrow keys, Home and End, and tabs into the row buttons', async () => {
    const u = user();
    const seeds = Array.from({ length: 100 }, (_, i) => job(i, { status: i % 2 === 0 ? 'failed' : 'complete' }));
    mount(seeds);
    await advance(10);
    await u.click(screen.getByRole('button', { name: 'Before' }));
    await u.tab(); // the search field
    await u.tab(); // the status filter: one stop for its radios
    await u.tab();
    expect(document.activeElement?.getAttribute('role')).toBe('listitem');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_99');
    await u.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_98');
    await u.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_0');
    expect(rows().length).toBeLessThan(20);
    await u.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_1');
    await u.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_99');
    await u.keyboard('{ArrowDown}');
    await u.tab();
    expect(document.activeElement).toHaveAccessibleName('Retry');
    await u.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await u.tab({ shift: true });
    await u.tab({ shift: true });
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_98');
  });

  it('re-renders only the row of the job that changed, with 100 running jobs mounted', async () => {
    const { running, handler } = manual();
    engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    for (let i = 0; i < 100; i += 1) await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    const renders = new Map<string, number>();
    function CountingRow(props: JobsPanelRowProps) {
      renders.set(props.job.id, (renders.get(props.job.id) ?? 0) + 1);
      return <JobsPanelRow {...props} />;
    }
    render(
      <JobsProvider client={engine}>
        <JobsPanel source="us_wb_1" rowComponent={CountingRow} overscan={100} />
      </JobsProvider>,
    );
    await advance(100);
    expect(rows()).toHaveLength(100);
    expect(running.size).toBe(100);
    const header = screen.getByText('100 total, 100 active');
    const before = new Map(renders);

    const target = [...running.keys()][42] as string;
    await act(() => running.get(target)?.(60, 'Halfway there'));
    await advance(1000);

    expect([...renders].filter(([id, n]) => n !== before.get(id)).map(([id]) => id)).toEqual([target]);
    expect(renders.get(target)).toBe((before.get(target) ?? 0) + 1);
    expect(rowOf('Halfway there')).toHaveAttribute('data-job-id', target);
    expect(header).toHaveTextContent('100 total, 100 active');
  });

  it("shows each tick's progress and info on the default row of a running job, and its last ones once it ends", async () => {
    const { running, handler } = manual();
    engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    render(
      <JobsProvider client={engine}>
        <JobsPanel source="us_wb_1" />
      </JobsProvider>,
    );
    await advance(100);
    const [id] = [...running.keys()] as [string];
    await act(() => running.get(id)?.(30, 'Reading rows'));
    await advance(300);
    expect(within(rowOf('Reading rows')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30');
    await act(() => running.get(id)?.(70, 'Writing rows'));
    await advance(300);
    expect(within(rowOf('Writing rows')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70');
    await act(() => engine.cancel(id));
    await advance(300);
    const ended = rowOf('Writing rows');
    expect(ended).toHaveAttribute('data-status', 'canceled');
    expect(within(ended).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70');
  });

  it('reads the next page as the user scrolls near the end, and says so when that fails', async () => {
    const u = user();
    mount(
      Array.from({ length: 50 }, (_, i) => job(i)),
      { pageSize: 20 },
    );
    await advance(10);
    const viewport = document.querySelector('[data-slot="jobs-panel-viewport"]') as HTMLElement;
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('listitem')
        .every((row) => row.getAttribute('aria-setsize') === '-1'),
    ).toBe(true);
    expect(screen.getByText('50 total, 0 active')).toBeInTheDocument();

    engine.setFaults({ failNext: { list: 20 } });
    viewport.scrollTop = 12 * 76;
    fireEvent.scroll(viewport);
    await advance(10_000);
    const footer = screen.getByRole('alert');
    expect(footer).toHaveTextContent('Could not load jobs');
    engine.setFaults({});
    await u.click(within(footer).getByRole('button', { name: 'Try again' }));
    await advance(10);
    expect(screen.queryByRole('alert')).toBeNull();
    // End moves to the last row loaded, which reads the page after it.
    const last = rows().at(-1) as HTMLElement;
    last.focus();
    await u.keyboard('{End}');
    await advance(10);
    await u.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_0');
    expect(document.activeElement).toHaveAttribute('aria-posinset', '50');
    expect(document.activeElement).toHaveAttribute('aria-setsize', '50');
  });

  it('keeps relative times true with one clock for the whole panel', async () => {
    mount([
      job(1, { status: 'executing', startedAt: new Date(NOW) }),
      job(2, { startedAt: minutesAgo(2), finishedAt: new Date(NOW) }),
    ]);
    await advance(10);
    expect(rowOf('Running')).toHaveTextContent('Started this minute');
    expect(rowOf('Complete')).toHaveTextContent('Started 2 minutes ago · Finished this minute');
    await advance(3 * 60_000);
    expect(rowOf('Running')).toHaveTextContent('Started 3 minutes ago');
    expect(rowOf('Complete')).toHaveTextContent('Finished 3 minutes ago');
  });
});
