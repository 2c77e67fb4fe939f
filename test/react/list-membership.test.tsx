import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useJob, useJobs } from '../../src/react';
import { handClient, running } from './hand-client';
import { quietQueryClient, wrapper } from './helpers';

describe('list membership follows every write', () => {
  it('lists a job that was read before its pushed job:created arrived', async () => {
    const { client, push } = handClient(new Map([[running.id, running]]));
    const { result } = renderHook(() => ({ job: useJob(running.id), list: useJobs({}) }), {
      wrapper: wrapper({ client, queryClient: quietQueryClient() }),
    });
    await waitFor(() => expect(result.current.job.data?.status).toBe('executing'));
    await waitFor(() => expect(result.current.list.data?.ids).toEqual([]));
    act(() => push('job:created', running));
    await waitFor(() => expect(result.current.list.data?.ids).toEqual([running.id]));
  });
});
