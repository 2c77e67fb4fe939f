import { useCallback, useMemo, useState } from 'react';
import { type BlockRegion, isBlocking, type Job } from '../../core';
import { useActiveSourceJobs } from '../../react/use-source-jobs';

/** Why a region stopped waiting for a job that had not ended. */
export type ReleaseReason = 'released' | 'lost' | 'unreachable';

export interface OverlayNotice {
  id: string;
  kind: ReleaseReason | 'failed';
  label: string;
  info?: string;
}

/**
 * The jobs blocking `region` of `source`, oldest first, less those the user stopped waiting for (or that
 * vanished): the first is shown, the rest are counted.
 */
export function useBlockingJobs(source: string, region: BlockRegion) {
  const active = useActiveSourceJobs(source);
  const [released, setReleased] = useState<ReadonlySet<string>>(() => new Set());
  const [notices, setNotices] = useState<OverlayNotice[]>([]);
  const blocking = useMemo(
    () => active.filter((job: Job) => isBlocking(job, region) && !released.has(job.id)),
    [active, region, released],
  );
  const notify = useCallback((notice: OverlayNotice) => {
    setNotices((current) => [...current.filter((n) => n.id !== notice.id || n.kind !== notice.kind), notice]);
  }, []);
  const release = useCallback(
    (job: Job, kind: ReleaseReason, label: string) => {
      setReleased((current) => new Set(current).add(job.id));
      notify({ id: job.id, kind, label });
    },
    [notify],
  );
  const dismiss = useCallback((notice: OverlayNotice) => {
    setNotices((current) => current.filter((n) => n !== notice));
  }, []);
  return { current: blocking[0], more: Math.max(0, blocking.length - 1), release, notices, notify, dismiss };
}
