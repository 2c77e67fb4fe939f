import { act, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles.css';
import type { Job, JobStatus } from '../../src/core';
import {
  type ColorScheme,
  JobsIndicator,
  JobsPanel,
  type JobsPanelProps,
  JobsPanelRow,
  type JobsPanelRowProps,
  JobsProvider,
} from '../../src';
import {
  createMemoryJobsClient,
  type JobHandlerContext,
  type MemoryJobsClient,
  type MemorySeedJob,
} from '../../src/memory';

const still = { duration: '0ms' };
const statuses: (JobStatus | 'paused')[] = [
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
];

function seeds(count: number, status?: JobStatus): MemorySeedJob[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `us_jb_${i}`,
    type: 'workbook' as const,
    operation: i % 3 === 0 ? 'import' : 'export',
    source: 'us_wb_1',
    status: status ?? (statuses[i % statuses.length] as JobStatus),
    progress: (i * 7) % 100,
    info: `Step ${i}`,
    createdAt: new Date(start + i * 1000),
    ...(i % statuses.length === 5 || i % statuses.length === 6
      ? { outcome: { message: 'Done' }, finishedAt: new Date(start + i * 1000 + 500) }
      : {}),
  }));
}

let engine: MemoryJobsClient | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

function Page({
  client,
  children,
  colorScheme = 'light',
  dir = 'ltr',
}: {
  client: MemoryJobsClient;
  children: ReactNode;
  colorScheme?: ColorScheme;
  dir?: 'ltr' | 'rtl';
}) {
  return (
    <JobsProvider client={client} theme={still} colorScheme={colorScheme}>
      <main
        dir={dir}
        style={{
          padding: 16,
          maxWidth: 640,
          background: 'var(--jk-bg)',
          color: 'var(--jk-fg)',
          fontFamily: 'var(--jk-font)',
        }}
      >
        <button type="button">Before</button>
        {children}
        <button type="button">After</button>
      </main>
    </JobsProvider>
  );
}

function mountPanel(
  jobs: MemorySeedJob[],
  props: Partial<JobsPanelProps> = {},
  page: { colorScheme?: ColorScheme; dir?: 'ltr' | 'rtl' } = {},
) {
  const client = createMemoryJobsClient({ jobs });
  engine = client;
  render(
    <Page client={client} {...page}>
      <JobsPanel source="us_wb_1" onOpenOutcome={() => {}} {...props} />
    </Page>,
  );
  return client;
}

const panelElement = () => document.querySelector('[data-slot="jobs-panel"]') as HTMLElement;
const viewport = () => document.querySelector('[data-slot="jobs-panel-viewport"]') as HTMLElement;

function nodeCount(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}

async function axeViolations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function inView(row: Element) {
  const box = row.getBoundingClientRect();
  const port = viewport().getBoundingClientRect();
  return box.top >= port.top - 1 && box.bottom <= port.bottom + 1;
}

describe('JobsPanel in a real browser', () => {
  it('mounts 10,000 jobs with a small DOM, and renders the last rows when scrolled to the end', async () => {
    mountPanel(seeds(10_000), { pageSize: 10_000 });
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(3), { timeout: 10_000 });
    const count = nodeCount(panelElement());
    console.info(
      `[jobs-panel] DOM nodes inside the panel with 10,000 jobs: ${count} (${panelElement().querySelectorAll('*').length} elements)`,
    );
    expect(count).toBeLessThanOrEqual(300);
    expect(screen.getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '10000');

    viewport().scrollTop = viewport().scrollHeight;
    await waitFor(() => expect(document.querySelector('[data-job-id="us_jb_0"]')).not.toBeNull());
    const last = document.querySelector('[data-job-id="us_jb_0"]') as HTMLElement;
    expect(last).toHaveAttribute('aria-posinset', '10000');
    expect(inView(last)).toBe(true);
    expect(nodeCount(panelElement())).toBeLessThanOrEqual(300);
  });

  it('pages through 10,000 jobs as the user scrolls to the end', async () => {
    mountPanel(seeds(10_000), { pageSize: 2500 });
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(3), { timeout: 10_000 });
    for (let page = 0; page < 6 && document.querySelector('[data-job-id="us_jb_0"]') === null; page += 1) {
      viewport().scrollTop = viewport().scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(() =>
      expect(document.querySelector('[data-job-id="us_jb_0"]')).toHaveAttribute('aria-setsize', '10000'),
    );
    expect(nodeCount(panelElement())).toBeLessThanOrEqual(300);
  });

  it.each([100, 1000, 10_000])(
    're-renders exactly one row, and not the header, when one of %i running jobs reports progress',
    async (n) => {
      const ticks = new Map<string, JobHandlerContext['tick']>();
      const client = createMemoryJobsClient({
        jobs: seeds(n, 'ready'),
        handlers: {
          'workbook:export': (job: Job, { tick }: JobHandlerContext) => {
            ticks.set(job.id, tick);
            return new Promise<void>(() => {});
          },
        },
      });
      engine = client;
      const renders = new Map<string, number>();
      function CountingRow(props: JobsPanelRowProps) {
        renders.set(props.job.id, (renders.get(props.job.id) ?? 0) + 1);
        return <JobsPanelRow {...props} />;
      }
      render(
        <Page client={client}>
          <JobsPanel source="us_wb_1" operation="export" pageSize={n} rowComponent={CountingRow} />
        </Page>,
      );
      const target = `us_jb_${n - 2}`; // the newest export job
      await waitFor(
        () => expect(document.querySelector(`[data-job-id="${target}"]`)).toHaveAttribute('data-status', 'executing'),
        { timeout: 10_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const header = document.querySelector('[data-slot="jobs-panel-header"]') as HTMLElement;
      const mutations: MutationRecord[] = [];
      const observer = new MutationObserver((records) => mutations.push(...records));
      observer.observe(header, { subtree: true, childList: true, characterData: true, attributes: true });
      const before = new Map(renders);

      await act(() => ticks.get(target)?.(55, 'Halfway'));
      await waitFor(() => expect(document.querySelector(`[data-job-id="${target}"]`)).toHaveTextContent('Halfway'));
      await new Promise((resolve) => setTimeout(resolve, 50));

      observer.disconnect();
      const changed = [...renders].filter(([id, count]) => count !== before.get(id)).map(([id]) => id);
      expect(changed).toEqual([target]);
      expect((renders.get(target) ?? 0) - (before.get(target) ?? 0)).toBe(1);
      expect(mutations).toHaveLength(0);
    },
  );

  it('searches 30,000 jobs in slices and shows the matches, then the whole list again when cleared', async () => {
    mountPanel(seeds(30_000), { pageSize: 30_000, searchDelayMs: 0 });
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(3), { timeout: 10_000 });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'step 2999');
    // "Step 2999", "Step 12999", "Step 22999" and "Step 29990" to "Step 29999": thirteen jobs, newest first.
    // (A generous wait: a loaded machine runs the slices late; the time the search takes is measured in bench/.)
    await waitFor(() => expect(screen.getByText(/^13 total,/)).toBeInTheDocument(), { timeout: 15_000 });
    expect(
      screen
        .getAllByRole('listitem')
        .map((row) => row.dataset.jobId)
        .slice(0, 3),
    ).toEqual(['us_jb_29999', 'us_jb_29998', 'us_jb_29997']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]).toHaveAttribute('data-job-id', 'us_jb_29999'));
    expect(screen.getByText(/^30,000 total,/)).toBeInTheDocument();
  });

  it('runs the keyboard path: one tab stop, arrows, End through a virtualized list, Home, Tab into the row buttons', async () => {
    mountPanel(seeds(10_000), { pageSize: 10_000 });
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(3), { timeout: 10_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Before' }));
    await userEvent.tab(); // the search field
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    await userEvent.tab(); // the status filter (one stop for its radios)
    expect(screen.getByRole('radio', { name: 'All' })).toHaveFocus();
    await userEvent.tab(); // the operation filter
    expect(screen.getByRole('combobox', { name: 'Operation' })).toHaveFocus();
    await userEvent.tab();
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_9999');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_9997');
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_0');
    await waitFor(() => expect(inView(document.activeElement as Element)).toBe(true));
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_1');
    expect(nodeCount(panelElement())).toBeLessThanOrEqual(300);
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_9999');
    await waitFor(() => expect(inView(document.activeElement as Element)).toBe(true));
    // us_jb_9999 is `paused`; three down, us_jb_9996 is `failed` with an outcome: Retry, then View outcome.
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveTextContent('Failed');
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName('Retry');
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName('View outcome');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_9996');
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violation with every status, parts and the filters (%s)',
    async (colorScheme) => {
      const jobs = [
        ...seeds(statuses.length),
        {
          id: 'parent',
          type: 'workbook' as const,
          operation: 'extract',
          source: 'us_wb_1',
          status: 'executing' as const,
          progress: 40,
          createdAt: new Date(Date.UTC(2026, 1, 1)),
        },
        {
          id: 'part-1',
          type: 'workbook' as const,
          operation: 'extract',
          source: 'us_wb_1',
          status: 'complete' as const,
          parentId: 'parent',
          part: 1,
          createdAt: new Date(Date.UTC(2026, 1, 2)),
        },
      ];
      mountPanel(jobs, { height: 1000 }, { colorScheme });
      await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(jobs.length));
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  it('has no axe violation with the indicator open, and lays parts out right to left', async () => {
    const client = createMemoryJobsClient({
      jobs: [
        { id: 'parent', type: 'workbook', operation: 'extract', source: 'us_wb_1', status: 'executing', progress: 40 },
        {
          id: 'part-1',
          type: 'workbook',
          operation: 'extract',
          source: 'us_wb_1',
          status: 'executing',
          parentId: 'parent',
          part: 1,
          progress: 80,
        },
      ],
    });
    engine = client;
    render(
      <Page client={client} dir="rtl">
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <JobsIndicator source="us_wb_1" defaultOpen />
        </div>
      </Page>,
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    const part = document.querySelector('[data-job-id="part-1"]') as HTMLElement;
    const style = getComputedStyle(part);
    expect(Number.parseFloat(style.paddingRight)).toBeGreaterThan(Number.parseFloat(style.paddingLeft));
    const fill = part.querySelector('[data-slot="progress-fill"]') as HTMLElement;
    const bar = (fill.parentElement as HTMLElement).getBoundingClientRect();
    expect(fill.getBoundingClientRect().right).toBeCloseTo(bar.right, 0);
    expect(within(part).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '80');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
