import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { type BlockRegion, blocks } from '../../core';
import { type ActiveSourceJob, useActiveSourceJobs } from '../../react/use-source-jobs';
import type { OverlayNotice, NoticeKind } from '../../react/overlay-registry';
import { useOverlayRegistry } from '../../react/use-overlay-registry';

export type { NoticeKind, OverlayNotice } from '../../react/overlay-registry';

/** Where a job that blocks several regions shows its controls: the region that holds the most of it first. */
const HOLDERS: readonly BlockRegion[] = ['resource', 'toolbar'];

/**
 * The region of a source on screen that shows an active `job`'s controls: the first of {@link HOLDERS} that is
 * mounted and blocked by the job; `region` itself when none of them is (it has not registered yet).
 */
export function holderOf(
  job: Pick<ActiveSourceJob, 'mode'>,
  region: BlockRegion,
  mounted: readonly BlockRegion[],
): BlockRegion {
  // Every job asked about is active: what blocks is its mode.
  return HOLDERS.find((r) => mounted.includes(r) && blocks(job.mode, r)) ?? region;
}

/**
 * The jobs blocking `region` of `source`, oldest first, less those the user stopped waiting for (or that
 * vanished). Those whose controls this region holds come first: the first is shown, the rest are counted.
 * A job that another region on screen holds (a `foreground` job's toolbar, under the resource) is
 * `deferred`: the region is blocked but shows no controls for it. Releases and notices are shared by every
 * region of the source; notices show in one region (the resource one when it is on screen).
 */
export function useBlockingJobs(source: string, region: BlockRegion) {
  const overlays = useOverlayRegistry('ProgressOverlay');
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
  const held = useMemo(
    () => blocking.filter((job) => holderOf(job, region, state.regions) === region),
    [blocking, region, state.regions],
  );
  const showsNotices = region === 'resource' || !state.regions.includes('resource');
  const release = useCallback(
    (job: ActiveSourceJob, kind: Exclude<NoticeKind, 'failed'>, label: string) =>
      overlays.release(source, job.id, { id: job.id, kind, label }),
    [overlays, source],
  );
  const notify = useCallback((notice: OverlayNotice) => overlays.notify(source, notice), [overlays, source]);
  const dismiss = useCallback((notice: OverlayNotice) => overlays.dismiss(source, notice), [overlays, source]);
  return {
    current: held[0],
    deferred: held.length === 0 ? blocking[0] : undefined,
    more: Math.max(0, held.length - 1),
    release,
    notices: showsNotices ? state.notices : [],
    notify,
    dismiss,
  };
}
