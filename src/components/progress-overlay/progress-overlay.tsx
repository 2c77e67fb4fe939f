import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';
import { type BlockRegion, formatPercent, isActive, type JobsClientError } from '../../core';
import { useJobsConfig } from '../../react/context';
import { crossedQuarter, useAnnouncer } from '../../react/announcer';
import { useJobEnds } from '../../react/use-job-ends';
import { useJobProgress } from '../../react/use-job-progress';
import { useOverlayRegistry } from '../../react/use-overlay-registry';
import {
  flag,
  type PartClassNames,
  partGetter,
  type RootAttributes,
  useIsomorphicLayoutEffect,
  useStyling,
} from '../shared';
import { OverlayPanel } from './overlay-panel';
import { type OverlayNotice, useBlockingJobs } from './use-blocking-jobs';

export type OverlayPart =
  | 'root'
  | 'content'
  | 'overlay'
  | 'panel'
  | 'heading'
  | 'label'
  | 'more'
  | 'details'
  | 'info'
  | 'eta'
  | 'stalled'
  | 'stop'
  | 'cancel'
  | 'error'
  | 'notices'
  | 'notice'
  | 'elsewhere'
  | 'progress';

export type ProgressOverlayClassNames = PartClassNames<OverlayPart>;

interface ProgressOverlayOwnProps {
  /** Id of the resource (workbook, sheet, file...) whose jobs may block this region. */
  source: string;
  /**
   * `resource` (default) is covered by `foreground` jobs on the source; `toolbar` by `foreground` and
   * `toolbarBlocking` ones. `background` and `hidden` jobs never cover anything.
   */
  region?: BlockRegion;
  /** After how long without a report the overlay offers to stop waiting (ms). Default 2 minutes. */
  stallAfterMs?: number;
  /** Reads after which the overlay gives up on a job whose updates keep failing. Default 3. */
  maxFailedReads?: number;
  children?: ReactNode;
  className?: string;
  style?: CSSProperties;
  classNames?: ProgressOverlayClassNames;
  unstyled?: boolean;
}

export interface ProgressOverlayProps
  extends ProgressOverlayOwnProps,
    RootAttributes<HTMLDivElement, ProgressOverlayOwnProps> {}

/**
 * Covers a region the host owns while a job blocks it: the content is `inert` and `aria-busy` (no click,
 * no Tab into it) and usable again the moment the job ends, is canceled, stalls and the user stops
 * waiting, disappears, or can no longer be read. A tick re-renders this overlay and nothing else.
 * A job that blocks several regions of its source shows its controls once, in the region that holds the
 * most of it (the resource for a `foreground` job); the others are dimmed with the job's name only.
 */
export function ProgressOverlay(props: ProgressOverlayProps): ReactNode {
  const {
    source,
    region = 'resource',
    stallAfterMs,
    maxFailedReads = 3,
    children: _children,
    className: _className,
    style: _style,
    classNames: _classNames,
    unstyled: _unstyled,
    ...rest
  } = props;
  const { classNames, unstyled } = useStyling('ProgressOverlay', props);
  const { t, jobLabel, locale } = useJobsConfig('ProgressOverlay');
  const announcer = useAnnouncer('ProgressOverlay');
  const overlays = useOverlayRegistry('ProgressOverlay');
  const { current, deferred, more, release, notices, notify, dismiss } = useBlockingJobs(source, region);
  const progress = useJobProgress(current?.id, stallAfterMs === undefined ? {} : { stallAfterMs });
  const job = progress.job;
  const label = current === undefined ? '' : jobLabel(job ?? current);
  const blocked = current !== undefined || deferred !== undefined;
  const part = partGetter<OverlayPart>('progress-overlay', { root: 'progress-overlay-region' }, classNames, unstyled);

  // A job that vanished, or whose reads keep failing, must not lock the user out.
  const code = (progress.error as JobsClientError | null)?.code;
  useEffect(() => {
    if (current === undefined) return;
    if (code === 'not-found') release(current, 'lost', label);
    else if (progress.failureCount >= maxFailedReads) release(current, 'unreachable', label);
  }, [current, code, progress.failureCount, maxFailedReads, release, label]);

  // Milestones: start, each quarter, the end (once per job however many overlays show it).
  const lastProgress = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (job === undefined || !isActive(job.status)) return;
    announcer.announceMilestone(job.id, 'start', t('announce.started', { label }));
    const quarter = crossedQuarter(lastProgress.current, progress.progress);
    lastProgress.current = progress.progress;
    if (quarter !== undefined) {
      announcer.announceMilestone(
        job.id,
        quarter,
        t('announce.progress', { label, percent: formatPercent(quarter, locale) }),
      );
    }
  }, [job, progress.progress, label, announcer, t, locale]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another job is shown
  useEffect(() => {
    lastProgress.current = undefined;
  }, [current?.id]);

  const shown = useRef(new Set<string>());
  if (current !== undefined) shown.current.add(current.id);
  useJobEnds(({ job: ended, popsUp, notified }) => {
    if (ended.source !== source || !shown.current.has(ended.id)) return;
    // Told once: a console open all day keeps no id of every job it ever showed (a retry shows it again).
    shown.current.delete(ended.id);
    const name = jobLabel(ended);
    // An end a system notification tells (the tab is hidden) is not announced here as well.
    const say = (text: string, politeness?: 'assertive') => {
      if (!notified) announcer.announceMilestone(ended.id, 'end', text, politeness);
    };
    if (ended.status === 'complete') say(t('announce.complete', { label: name }));
    else if (ended.status === 'canceled') say(t('announce.canceled', { label: name }));
    else if (ended.status === 'failed') {
      const info = ended.info ?? ended.outcome?.message ?? '';
      say(t('announce.failed', { label: name, info }), 'assertive');
      // An outcome that pops up in a mounted OutcomeDialog is reported there: one report, not two.
      if (!popsUp) notify({ id: ended.id, kind: 'failed', label: name, info });
    }
  });

  // The blocked content: inert (set on the element, which every React version and the server accept).
  const root = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const panelFocused = useRef(false);
  const deferredId = useRef<string | undefined>(undefined);
  deferredId.current = deferred?.id;
  const shownId = current?.id;
  const lastShownId = useRef<string | undefined>(undefined);
  if (shownId !== undefined) lastShownId.current = shownId;
  useIsomorphicLayoutEffect(() => {
    const element = panel.current;
    if (shownId === undefined || element === null) return;
    return overlays.panels.register(shownId, element);
  }, [overlays, shownId]);
  useIsomorphicLayoutEffect(() => {
    const element = content.current;
    if (element === null) return;
    element.inert = blocked;
    if (blocked) {
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && element.contains(focused)) {
        returnFocus.current = focused;
        // The controls may be in another region: focus goes to the one panel that holds them.
        if (panel.current !== null) panel.current.focus();
        else if (deferredId.current !== undefined) {
          const id = deferredId.current;
          overlays.panels.send(id, focused);
          return () => overlays.panels.forget(id);
        }
      }
      return;
    }
    // The overlay went away: if it took focus with it (from the content, or the user was in the panel),
    // give focus back to where it was, else to the notice that says what happened, else to the content.
    const target = returnFocus.current;
    const hadFocus = target !== null || panelFocused.current;
    // Focus sent here from a region that defers to this one goes back there (that region does it, if it
    // is still inert now).
    const origin = lastShownId.current === undefined ? undefined : overlays.panels.takeOrigin(lastShownId.current);
    returnFocus.current = null;
    panelFocused.current = false;
    const focused = document.activeElement;
    if (!hadFocus || (focused !== null && focused !== document.body)) return;
    if (origin?.isConnected) {
      origin.focus();
      return;
    }
    const notice = root.current?.querySelector<HTMLElement>('[data-slot="progress-overlay-notice"] button');
    (target?.isConnected ? target : (notice ?? element)).focus();
  }, [blocked, overlays]);

  return (
    <div
      {...rest}
      ref={root}
      {...part('root', props.className)}
      data-region={region}
      data-blocked={flag(blocked)}
      style={props.style}
    >
      {notices.length > 0 ? (
        <div {...part('notices')}>
          {notices.map((notice: OverlayNotice) => (
            // No live role: the provider's live region has said it (once, however many regions showed the job).
            <p key={`${notice.kind}:${notice.id}`} {...part('notice')} data-kind={notice.kind}>
              <span>{t(`overlay.${notice.kind}`, { label: notice.label, info: notice.info ?? '' }).trim()}</span>{' '}
              <button type="button" onClick={() => dismiss(notice)}>
                {t('overlay.dismiss')}
              </button>
            </p>
          ))}
        </div>
      ) : null}
      <div ref={content} {...part('content')} aria-busy={blocked || undefined} tabIndex={-1}>
        {props.children}
      </div>
      {current === undefined && deferred !== undefined ? (
        // Dimmed, with the job's name: its progress and controls are in the region that holds it.
        <div {...part('overlay')} data-deferred="">
          <p {...part('elsewhere')} data-mode={deferred.mode}>
            <span aria-hidden="true" {...part('label')} dir="auto">
              {jobLabel(deferred)}
            </span>
            <span data-jk="" data-slot="visually-hidden">
              {t('overlay.elsewhere', { label: jobLabel(deferred) })}
            </span>
          </p>
        </div>
      ) : null}
      {current !== undefined && job !== undefined ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: it only notes whether focus is inside its panel, for focus to return there
        <div
          {...part('overlay')}
          onFocus={() => {
            panelFocused.current = true;
          }}
          onBlur={(event) => {
            if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
              panelFocused.current = false;
          }}
        >
          <OverlayPanel
            ref={panel}
            job={job}
            label={label}
            progress={progress}
            more={more}
            part={part}
            onStopWaiting={() => {
              if (current !== undefined) release(current, 'released', label);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
