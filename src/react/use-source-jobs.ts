import { useMemo, useSyncExternalStore } from 'react';
import { ACTIVE_STATUSES } from '../core';
import type { JobFacts } from '../store';
import { useJobsStore } from './context';
import { useJobs } from './use-jobs';

/** A job running on a source, by what never changes about it; read the rest with `useJob(job.id)`. */
export type ActiveSourceJob = JobFacts;

// Newest first: a client that bounds its lookup keeps the jobs just started (the ones a user waits on).
const activeFilter = { status: ACTIVE_STATUSES, pageSize: 100, sortDirection: 'desc' } as const;
const none: ActiveSourceJob[] = [];
const noSource = () => none;
const noChange = () => () => {};

/**
 * The active jobs acting on `source`, oldest first, by the fields that never change (id, type,
 * operation, mode, source), so what it returns is never out of date; read a job's progress with
 * `useJob(job.id)`. Jobs created through this provider count from the moment the client answered until
 * the kit sees them end, whatever the state of the list read. Re-renders when a job starts or ends there,
 * not on progress ticks.
 */
export function useActiveSourceJobs(source: string | undefined): ActiveSourceJob[] {
  const { store } = useJobsStore('useActiveSourceJobs');
  const { data } = useJobs({ ...activeFilter, source: source ?? '' }, { enabled: source !== undefined });
  const started = useSyncExternalStore(
    source === undefined ? noChange : store.started.subscribe,
    source === undefined ? noSource : () => store.started.on(source),
    source === undefined ? noSource : () => store.started.on(source),
  );
  const ids = data?.ids;
  const jobs = data?.jobs;
  return useMemo(() => {
    const listed: ActiveSourceJob[] = [];
    // The list is newest first; the jobs are given oldest first, as they were started.
    for (let index = (ids?.length ?? 0) - 1; index >= 0; index -= 1) {
      const id = ids?.[index] as string;
      const type = jobs?.field(id, 'type');
      const operation = jobs?.field(id, 'operation');
      if (type === undefined || operation === undefined) continue;
      listed.push({ id, type, operation, mode: jobs?.field(id, 'mode'), source: source as string });
    }
    const more = started.filter((job) => !jobs?.has(job.id));
    if (listed.length === 0 && more.length === 0) return none;
    return more.length === 0 ? listed : [...listed, ...more];
  }, [ids, jobs, started, source]);
}
