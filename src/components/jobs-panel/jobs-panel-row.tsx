import { type ReactNode, useMemo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../shared';
import { isActive, isCancelable, isKnownStatus, isRetryable, statusMessageKey } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useCancelJob } from '../../react/use-cancel-job';
import { useRetryJob } from '../../react/use-retry-job';
import type { JobsPanelJob, JobsPanelPartGetter } from './parts';
import { ActiveRowBody, RowBody, rowTimes } from './row-body';

export interface JobsPanelRowProps {
  job: JobsPanelJob;
  /** 1 for a job, 2 for a part of the job above it. */
  level: 1 | 2;
  /** This row holds the list's tab stop: its buttons are in the tab order (those of other rows are not). */
  tabbable: boolean;
  /** The panel's minute clock: changes once a minute, so relative times stay true without a timer per row. */
  now: number;
  onOpenOutcome: ((jobId: string) => void) | undefined;
  part: JobsPanelPartGetter;
}

/**
 * The default content of a jobs panel row: label, status in words, progress, `info`, ETA while running,
 * relative start and end times, and Cancel / Retry / View outcome. A failed cancel or retry says so on
 * the row and its button becomes "Try again".
 */
export function JobsPanelRow({ job, level, tabbable, now, onOpenOutcome, part }: JobsPanelRowProps): ReactNode {
  const { t, translate, jobLabel, locale } = useJobsConfig('JobsPanel');
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const name = jobLabel(job);
  const label = level === 2 && job.part !== undefined ? t('panel.part', { label: name, part: job.part }) : name;
  const status = isKnownStatus(job.status)
    ? t(statusMessageKey(job.status))
    : t('status.unknown', { status: job.status });
  const canCancel = isCancelable(job.status);
  const canRetry = isRetryable(job.status);
  const canView = job.hasOutcome && onOpenOutcome !== undefined;
  const failure =
    canCancel && cancel.error !== null
      ? t('panel.cancelFailed', { error: cancel.error.message })
      : canRetry && retry.error !== null
        ? t('panel.retryFailed', { error: retry.error.message })
        : undefined;

  // A button that disappears with the status it acted on hands focus back to its row.
  const actions = useRef<HTMLDivElement>(null);
  const acted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a status change takes a button away
  useIsomorphicLayoutEffect(() => {
    if (!acted.current) return;
    const focused = document.activeElement;
    if (focused === null || focused === document.body)
      actions.current?.closest<HTMLElement>('[data-slot="jobs-panel-row"]')?.focus();
    acted.current = false;
  }, [canCancel, canRetry]);

  // The times change once a minute at most: not formatted again on each progress tick.
  const { createdAt, startedAt, finishedAt } = job;
  const times = useMemo(
    () => rowTimes({ createdAt, startedAt, finishedAt }, now, t, locale),
    [createdAt, startedAt, finishedAt, now, t, locale],
  );
  const tabIndex = tabbable ? 0 : -1;
  const body = { label, failure, times, part };
  return (
    <>
      <div {...part('summary')}>
        <span {...part('label')}>{label}</span>
        <span {...part('status')} data-status={job.status}>
          {status}
        </span>
        <div ref={actions} {...part('actions')}>
          {canCancel ? (
            <button
              type="button"
              tabIndex={tabIndex}
              {...part('cancel')}
              aria-disabled={cancel.isPending || undefined}
              onClick={() => {
                if (cancel.isPending) return;
                acted.current = true;
                cancel.mutate(job.id);
              }}
            >
              {cancel.isPending ? t('panel.canceling') : cancel.error !== null ? t('action.retry') : t('panel.cancel')}
            </button>
          ) : null}
          {canRetry ? (
            <button
              type="button"
              tabIndex={tabIndex}
              {...part('retry')}
              aria-disabled={retry.isPending || undefined}
              onClick={() => {
                if (retry.isPending) return;
                acted.current = true;
                retry.mutate(job.id);
              }}
            >
              {retry.isPending ? t('panel.retrying') : retry.error !== null ? t('action.retry') : t('panel.retry')}
            </button>
          ) : null}
          {canView ? (
            <button type="button" tabIndex={tabIndex} {...part('outcome')} onClick={() => onOpenOutcome?.(job.id)}>
              {t('panel.viewOutcome')}
            </button>
          ) : null}
        </div>
      </div>
      {isActive(job.status) ? (
        <ActiveRowBody id={job.id} running={job.status === 'executing'} {...body} />
      ) : (
        <RowBody
          value={job.status === 'complete' ? 100 : (job.progress ?? 0)}
          info={job.info === undefined ? undefined : translate(job.info)}
          {...body}
        />
      )}
    </>
  );
}
