import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';
import { JobsProvider, useAcknowledgeOutcome, useCreateJob, useJobs, useOutcomeQueue } from '../../src';
import { declareActEnvironment } from '../act-environment';

// Every state setter the kit's hooks get from `useState` is counted: a setter called for an outcome already
// queued, at every write or list page that mentions it, is a leak (see withCountedSetState).
const updates = vi.hoisted(() => ({ count: 0 }));
vi.mock('react', async (importOriginal) => {
  const { withCountedSetState } = await import('../react/counted-state');
  return withCountedSetState(await importOriginal(), updates);
});

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
let engine: MemoryJobsClient;
const config = { type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' } as const;

declareActEnvironment();
beforeEach(() => {
  vi.useFakeTimers();
  engine = createMemoryJobsClient({
    handlers: {
      'workbook:export': async (_job, { tick, sleep }) => {
        for (let step = 1; step <= 4; step += 1) {
          await sleep(10);
          await tick(step * 20, `Step ${step}`);
        }
        return { outcome: { acknowledge: true, message: 'Exported' } };
      },
    },
  });
});
afterEach(() => {
  engine.dispose();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

type Actions = { create: ReturnType<typeof useCreateJob>; acknowledge: ReturnType<typeof useAcknowledgeOutcome> };
let actions: Actions | undefined;
function Queue() {
  const queue = useOutcomeQueue();
  useJobs({ source: 'us_wb_1', pageSize: 100 });
  actions = { create: useCreateJob(), acknowledge: useAcknowledgeOutcome() };
  return (
    <output aria-label="Outcome queue">
      {queue.current === undefined ? 'none' : `${queue.current.id} +${queue.waiting}`}
    </output>
  );
}

let queryClient: QueryClient;
function mount() {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <JobsProvider client={engine} queryClient={queryClient} currentUserId="us_usr_memory">
      <Queue />
    </JobsProvider>,
  );
}
const create = async () => (await act(() => actions?.create.mutateAsync(config)))?.id as string;
const acknowledge = (id: string) => act(() => actions?.acknowledge.mutateAsync(id));
const shown = () => screen.getByLabelText('Outcome queue').textContent;

describe('the outcome queue', () => {
  it('sets state once to queue an outcome and once to drop it, however often its job is written or listed', async () => {
    mount();
    await advance(50);
    for (let wave = 0; wave < 2; wave += 1) {
      updates.count = 0;
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push(await create());
      await advance(200);
      expect(shown()).toBe(`${ids[0]} +4`);
      expect(updates.count).toBe(5);
      // A list page that mentions the queued jobs again, and a write of one that changes nothing it shows.
      await act(() => queryClient.refetchQueries({ queryKey: ['jobkit'] }));
      expect(updates.count).toBe(5);
      for (const id of ids) await acknowledge(id);
      await advance(50);
      expect(shown()).toBe('none');
      expect(updates.count).toBe(10);
    }
  });
});
