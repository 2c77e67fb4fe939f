import type { ReactNode } from 'react';
import { dateTimeFormat, formatRelativeTime, type MessageKey, relativeTimeFormat } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useJobProgress } from '../../react/use-job-progress';
import { ProgressBar } from '../progress-bar';
import { usePacedText } from '../shared';
import type { JobsPanelJob, JobsPanelPartGetter } from './parts';

export interface RowBodyProps {
  label: string;
  /** 0..100; undefined draws an indeterminate bar. */
  value: number | undefined;
  valueText?: string | undefined;
  info: string | undefined;
  /** A failed cancel or retry, shown (as an alert) in place of `info`. */
  failure: string | undefined;
  eta?: string | undefined;
  times: { text: string; title: string } | undefined;
  part: JobsPanelPartGetter;
}

/**
 * The bar and the line under it: `info` (or the failure), ETA, and the times. The bar follows every
 * update (a transform: no layout); `info` is paced (`usePacedText`): a text change lays the page out, and
 * rows whose info ticks at 10 Hz change it together, 4 times a second.
 */
export function RowBody({ label, value, valueText, info, failure, eta, times, part }: RowBodyProps): ReactNode {
  const shownInfo = usePacedText(info);
  return (
    <>
      <ProgressBar
        label={label}
        value={value}
        className={part('progress').className}
        unstyled={part('progress')['data-unstyled'] !== undefined}
        {...(valueText === undefined ? {} : { valueText })}
      />
      <div {...part('details')}>
        {failure !== undefined ? (
          <span role="alert" {...part('error')}>
            {failure}
          </span>
        ) : shownInfo !== undefined ? (
          <span {...part('info')}>{shownInfo}</span>
        ) : null}
        {eta === undefined ? null : <span {...part('eta')}>{eta}</span>}
        {times === undefined ? null : (
          <span {...part('times')} title={times.title}>
            {times.text}
          </span>
        )}
      </div>
    </>
  );
}

/**
 * The body of an active job's row: the one part of a row with a timer (`useJobProgress` refreshes its
 * ETA once a second), mounted only while the job is active, so idle rows keep none.
 */
export function ActiveRowBody({
  id,
  running,
  ...props
}: Omit<RowBodyProps, 'value' | 'valueText' | 'eta' | 'info'> & { id: string; running: boolean }): ReactNode {
  const { translate } = useJobsConfig('JobsPanel');
  const progress = useJobProgress(id);
  return (
    <RowBody
      {...props}
      info={progress.info === undefined ? undefined : translate(progress.info)}
      value={progress.indeterminate ? undefined : progress.progress}
      valueText={progress.valueText}
      eta={running ? progress.etaText : undefined}
    />
  );
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "3 minutes ago" from the minute clock; "this minute" below a minute (and for dates after its last tick). */
function relative(date: Date, now: number, locale: string | undefined): string {
  if (now - date.getTime() < 60_000) return relativeTimeFormat(locale).format(0, 'minute');
  return formatRelativeTime(date, now, locale);
}

/** "Started 5 minutes ago · Finished 1 minute ago", with the dates in full as its title. */
export function rowTimes(
  job: Pick<JobsPanelJob, 'createdAt' | 'startedAt' | 'finishedAt'>,
  now: number,
  t: Translate,
  locale: string | undefined,
): RowBodyProps['times'] {
  const started = job.startedAt ?? job.createdAt;
  const from =
    started === undefined
      ? undefined
      : t(job.startedAt === undefined ? 'panel.created' : 'panel.started', { time: relative(started, now, locale) });
  const until =
    job.finishedAt === undefined ? undefined : t('panel.finished', { time: relative(job.finishedAt, now, locale) });
  const text =
    from !== undefined && until !== undefined
      ? t('panel.timeRange', { started: from, finished: until })
      : (from ?? until);
  if (text === undefined) return undefined;
  const full = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const title = [started, job.finishedAt]
    .flatMap((date) => (date === undefined ? [] : [full.format(date)]))
    .join(' – ');
  return { text, title };
}
