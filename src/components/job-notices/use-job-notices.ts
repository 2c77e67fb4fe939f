import { useCallback, useRef, useState } from 'react';
import { failureMessage, isActive, outcomeKey } from '../../core';
import { useJobsConfig, useJobsStore } from '../../react/context';
import { useJobEnds } from '../../react/use-job-ends';
import { useJobEvents } from '../../react/use-job-events';
import { useHiddenTab } from '../../react/use-hidden-tab';

/** A background job that ended, told once. */
export interface JobNotice {
  /** One per outcome: a job retried and ended again gets a new notice in place of the old. */
  key: string;
  jobId: string;
  status: 'complete' | 'failed';
  /** The job's name (`jobLabel`). */
  label: string;
  /** Failed jobs: why, from the outcome's message or the job's `info`, translated. */
  message?: string;
}

export interface JobNoticesState {
  notices: JobNotice[];
  dismiss(key: string): void;
}

/** Drops the oldest success notices beyond `max`; failures stay until dismissed. */
function capped(list: JobNotice[], max: number): JobNotice[] {
  let extra = list.length - max;
  if (extra <= 0) return list;
  return list.filter((notice) => {
    if (extra > 0 && notice.status === 'complete') {
      extra -= 1;
      return false;
    }
    return true;
  });
}

/**
 * Notices for background jobs the user started (through this provider, or created by the provider's
 * `currentUserId`) as they end: complete or failed, oldest first. Jobs whose outcome pops up in a dialog,
 * hidden jobs and canceled jobs get none. A notice goes when dismissed, or when its job runs again.
 */
export function useJobNotices(max = 5): JobNoticesState {
  const { store } = useJobsStore('JobNotices');
  useHiddenTab('JobNotices');
  const { jobLabel, translate } = useJobsConfig('JobNotices');
  const [notices, setNotices] = useState<JobNotice[]>([]);
  // The list as last set, so that each change is decided before `setNotices` is called. An updater that
  // changes nothing is not free: React keeps it queued until this component renders again, which in a
  // console that shows no notice may be never, and every event of every running job would add one.
  const latest = useRef(notices);
  const update = useCallback((change: (list: JobNotice[]) => JobNotice[]) => {
    const next = change(latest.current);
    if (next === latest.current) return;
    latest.current = next;
    setNotices(next);
  }, []);
  const drop = useCallback(
    (test: (notice: JobNotice) => boolean) => {
      update((list) => (list.some(test) ? list.filter((notice) => !test(notice)) : list));
    },
    [update],
  );

  useJobEvents({}, (event) => {
    const id = event.context.jobId;
    if (event.topic === 'job:deleted') return drop((notice) => notice.jobId === id);
    const job = event.job ?? store.peek(id);
    if (job !== undefined && isActive(job.status)) drop((notice) => notice.jobId === id);
  });

  // The ends the store routes to a notice: background jobs of the user's that ended complete or failed.
  useJobEnds(({ job, notice: told }) => {
    if (!told) return;
    const id = job.id;
    const message = job.status === 'failed' ? failureMessage(job) : undefined;
    const notice: JobNotice = {
      key: outcomeKey(job),
      jobId: id,
      status: job.status as JobNotice['status'],
      label: jobLabel(job),
      ...(message === undefined ? {} : { message: translate(message) }),
    };
    update((list) =>
      list.some((n) => n.key === notice.key) ? list : capped([...list.filter((n) => n.jobId !== id), notice], max),
    );
  });

  const dismiss = useCallback((key: string) => drop((notice) => notice.key === key), [drop]);
  return { notices, dismiss };
}
