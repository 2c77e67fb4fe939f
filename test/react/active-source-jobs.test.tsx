import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/core';
import { useActiveSourceJobs, useJob } from '../../src/react';
import { handClient, running } from './hand-client';
import { quietQueryClient, wrapper } from './helpers';

describe('useActiveSourceJobs', () => {
  it('never hands out an older version of a job than useJob does', async () => {
    const { client, push } = handClient(new Map([[running.id, running]]));
    client.list = async () => ({ data: [running] });
    const { result } = renderHook(() => ({ active: useActiveSourceJobs('us_sh_1'), job: useJob(running.id) }), {
      wrapper: wrapper({ client, queryClient: quietQueryClient() }),
    });
    await waitFor(() => expect(result.current.active).toHaveLength(1));
    act(() => push('job:updated', { ...running, progress: 35, updatedAt: new Date('2026-01-01T00:00:02Z') }));
    act(() => push('job:updated', { ...running, progress: 60, updatedAt: new Date('2026-01-01T00:00:03Z') }));
    await waitFor(() => expect(result.current.job.data?.progress).toBe(60));
    const [active] = result.current.active;
    const newest = result.current.job.data as Job;
    for (const [key, value] of Object.entries(active ?? {})) expect(value).toEqual(newest[key as keyof Job]);
  });
});
