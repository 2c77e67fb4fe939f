import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobOutcome } from '../../src/core';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';
import { JobsProvider, useCreateJob, useOutcomeQueue } from '../../src';
import { useJobsStore } from '../../src/react/context';
import type { JobsStore } from '../../src/store';
import { declareActEnvironment } from '../act-environment';

// A console open all day sees thousands of automatic outcomes: what the provider remembers of each (that
// its `next` ran, that it is shown nowhere) must go once the outcome is acknowledged.
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
let engine: MemoryJobsClient;
let outcome: JobOutcome;
const config = { type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' } as const;

declareActEnvironment();
beforeEach(() => {
  vi.useFakeTimers();
  engine = createMemoryJobsClient({ handlers: { 'workbook:export': () => ({ outcome }) } });
});
afterEach(() => {
  engine.dispose();
  vi.useRealTimers();
});

let store: JobsStore | undefined;
let create: ReturnType<typeof useCreateJob> | undefined;
function Queue() {
  useOutcomeQueue();
  store = useJobsStore().store;
  create = useCreateJob();
  return null;
}

function mount(navigate = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <JobsProvider client={engine} queryClient={queryClient} navigate={navigate}>
      <Queue />
    </JobsProvider>,
  );
  return navigate;
}

async function runJobs(count: number) {
  for (let i = 0; i < count; i += 1) await act(() => create?.mutateAsync(config));
  await advance(200);
}

describe('the outcome queue over many jobs', () => {
  it('forgets an automatic_silent outcome once it ran and was acknowledged', async () => {
    outcome = { acknowledge: true, trigger: 'automatic_silent', next: { type: 'id', id: 'us_sp_1' } };
    const navigate = mount();
    await advance(50);
    await runJobs(30);
    expect(navigate).toHaveBeenCalledTimes(30);
    expect(engine.snapshot().every((job) => job.outcomeAcknowledgedAt !== undefined)).toBe(true);
    expect(store?.outcomes.ran.size).toBe(0);
    expect(store?.outcomes.silent.size).toBe(0);
  });

  it('forgets an automatic outcome once the user acknowledged it, and never runs it twice meanwhile', async () => {
    outcome = { acknowledge: true, trigger: 'automatic', next: { type: 'id', id: 'us_sp_1' } };
    const navigate = mount();
    await advance(50);
    await runJobs(3);
    expect(navigate).toHaveBeenCalledTimes(3);
    expect(store?.outcomes.ran.size).toBe(3);
    for (const job of engine.snapshot()) await act(() => engine.acknowledgeOutcome(job.id));
    await advance(50);
    expect(navigate).toHaveBeenCalledTimes(3);
    expect(store?.outcomes.ran.size).toBe(0);
  });
});
