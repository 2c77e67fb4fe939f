import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { type BlockRegion, blocks } from '../../core';
import { useJobsConfig } from '../../react/context';
import { type ActiveSourceJob, useActiveSourceJobs } from '../../react/use-source-jobs';
import type { OverlayNotice, NoticeKind } from '../../react/overlay-registry';

export type { NoticeKind, OverlayNotice } from '../../react/overlay-registry';

/**
 * The jobs blocking `region` of `source`, oldest first, less those the user stopped waiting for (or that
 * vanished): the first is shown, the rest are counted. Releases and notices are shared by every region of
 * the source; notices show in one region (the resource one when it is on screen).
 */
export function useBlockingJobs(source: string, region: BlockRegion) {
  const { overlays } = useJobsConfig('ProgressOverlay');
  const active = useActiveSourceJobs(source);
  const state = useSyncExternalStore(
    overlays.subscribe,
    () => overlays.get(source),
    () => overlays.get(source),
  );
  useEffect(() => overlays.mount(source, region), [overlays, source, region]);
  const blocking = useMemo(
    // Every job listed here is active: what blocks is its mode.
    () => active.filter((job) => blocks(job.mode, region) && !state.released.has(job.id)),
    [active, region, state.released],
  );
  const showsNotices = region === 'resource' || !state.regions.includes('resource');
  const release = useCallback(
    (job: ActiveSourceJob, kind: Exclude<NoticeKind, 'failed'>, label: string) => overlays.release(source, job.id, { id: job.id, kind, label }),
    [overlays, source],
  );
  const notify = useCallback((notice: OverlayNotice) => overlays.notify(source, notice), [overlays, source]);
  const dismiss = useCallback((notice: OverlayNotice) => overlays.dismiss(source, notice), [overlays, source]);
  return {
    current: blocking[0],
    more: Math.max(0, blocking.length - 1),
    release,
    notices: showsNotices ? state.notices : [],
    notify,
    dismiss,
  };
}
