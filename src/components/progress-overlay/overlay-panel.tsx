import { forwardRef, type ReactNode } from 'react';
import { isCancelable, type Job, numberFormat } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useCancelJob } from '../../react/use-cancel-job';
import type { JobProgress } from '../../react/use-job-progress';
import { ProgressBar } from '../progress-bar';
import { flag } from '../shared';
import type { OverlayPart } from './progress-overlay';

export interface OverlayPanelProps {
  job: Job;
  label: string;
  progress: JobProgress;
  more: number;
  onStopWaiting(): void;
  part(name: OverlayPart): { 'data-slot': string; 'data-unstyled': '' | undefined; className: string | undefined };
}

/** "2 minutes", in the locale's words. */
function quietDuration(ms: number, locale: string | undefined): string {
  const minutes = Math.floor(ms / 60_000);
  return minutes >= 1
    ? numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes)
    : numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(Math.floor(ms / 1000));
}

/** What covers a blocked region: the job's name, its bar, info and ETA, Cancel, and a way out of a stall. */
export const OverlayPanel = forwardRef<HTMLDivElement, OverlayPanelProps>(function OverlayPanel(
  { job, label, progress, more, onStopWaiting, part },
  ref,
) {
  const { t, translate, locale } = useJobsConfig('ProgressOverlay');
  const cancel = useCancelJob();
  const canCancel = isCancelable(job.status);
  const info = progress.info === undefined ? undefined : translate(progress.info);
  let cancelError: ReactNode = null;
  if (cancel.error !== null) {
    cancelError = (
      <p role="alert" {...part('error')}>
        {t('overlay.cancelFailed', { label, error: cancel.error.message })}
      </p>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled panel of text and buttons, not a form: a fieldset would bring form semantics and its own box
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label={label}
      {...part('panel')}
      data-status={job.status}
      data-mode={job.mode}
      data-stalled={flag(progress.stalled)}
    >
      <div {...part('heading')}>
        <span {...part('label')} dir="auto">
          {label}
        </span>
        {more > 0 ? <span {...part('more')}>{t('overlay.more', { count: more })}</span> : null}
      </div>
      <ProgressBar
        label={label}
        value={progress.indeterminate ? undefined : progress.progress}
        valueText={progress.valueText}
        unstyled={part('progress')['data-unstyled'] !== undefined}
        className={part('progress').className}
      />
      <div {...part('details')}>
        {info === undefined ? null : (
          // Server text may run the other way from the page.
          <span {...part('info')} dir="auto">
            {info}
          </span>
        )}
        <span {...part('eta')}>{progress.etaText}</span>
      </div>
      {progress.stalled ? (
        <p {...part('stalled')}>
          <span>{t('overlay.stalled', { duration: quietDuration(progress.quietForMs, locale) })}</span>{' '}
          <button type="button" {...part('stop')} onClick={onStopWaiting}>
            {t('overlay.stopWaiting')}
          </button>
        </p>
      ) : null}
      {cancelError}
      {canCancel ? (
        <button
          type="button"
          {...part('cancel')}
          aria-disabled={cancel.isPending || undefined}
          onClick={() => {
            if (!cancel.isPending) cancel.mutate(job.id);
          }}
        >
          {cancel.isPending ? t('overlay.canceling') : cancel.error !== null ? t('action.retry') : t('overlay.cancel')}
        </button>
      ) : null}
    </div>
  );
});
