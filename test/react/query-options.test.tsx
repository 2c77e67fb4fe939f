import { QueryClient, useQuery } from '@tanstack/react-query';
import { cleanup as cleanupAll, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Job } from '../../src/core';
import { createMemoryJobsClient } from '../../src/memory';
import {
  type JobsListData,
  JobsProvider,
  jobQueryOptions,
  jobsListQueryOptions,
  jobsQueryKeys,
  useJob,
  useJobs,
} from '../../src';
import { counting } from './helpers';

const seed = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `us_jb_${i}`,
    type: 'workbook' as const,
    operation: 'export',
    source: i % 2 === 0 ? 'us_wb_even' : 'us_wb_odd',
    status: 'complete' as const,
    info: `job ${i}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
  }));

function setup(n = 4) {
  const { client, calls } = counting(createMemoryJobsClient({ jobs: seed(n) }), { push: true });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { client, calls, queryClient };
}

function JobInfo({ id }: { id: string }) {
  const { data } = useJob(id);
  return <p>{data === undefined ? 'loading' : `${data.id}: ${data.info}`}</p>;
}

function JobIds({ source }: { source?: string }) {
  const { data } = useJobs(source === undefined ? {} : { source });
  return <p>{data === undefined ? 'loading' : `${source ?? 'all'}: ${data.ids.join(' ')}`}</p>;
}

describe('query keys and options for hosts', () => {
  it('a prefetched job renders without another request', async () => {
    const { client, calls, queryClient } = setup();
    await queryClient.prefetchQuery(jobQueryOptions(client, 'us_jb_1'));
    expect(calls.get).toBe(1);
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobInfo id="us_jb_1" />
      </JobsProvider>,
    );
    expect(screen.getByText('us_jb_1: job 1')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.get).toBe(1);
    expect(calls.list).toBe(0);
  });

  it('a prefetched list renders without another request, its rows without any', async () => {
    const { client, calls, queryClient } = setup();
    await queryClient.prefetchQuery(jobsListQueryOptions(client));
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobIds />
        <JobInfo id="us_jb_2" />
      </JobsProvider>,
    );
    expect(screen.getByText('all: us_jb_3 us_jb_2 us_jb_1 us_jb_0')).toBeTruthy();
    expect(screen.getByText('us_jb_2: job 2')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toMatchObject({ list: 1, get: 0 });
  });

  it('invalidating every key reads each shown list and job once again', async () => {
    const { client, calls, queryClient } = setup();
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobIds source="us_wb_even" />
        <JobInfo id="us_jb_1" />
      </JobsProvider>,
    );
    await screen.findByText('us_wb_even: us_jb_2 us_jb_0');
    await screen.findByText('us_jb_1: job 1');
    expect(calls).toMatchObject({ list: 1, get: 1 });
    await queryClient.invalidateQueries({ queryKey: jobsQueryKeys.all });
    expect(calls).toMatchObject({ list: 2, get: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toMatchObject({ list: 2, get: 2 });
  });

  it('invalidates one job, or one list by its filter, and nothing else', async () => {
    const { client, calls, queryClient } = setup();
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobIds source="us_wb_even" />
        <JobIds source="us_wb_odd" />
        <JobInfo id="us_jb_1" />
      </JobsProvider>,
    );
    await screen.findByText('us_wb_odd: us_jb_3 us_jb_1');
    await screen.findByText('us_wb_even: us_jb_2 us_jb_0');
    await screen.findByText('us_jb_1: job 1');
    // The job is read on its own: it rendered before the lists answered.
    expect(calls).toMatchObject({ list: 2, get: 1 });

    await queryClient.invalidateQueries({ queryKey: jobsQueryKeys.job(client, 'us_jb_1') });
    expect(calls).toMatchObject({ list: 2, get: 2 });
    await queryClient.invalidateQueries({ queryKey: jobsQueryKeys.list(client, { source: 'us_wb_odd' }) });
    expect(calls).toMatchObject({ list: 3, get: 2 });
    await queryClient.invalidateQueries({ queryKey: jobsQueryKeys.lists(client) });
    expect(calls).toMatchObject({ list: 5, get: 2 });
  });

  it('reads the cache typed, with the values the hooks hand out', async () => {
    const { client, queryClient } = setup();
    let shown: Job | undefined;
    function Probe() {
      shown = useJob('us_jb_0').data;
      return <JobIds />;
    }
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <Probe />
      </JobsProvider>,
    );
    await screen.findByText('all: us_jb_3 us_jb_2 us_jb_1 us_jb_0');
    const job = queryClient.getQueryData(jobsQueryKeys.job(client, 'us_jb_0'));
    expectTypeOf(job).toEqualTypeOf<Job | undefined>();
    await waitFor(() => expect(job).toBeDefined());
    expect(queryClient.getQueryData(jobsQueryKeys.job(client, 'us_jb_0'))).toBe(shown);
    const list = queryClient.getQueryData(jobsQueryKeys.list(client));
    expectTypeOf(list).toEqualTypeOf<JobsListData | undefined>();
    expect(list?.ids).toEqual(['us_jb_3', 'us_jb_2', 'us_jb_1', 'us_jb_0']);
    expect(list?.jobs.get('us_jb_1')?.info).toBe('job 1');
  });

  it('hands out values a host cannot change in place', async () => {
    const { client, queryClient } = setup();
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobIds />
        <JobInfo id="us_jb_0" />
      </JobsProvider>,
    );
    await screen.findByText('all: us_jb_3 us_jb_2 us_jb_1 us_jb_0');
    const list = queryClient.getQueryData(jobsQueryKeys.list(client));
    if (list === undefined) throw new Error('the list is not cached');
    // @ts-expect-error a list's ids are read-only
    expect(() => list.ids.push('us_jb_9')).toThrow(TypeError);
    // @ts-expect-error a list's fields are read-only
    expect(() => (list.skipped = 3)).toThrow(TypeError);
    const listed = list.jobs.get('us_jb_1');
    expect(() => Object.assign(listed ?? {}, { info: 'edited' })).toThrow(TypeError);
    await screen.findByText('us_jb_0: job 0');
    const job = queryClient.getQueryData(jobsQueryKeys.job(client, 'us_jb_0'));
    expect(() => Object.assign(job ?? {}, { status: 'failed' })).toThrow(TypeError);
    expect(queryClient.getQueryData(jobsQueryKeys.list(client))?.ids).toEqual([
      'us_jb_3',
      'us_jb_2',
      'us_jb_1',
      'us_jb_0',
    ]);
    expect(list.jobs.get('us_jb_1')?.info).toBe('job 1');
    expect(job?.status).toBe('complete');
  });

  it("keeps two clients' jobs apart in one QueryClient", async () => {
    const first = setup();
    const second = counting(createMemoryJobsClient({ jobs: seed(1).map((job) => ({ ...job, info: 'elsewhere' })) }), {
      push: true,
    });
    const { queryClient } = first;
    expect(jobsQueryKeys.job(first.client, 'us_jb_0')).not.toEqual(jobsQueryKeys.job(second.client, 'us_jb_0'));
    expect(jobsQueryKeys.job(first.client, 'us_jb_0')).toEqual(jobsQueryKeys.job(first.client, 'us_jb_0'));
    render(
      <>
        <JobsProvider client={first.client} queryClient={queryClient}>
          <JobInfo id="us_jb_0" />
        </JobsProvider>
        <JobsProvider client={second.client} queryClient={queryClient}>
          <JobInfo id="us_jb_0" />
        </JobsProvider>
      </>,
    );
    await screen.findByText('us_jb_0: job 0');
    await screen.findByText('us_jb_0: elsewhere');
    await queryClient.invalidateQueries({ queryKey: jobsQueryKeys.client(second.client) });
    expect(first.calls.get).toBe(1);
    expect(second.calls.get).toBe(2);
  });

  it("a host's own useQuery with the options shares the kit's entry and reads nothing more", async () => {
    const { client, calls, queryClient } = setup();
    function HostInfo() {
      const { data } = useQuery(jobQueryOptions(client, 'us_jb_3'), queryClient);
      return <p>{`host: ${data?.info ?? 'loading'}`}</p>;
    }
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobInfo id="us_jb_3" />
        <HostInfo />
      </JobsProvider>,
    );
    await screen.findByText('host: job 3');
    await screen.findByText('us_jb_3: job 3');
    expect(calls.get).toBe(1);
  });

  it('a provider mounted again reads what changed while none ran, and keeps what was prefetched since', async () => {
    const waiting = seed(3).map((job) => ({ ...job, status: 'ready' as const }));
    const { client, calls } = counting(createMemoryJobsClient({ jobs: waiting }), { push: true });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    function JobStatus({ id }: { id: string }) {
      return <p>{`${id} is ${useJob(id).data?.status ?? 'loading'}`}</p>;
    }
    const tree = (
      <JobsProvider client={client} queryClient={queryClient}>
        <JobStatus id="us_jb_1" />
      </JobsProvider>
    );
    const first = render(tree);
    await screen.findByText('us_jb_1 is ready');
    first.unmount();
    await client.cancel('us_jb_1');
    render(tree);
    await screen.findByText('us_jb_1 is canceled');
    expect(calls.get).toBe(2);
    cleanupAll();

    await queryClient.prefetchQuery(jobQueryOptions(client, 'us_jb_2'));
    render(
      <JobsProvider client={client} queryClient={queryClient}>
        <JobInfo id="us_jb_2" />
      </JobsProvider>,
    );
    expect(screen.getByText('us_jb_2: job 2')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.get).toBe(3);
    expect(screen.getByText('us_jb_2: job 2')).toBeTruthy();
  });

  it('two providers of one client in one QueryClient share its entries, and one leaving stops nothing', async () => {
    const waiting = seed(2).map((job) => ({ ...job, status: 'ready' as const }));
    const { client, calls } = counting(createMemoryJobsClient({ jobs: waiting }), { push: true });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    function JobStatus({ id, label }: { id: string; label: string }) {
      return <p>{`${label}: ${useJob(id).data?.status ?? 'loading'}`}</p>;
    }
    const outer = (inner: boolean) => (
      <JobsProvider client={client} queryClient={queryClient}>
        <JobStatus id="us_jb_1" label="outer" />
        {inner && (
          <JobsProvider client={client} queryClient={queryClient}>
            <JobStatus id="us_jb_1" label="inner" />
          </JobsProvider>
        )}
      </JobsProvider>
    );
    const view = render(outer(true));
    await screen.findByText('outer: ready');
    await screen.findByText('inner: ready');
    expect(calls.get).toBe(1);
    view.rerender(outer(false));
    await client.cancel('us_jb_1');
    await screen.findByText('outer: canceled');
    expect(calls.get).toBe(1);
  });
});
