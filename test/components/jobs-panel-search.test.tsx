import { focusManager } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryJobsClient, type MemoryJobsClient, type MemorySeedJob } from '../../src/memory';
import { JobsPanel, type JobsPanelProps, JobsProvider } from '../../src';

const NOW = Date.UTC(2026, 2, 1, 12, 0);
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Job `i` of a workbook, created `i` minutes after the first: higher numbers are newer. */
function job(i: number, extra: Partial<MemorySeedJob> = {}): MemorySeedJob {
  return {
    id: `us_jb_${i}`,
    type: 'workbook',
    operation: 'export',
    source: 'us_wb_1',
    status: 'complete',
    createdAt: new Date(NOW - (1000 - i) * 60_000),
    ...extra,
  };
}

let engine: MemoryJobsClient;
const user = () => userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });

function mount(jobs: MemorySeedJob[], props: Partial<JobsPanelProps> = {}) {
  engine = createMemoryJobsClient({ jobs });
  return render(
    <JobsProvider client={engine} getJobLabel={(j) => (j.operation === 'submitAction' ? 'Submit to CRM' : undefined)}>
      <JobsPanel source="us_wb_1" {...props} />
    </JobsProvider>,
  );
}

const ids = () => screen.queryAllByRole('listitem').map((row) => row.dataset.jobId);
const searchbox = () => screen.getByRole('searchbox', { name: 'Search' });

const seeds = [
  job(1, { operation: 'import', status: 'failed', info: 'Bad header in contacts.csv' }),
  job(2, { operation: 'export', status: 'executing', info: 'Writing contacts.xlsx' }),
  job(3, { operation: 'submitAction', status: 'complete', info: 'Sent 40 records' }),
  job(4, { operation: 'dedupe', status: 'complete', info: 'Merged 3 CONTACTS' }),
];

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  focusManager.setFocused(true);
});

afterEach(() => {
  focusManager.setFocused(undefined);
  engine?.dispose();
  vi.useRealTimers();
});

describe('JobsPanel search', () => {
  it('keeps the jobs whose name, operation or info holds every word, in any case, after a pause in typing', async () => {
    const u = user();
    mount(seeds);
    await advance(10);
    expect(ids()).toEqual(['us_jb_4', 'us_jb_3', 'us_jb_2', 'us_jb_1']);

    await u.type(searchbox(), 'contacts');
    // Not on every keystroke: the list waits for a pause.
    expect(ids()).toHaveLength(4);
    await advance(250);
    expect(ids()).toEqual(['us_jb_4', 'us_jb_2', 'us_jb_1']);
    expect(screen.getByText('3 total, 1 active')).toBeInTheDocument();

    await u.type(searchbox(), ' xlsx');
    await advance(250);
    expect(ids()).toEqual(['us_jb_2']);

    // The name the provider gives the job, and its operation as sent.
    await u.clear(searchbox());
    await u.type(searchbox(), 'crm');
    await advance(250);
    expect(ids()).toEqual(['us_jb_3']);
    await u.clear(searchbox());
    await u.type(searchbox(), 'SUBMITACTION');
    await advance(250);
    expect(ids()).toEqual(['us_jb_3']);
  });

  it('composes with the status and operation filters, and says when nothing matches', async () => {
    const u = user();
    mount(seeds);
    await advance(10);
    await u.type(searchbox(), 'contacts');
    await advance(250);
    await u.click(screen.getByRole('radio', { name: 'Finished' }));
    await advance(10);
    expect(ids()).toEqual(['us_jb_4', 'us_jb_1']);
    await u.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'import');
    await advance(10);
    expect(ids()).toEqual(['us_jb_1']);
    await u.type(searchbox(), ' nowhere');
    await advance(250);
    expect(ids()).toEqual([]);
    expect(screen.getByText('No jobs match these filters.')).toBeInTheDocument();
  });

  it('is reached with Tab, and Escape clears it at once before it lets Escape through', async () => {
    const u = user();
    const onKeyDown = vi.fn();
    const { container } = mount(seeds);
    container.addEventListener('keydown', (event) => onKeyDown(event.key, event.defaultPrevented));
    await advance(10);
    await u.tab();
    expect(searchbox()).toHaveFocus();
    await u.keyboard('header');
    await advance(250);
    expect(ids()).toEqual(['us_jb_1']);
    await u.keyboard('{Escape}');
    expect(searchbox()).toHaveValue('');
    await advance(0);
    expect(ids()).toHaveLength(4);
    await u.keyboard('{Escape}');
    expect(onKeyDown.mock.calls.filter(([key]) => key === 'Escape')).toEqual([
      ['Escape', true],
      ['Escape', false],
    ]);
  });

  it('shows a matching part under its job, and every part of a matching job', async () => {
    const u = user();
    mount([
      job(1, { id: 'parent', operation: 'extract', status: 'executing', info: 'Reading sheets' }),
      job(2, { id: 'part-1', operation: 'extract', parentId: 'parent', part: 1, info: 'Sheet Contacts' }),
      job(3, { id: 'part-2', operation: 'extract', parentId: 'parent', part: 2, info: 'Sheet Companies' }),
      job(4, { id: 'solo', operation: 'export' }),
    ]);
    await advance(10);
    await u.type(searchbox(), 'companies');
    await advance(250);
    expect(
      screen
        .getAllByRole('listitem')
        .map((row) => [row.dataset.jobId, row.getAttribute('aria-level'), row.getAttribute('aria-setsize')]),
    ).toEqual([
      ['parent', '1', '1'],
      ['part-2', '2', '1'],
    ]);
    await u.clear(searchbox());
    await u.type(searchbox(), 'reading');
    await advance(250);
    expect(ids()).toEqual(['parent', 'part-1', 'part-2']);
  });

  it('follows each keystroke without a delay, narrowing and widening again', async () => {
    const u = user();
    mount(seeds, { searchDelayMs: 0 });
    await advance(10);
    const seen: string[][] = [];
    for (const key of 'contacts.x') {
      await u.type(searchbox(), key);
      await advance(1);
      seen.push(ids() as string[]);
    }
    expect(seen.at(3)).toEqual(['us_jb_4', 'us_jb_2', 'us_jb_1']); // "cont"
    expect(seen.at(-1)).toEqual(['us_jb_2']); // "contacts.x"
    await u.type(searchbox(), '{Backspace}{Backspace}');
    await advance(1);
    expect(ids()).toEqual(['us_jb_4', 'us_jb_2', 'us_jb_1']); // "contacts"
    await u.type(searchbox(), ' merged');
    await advance(1);
    expect(ids()).toEqual(['us_jb_4']);
  });

  it('can be controlled by the host', async () => {
    const onSearchChange = vi.fn();
    const u = user();
    mount(seeds, { search: 'dedupe', onSearchChange, searchDelayMs: 0 });
    await advance(10);
    expect(searchbox()).toHaveValue('dedupe');
    expect(ids()).toEqual(['us_jb_4']);
    await u.type(searchbox(), 's');
    expect(onSearchChange).toHaveBeenLastCalledWith('dedupes');
    expect(within(screen.getByRole('list', { name: 'Jobs' })).getAllByRole('listitem')).toHaveLength(1);
  });
});
