import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Job, JobsClientError, type JobsClient } from '../../src/core';
import { createMemoryJobsClient, type JobHandlerContext } from '../../src/memory';
import { useActionState, useActiveSourceJobs, useRunAction } from '../../src/react';
import { deferred, quietQueryClient, wrapper } from './helpers';

describe('a job created through the provider', () => {
  const action = { operation: 'dedupe', label: 'Dedupe', mode: 'foreground' as const };
  const target = { domain: 'sheet' as const, source: 'us_sh_1' };

  it('keeps its action disabled while the read of the active jobs keeps failing', async () => {
    const finish = deferred();
    const engine = createMemoryJobsClient({
      handlers: {
        'sheet:dedupe': async (_job: Job, _ctx: JobHandlerContext) => {
          await finish.promise;
        },
      },
    });
    const client: JobsClient = {
      ...engine,
      list: async () => Promise.reject(new JobsClientError('network', 'offline')),
    };
    delete client.subscribe;
    const { result } = renderHook(
      () => ({
        run: useRunAction(action, target),
        state: useActionState(action, {}, target),
        active: useActiveSourceJobs('us_sh_1'),
      }),
      { wrapper: wrapper({ client, queryClient: quietQueryClient(), pollInterval: 50 }) },
    );
    await waitFor(() => expect(result.current.state.enabled).toBe(true));
    let created: Job | undefined;
    await act(async () => {
      created = await result.current.run.run();
    });
    expect(result.current.state.enabled).toBe(false);
    expect(result.current.active.map((job) => job.id)).toEqual([created?.id]);
    // Still disabled a while later, the list read having failed again.
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(result.current.state.enabled).toBe(false);
    finish.resolve();
    await waitFor(() => expect(result.current.state.enabled).toBe(true), { timeout: 3000 });
    expect(result.current.active).toEqual([]);
    engine.dispose();
  });
});
