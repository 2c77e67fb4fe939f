import { focusManager, QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Job, type JobEvent, type JobsClient, JobsClientError } from '../../src/core';
import { createMemoryJobsClient, type JobHandlerContext } from '../../src/memory';
import { JobsProvider, useCreateJob, useJob, useJobEvents, useJobProgress, useJobs } from '../../src';
import { counting, deferred, wrapper } from './helpers';

const seed = (n: number, status: Job['status'] = 'complete') =>
  Array.from({ length: n }, (_, i) => ({
    id: `us_jb_${i}`,
    type: 'workbook' as const,
    operation: 'export',
    source: 'us_wb_1',
    status,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
  }));

/** Lets react-query's and the engine's timers run for `ms` of fake time. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function JobRow({ id, renders }: { id: string; renders: Map<string, number> }) {
  const progress = useJob(id, (job) => job.progress ?? 0);
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return <li>{`${id}: ${progress.data ?? '…'}`}</li>;
}

function JobList({ renders }: { renders: Map<string, number> }) {
  const { data } = useJobs({ pageSize: 500 });
  return (
    <ul aria-label="jobs">
      {data?.ids.map((id) => (
        <JobRow key={id} id={id} renders={renders} />
      ))}
    </ul>
  );
}

/** A handler the test drives by hand: it records each job's tick and finishes when told. */
function manualHandler() {
  const running = new Map<string, { tick: JobHandlerContext['tick']; finish: () => void }>();
  const handler = async (job: Job, { tick }: JobHandlerContext) => {
    const done = deferred();
    running.set(job.id, { tick, finish: done.resolve });
    await done.promise;
  };
  return { running, handler };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
});

describe('reading jobs', () => {
  it('makes no request while no job is active, over a long stretch of time', async () => {
    const engine = createMemoryJobsClient({ jobs: seed(5) });
    const { client, calls } = counting(engine, { push: false });
    render(<JobList renders={new Map()} />, { wrapper: wrapper({ client }) });
    await advance(10);
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    await advance(30 * 60_000);
    expect(calls).toMatchObject({ list: 1, get: 0 });
    engine.dispose();
  });

  it('polls once a job starts and stops when it ends', async () => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    const { client, calls } = counting(engine, { push: false });
    const { result } = renderHook(() => ({ create: useCreateJob(), list: useJobs() }), {
      wrapper: wrapper({ client, pollInterval: 1000 }),
    });
    await advance(10);
    await act(() => result.current.create.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
    await advance(0);
    const id = result.current.create.data?.id as string;
    expect(result.current.list.data?.ids).toEqual([id]);

    await advance(1000);
    const started = calls.get;
    expect(started).toBeGreaterThanOrEqual(1);
    await act(() => running.get(id)?.tick(40, 'Working'));
    await advance(1000);
    expect(calls.get).toBe(started + 1);

    running.get(id)?.finish();
    await advance(2000);
    const finished = calls.get;
    await advance(60_000);
    expect(calls.get).toBe(finished);
    engine.dispose();
  });

  it('gives a job’s progress, its words and its ETA from the public useJobProgress', async () => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    const { result } = renderHook(
      () => {
        const create = useCreateJob();
        return { create, progress: useJobProgress(create.data?.id) };
      },
      { wrapper: wrapper({ client: engine, pollInterval: 1000, locale: 'en' }) },
    );
    await act(() => result.current.create.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
    await advance(10);
    const id = result.current.create.data?.id as string;
    await act(() => running.get(id)?.tick(40, 'Exported 400 of 1,000'));
    await advance(1000);
    expect(result.current.progress).toMatchObject({
      progress: 40,
      indeterminate: false,
      info: 'Exported 400 of 1,000',
      stalled: false,
      error: null,
    });
    expect(result.current.progress.valueText).toMatch(/^40%/);
    running.get(id)?.finish();
    await advance(2000);
    expect(result.current.progress.job?.status).toBe('complete');
    engine.dispose();
  });

  it('refreshes the ETA of every running job shown with one timer, in one render, and leaves none once unmounted', async () => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    const a = await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    const b = await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    const timersBefore = vi.getTimerCount();
    let renders = 0;
    const { result, rerender, unmount } = renderHook(
      ({ second }: { second: string | undefined }) => {
        renders += 1;
        return [useJobProgress(a.id), useJobProgress(second)];
      },
      { wrapper: wrapper({ client: engine, locale: 'en' }), initialProps: { second: b.id as string | undefined } },
    );
    await advance(10);
    expect(running.size).toBe(2);
    expect(result.current.map((progress) => progress.job?.status)).toEqual(['executing', 'executing']);
    const withBoth = vi.getTimerCount();
    const count = renders;
    await advance(1000);
    expect(renders).toBe(count + 1);
    // The second job's ETA leaving takes no timer with it: both shared the one clock.
    rerender({ second: undefined });
    await advance(10);
    expect(vi.getTimerCount()).toBe(withBoth);
    unmount();
    await advance(0);
    expect(vi.getTimerCount()).toBeLessThan(withBoth);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(timersBefore);
    engine.dispose();
  });

  it('pauses polling while the page is hidden and resumes when it is shown', async () => {
    const { handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    const { client, calls } = counting(engine, { push: false });
    const { result } = renderHook(() => useCreateJob(), { wrapper: wrapper({ client, pollInterval: 1000 }) });
    await act(() => result.current.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
    await advance(1000);
    act(() => focusManager.setFocused(false));
    const hiddenAt = calls.get;
    await advance(20_000);
    expect(calls.get).toBe(hiddenAt);
    act(() => focusManager.setFocused(true));
    await advance(1000);
    expect(calls.get).toBeGreaterThan(hiddenAt);
    engine.dispose();
  });

  it('takes pushed events into the cache, re-reading the job on screen only once per reconciliation interval', async () => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    const { client, calls } = counting(engine, { push: true });
    const created = await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    render(<JobList renders={new Map()} />, { wrapper: wrapper({ client }) });
    await advance(10);
    await act(() => running.get(created.id)?.tick(55));
    await advance(0);
    expect(screen.getByRole('listitem')).toHaveTextContent(`${created.id}: 55`);
    await advance(29_000);
    expect(calls.get).toBe(0);
    await advance(31_000);
    // Default 30 s: two re-reads in a minute, however many events arrived.
    expect(calls.get).toBe(2);
    engine.dispose();
  });

  it.each([
    ['pushed events', true],
    ['polling', false],
  ])('re-renders only the row of the job that changed, among 100, with %s', async (_name, push) => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
    for (let i = 0; i < 100; i += 1) await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    const { client } = counting(engine, { push });
    const renders = new Map<string, number>();
    render(<JobList renders={renders} />, { wrapper: wrapper({ client, pollInterval: 1000 }) });
    await advance(1500);
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    expect(running.size).toBe(100);
    const before = new Map(renders);

    const target = [...running.keys()][42] as string;
    await act(() => running.get(target)?.tick(60));
    await advance(1000);

    const rerendered = [...renders].filter(([id, n]) => n !== before.get(id)).map(([id]) => id);
    expect(rerendered).toEqual([target]);
    expect(screen.getByText(`${target}: 60`)).toBeInTheDocument();
    engine.dispose();
  });

  it('leaves no timer behind after unmount', async () => {
    const { handler } = manualHandler();
    const engine = createMemoryJobsClient({ handlers: { 'workbook:export': handler }, jobs: seed(3) });
    const { client } = counting(engine, { push: false });
    const { result, unmount } = renderHook(() => ({ create: useCreateJob(), list: useJobs() }), {
      wrapper: wrapper({ client, pollInterval: 1000 }),
    });
    await act(() => result.current.create.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
    await advance(2500);
    engine.dispose();
    unmount();
    await advance(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('errors', () => {
  it('hands a failed read to the caller of useJob', async () => {
    const engine = createMemoryJobsClient();
    const { result } = renderHook(() => useJob('us_jb_missing'), { wrapper: wrapper({ client: engine }) });
    await advance(10);
    expect(result.current.error).toMatchObject({ name: 'JobsClientError', code: 'not-found' });
    engine.dispose();
  });

  it('types every hook error as a JobsError, a host client’s own errors included', async () => {
    const engine = createMemoryJobsClient();
    // A host's own client that fails the way fetch does offline, and one that throws something of its own.
    const offline: JobsClient = Object.assign(Object.create(engine) as JobsClient, {
      get: () => Promise.reject(new TypeError('Failed to fetch')),
      create: () => Promise.reject(new Error('Quota exceeded')),
    });
    const read = renderHook(() => useJob('us_jb_1'), { wrapper: wrapper({ client: offline }) });
    // Reads that fail on the network are tried again a few times first.
    await advance(30_000);
    // No cast: the error is JobsClientError | JobValidationError, told apart by `name`.
    const error = read.result.current.error;
    const code = error?.name === 'JobsClientError' ? error.code : error?.path;
    expect(code).toBe('network');
    expect(read.result.current.error).toMatchObject({ message: 'Failed to fetch', cause: expect.any(TypeError) });
    const create = renderHook(() => useCreateJob(), { wrapper: wrapper({ client: offline }) });
    await act(async () => {
      await expect(
        create.result.current.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }),
      ).rejects.toBeInstanceOf(JobsClientError);
    });
    await advance(0);
    expect(create.result.current.error).toMatchObject({
      name: 'JobsClientError',
      code: 'server',
      message: 'Quota exceeded',
    });
    engine.dispose();
  });

  it('hands a failed creation to the caller and creates nothing', async () => {
    const engine = createMemoryJobsClient({ faults: { failNext: { create: 1 } } });
    const { result } = renderHook(() => useCreateJob(), { wrapper: wrapper({ client: engine }) });
    await act(async () => {
      await expect(
        result.current.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }),
      ).rejects.toMatchObject({ code: 'server' });
    });
    await advance(0);
    expect(result.current.error).toMatchObject({ code: 'server' });
    expect(engine.snapshot()).toEqual([]);
    engine.dispose();
  });

  it('leaves malformed jobs out of a list and shows the rest', async () => {
    const client = counting(createMemoryJobsClient(), { push: false }).client;
    client.list = async () => ({
      data: [
        { id: 'ok', type: 'workbook', operation: 'export', source: 's', status: 'weird', progress: Number.NaN },
        { id: 7 } as unknown as Job,
      ] as Job[],
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result } = renderHook(() => useJobs(), { wrapper: wrapper({ client }) });
    await advance(10);
    expect(result.current.data).toMatchObject({ ids: ['ok'], skipped: 1 });
    expect(result.current.data?.jobs.get('ok')).toMatchObject({ id: 'ok', status: 'weird' });
    expect(result.current.data?.jobs.get('ok')?.progress).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('left out'), expect.objectContaining({ path: 'id' }));
  });
});

describe('events', () => {
  it('tells listeners about a job from creation to completion, from polls as from pushes', async () => {
    for (const push of [true, false]) {
      const engine = createMemoryJobsClient({
        handlers: { 'workbook:export': async () => ({ outcome: { message: 'ok' } }) },
      });
      const { client } = counting(engine, { push });
      const seen: JobEvent['topic'][] = [];
      const { result, unmount } = renderHook(
        () => {
          useJobEvents({ topic: ['job:created', 'job:completed'] }, (event) => seen.push(event.topic));
          return useCreateJob();
        },
        { wrapper: wrapper({ client, pollInterval: 500 }) },
      );
      await act(() => result.current.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
      await advance(2000);
      expect(seen).toEqual(['job:created', 'job:completed']);
      unmount();
      engine.dispose();
    }
  });
});

describe('a burst of pushed events', () => {
  it('is applied a slice per task, in order, none dropped: a backend pushing many at once makes no long task', async () => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ jobs: seed(40, 'ready'), handlers: { 'workbook:export': handler } });
    const seen: string[] = [];
    const { result } = renderHook(
      () => {
        useJobEvents({ topic: 'job:updated' }, (event) => seen.push(`${event.context.jobId} ${event.job?.progress}`));
        return useJobs({ pageSize: 40 });
      },
      { wrapper: wrapper({ client: engine }) },
    );
    await advance(10);
    expect(result.current.data?.ids).toHaveLength(40);
    seen.length = 0;
    // Each reading of the clock moves it 1 ms: applying events looks slow, so the burst is split up.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    const order: string[] = [];
    act(() => {
      for (const [id, { tick }] of running) {
        order.push(`${id} 50`);
        void tick(50);
      }
    });
    // The burst's own task applied a slice; the rest wait for later tasks.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(40);
    const tasks: number[] = [seen.length];
    while (seen.length < 40 && tasks.length < 100) {
      await advance(1); // fake timers run a 0 ms timer set during a timer 1 ms later
      tasks.push(seen.length);
    }
    now.mockRestore();
    expect(seen).toEqual(order);
    expect(tasks.length).toBeGreaterThan(2);
    engine.dispose();
  });
});

describe('the provider', () => {
  it('uses the QueryClient it is given instead of making another', async () => {
    const { QueryClient } = await import('@tanstack/react-query');
    const queryClient = new QueryClient();
    const engine = createMemoryJobsClient({ jobs: seed(2) });
    render(
      <JobsProvider client={engine} queryClient={queryClient}>
        <JobList renders={new Map()} />
      </JobsProvider>,
    );
    await advance(10);
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey[2]);
    expect(keys.filter((k) => k === 'job')).toHaveLength(2);
    expect(keys.filter((k) => k === 'list')).toHaveLength(1);
    engine.dispose();
  });

  it('says clearly when a hook is used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useJobs())).toThrow('useJobs must be used inside <JobsProvider client={...}>.');
  });
});

describe('lists', () => {
  it('keeps the jobs of a list in the list: no entry per job until one is shown, and rows read nothing more', async () => {
    const { running, handler } = manualHandler();
    const engine = createMemoryJobsClient({ jobs: seed(1000, 'ready'), handlers: { 'workbook:export': handler } });
    const { client, calls } = counting(engine, { push: true });
    const queryClient = new QueryClient();
    function Page({ show }: { show?: string }) {
      const { data } = useJobs({ pageSize: 1000 });
      return (
        <>
          <p>{`${data?.ids.length ?? 0} jobs`}</p>
          {show === undefined ? null : <JobRow id={show} renders={new Map()} />}
        </>
      );
    }
    const view = render(
      <JobsProvider client={client} queryClient={queryClient}>
        <Page />
      </JobsProvider>,
    );
    await advance(10);
    expect(screen.getByText('1000 jobs')).toBeTruthy();
    // Every job is running and ticking; none is shown, so none has an entry of its own.
    await act(async () => {
      for (const { tick } of running.values()) await tick(40, 'Reading');
    });
    const entries = () =>
      queryClient
        .getQueryCache()
        .getAll()
        .filter((query) => query.queryKey[2] === 'job').length;
    expect(entries()).toBe(0);

    // A row shown now takes its job, with the latest tick, from the list without a request.
    view.rerender(
      <JobsProvider client={client} queryClient={queryClient}>
        <Page show="us_jb_7" />
      </JobsProvider>,
    );
    expect(screen.getByText('us_jb_7: 40')).toBeTruthy();
    expect(entries()).toBe(1);
    await act(() => running.get('us_jb_7')?.tick(60) ?? Promise.resolve());
    await advance(10);
    expect(screen.getByText('us_jb_7: 60')).toBeTruthy();
    expect(calls.get).toBe(0);
    expect(calls.list).toBe(1);
    engine.dispose();
  });

  it('puts a created job first in a newest-first list and moves a failed job from the active list to the failed one', async () => {
    const engine = createMemoryJobsClient({
      jobs: seed(3),
      handlers: {
        'workbook:export': async (_job, { sleep }) => {
          await sleep(500);
          throw new Error('Disk full');
        },
      },
    });
    const { client, calls } = counting(engine, { push: true });
    const active = ['created', 'ready', 'executing'] as const;
    const { result } = renderHook(
      () => ({
        all: useJobs(),
        active: useJobs({ status: active }),
        failed: useJobs({ status: 'failed' }),
        create: useCreateJob(),
      }),
      { wrapper: wrapper({ client }) },
    );
    await advance(10);
    expect(result.current.all.data?.ids).toEqual(['us_jb_2', 'us_jb_1', 'us_jb_0']);
    expect(result.current.active.data?.ids).toEqual([]);

    vi.setSystemTime(Date.UTC(2026, 5, 1));
    await act(() => result.current.create.mutateAsync({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
    await advance(100);
    const id = result.current.create.data?.id as string;
    expect(result.current.all.data?.ids).toEqual([id, 'us_jb_2', 'us_jb_1', 'us_jb_0']);
    expect(result.current.active.data?.ids).toEqual([id]);

    await advance(1000);
    expect(result.current.active.data?.ids).toEqual([]);
    expect(result.current.failed.data?.ids).toEqual([id]);
    expect(calls.list).toBe(3);
    engine.dispose();
  });
});
