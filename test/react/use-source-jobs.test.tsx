import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryJobsClient } from '../../src/memory';
import { useActiveSourceJobs } from '../../src/react';
import { wrapper } from './helpers';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const job = (id: string, minute: number, status: 'executing' | 'complete' | 'waiting', source = 'us_wb_1') =>
  ({ id, type: 'workbook', operation: 'export', source, status, mode: 'foreground', createdAt: at(minute) }) as const;

describe('useActiveSourceJobs', () => {
  it('gives the active jobs of the source oldest first, and a job started later at the end', async () => {
    const client = createMemoryJobsClient({
      jobs: [
        job('us_jb_b', 2, 'waiting'),
        job('us_jb_a', 1, 'executing'),
        job('us_jb_done', 3, 'complete'),
        job('us_jb_other', 4, 'executing', 'us_wb_2'),
      ],
      handlers: { 'workbook:export': () => new Promise<void>(() => {}) },
    });
    const { result } = renderHook(() => useActiveSourceJobs('us_wb_1'), {
      wrapper: wrapper({ client, queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) }),
    });

    await waitFor(() => expect(result.current.map((active) => active.id)).toEqual(['us_jb_a', 'us_jb_b']));
    const started = await act(() => client.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' }));
    await waitFor(() => expect(result.current.map((active) => active.id)).toEqual(['us_jb_a', 'us_jb_b', started.id]));
    client.dispose();
  });
});
