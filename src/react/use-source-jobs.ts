import { useMemo } from 'react';
import { ACTIVE_STATUSES, type Job } from '../core';
import { useJobs } from './use-jobs';

// Newest first: a client that bounds its lookup keeps the jobs just started (the ones a user waits on).
const activeFilter = { status: ACTIVE_STATUSES, pageSize: 100, sortDirection: 'desc' } as const;
const none: Job[] = [];

/**
 * The active jobs acting on `source`, oldest first. Re-renders when a job starts or ends there, not on
 * progress ticks: a job's mode and operation never change, and the list changes only when a status does.
 */
export function useActiveSourceJobs(source: string | undefined): Job[] {
  const { data } = useJobs({ ...activeFilter, source: source ?? '' }, { enabled: source !== undefined });
  const ids = data?.ids;
  const jobs = data?.jobs;
  return useMemo(() => {
    if (ids === undefined || jobs === undefined || ids.length === 0) return none;
    return ids.flatMap((id) => jobs.get(id) ?? []).reverse();
  }, [ids, jobs]);
}
