import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';
import { JobNotices, JobsProvider } from '../../src';
import { declareActEnvironment } from '../act-environment';

// Every state setter the kit's components get from `useState` is counted: for JobNotices in a console that
// shows no notice, a setter called per event of a running job is a leak (see withCountedSetState).
const updates = vi.hoisted(() => ({ count: 0 }));
vi.mock('react', async (importOriginal) => {
  const { withCountedSetState } = await import('../react/counted-state');
  return withCountedSetState(await importOriginal(), updates);
});

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
let engine: MemoryJobsClient;

declareActEnvironment();
beforeEach(() => {
  vi.useFakeTimers();
  engine = createMemoryJobsClient({
    handlers: {
      'workbook:export': async (_job, { tick, sleep }) => {
        for (let step = 1; step <= 10; step += 1) {
          await sleep(100);
          await tick(step * 9, `Step ${step}`);
        }
      },
    },
  });
});
afterEach(() => {
  engine.dispose();
  vi.useRealTimers();
});

describe('JobNotices state updates', () => {
  it('schedules none for the events of running jobs, and one for the notice of a finished one', async () => {
    render(
      <JobsProvider client={engine} currentUserId="us_usr_memory">
        <JobNotices />
      </JobsProvider>,
    );
    await advance(10);
    updates.count = 0;
    await act(() => engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' }));
    await act(() => engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'background' }));
    await advance(550);
    expect(engine.snapshot().map((job) => job.progress)).toEqual([45, 45]);
    expect(updates.count).toBe(0);

    await advance(1000);
    expect(engine.snapshot().map((job) => job.status)).toEqual(['complete', 'complete']);
    const region = screen.getByRole('status', { name: 'Job notifications' });
    expect(within(region).getAllByText('Export finished.')).toHaveLength(1);
    expect(updates.count).toBe(1);
  });
});
