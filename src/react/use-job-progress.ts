import { useEffect, useReducer, useRef } from 'react';
import {
  addEtaSample,
  createEtaState,
  type EtaDisplay,
  type EtaState,
  estimateRemaining,
  formatEta,
  formatPercent,
  isActive,
  type Job,
  nextEtaDisplay,
  type JobsError,
} from '../core';
import { useJobsConfig } from './context';
import { useJob } from './use-job';

export interface JobProgressOptions {
  /** After how long without any report a running job counts as stalled (ms). Default 2 minutes. */
  stallAfterMs?: number;
}

export interface JobProgress {
  job: Job | undefined;
  /** 0..100, or undefined before the job reports any. */
  progress: number | undefined;
  /** No amount to show yet (none reported, or 0 % while running): draw an indeterminate bar. */
  indeterminate: boolean;
  info: string | undefined;
  /** Milliseconds left as shown (steadied: rises at most 10 % per update, changes at most once a second). */
  eta: number | undefined;
  /** The ETA in words: "About 3 minutes left", "Estimating…". Empty once the job is not running. */
  etaText: string;
  /** What a progress bar says to a screen reader: "42%, about 3 minutes left". */
  valueText: string;
  /** A running job that has reported nothing for `stallAfterMs`. */
  stalled: boolean;
  /** How long it has reported nothing (ms); 0 while it reports. */
  quietForMs: number;
  /** The last failed read of the job (`not-found` when it is gone); the last good job stays in `job`. */
  error: JobsError | null;
  /** Reads that failed in a row. */
  failureCount: number;
}

interface Tracking {
  eta: EtaState;
  display: EtaDisplay;
  lastProgress: number | undefined;
  lastInfo: string | undefined;
  lastChangeAt: number;
  jobId: string | undefined;
}

const freshTracking = (jobId: string | undefined, now: number): Tracking => ({
  eta: createEtaState(),
  display: { shownMs: undefined, changedAt: undefined },
  lastProgress: undefined,
  lastInfo: undefined,
  lastChangeAt: now,
  jobId,
});

/** The one clock of every running job's ETA: one interval while any is shown, none otherwise. */
const secondTicks = new Set<() => void>();
let secondTimer: ReturnType<typeof setInterval> | undefined;

/** Calls `tick` once a second, in the same task as every other job's, until the returned function is called. */
function everySecond(tick: () => void): () => void {
  secondTicks.add(tick);
  secondTimer ??= setInterval(() => {
    for (const each of [...secondTicks]) each();
  }, 1000);
  return () => {
    secondTicks.delete(tick);
    if (secondTicks.size > 0 || secondTimer === undefined) return;
    clearInterval(secondTimer);
    secondTimer = undefined;
  };
}

/**
 * A job's progress as people read it: the amount, the status text, a steady ETA (the server's
 * `estimatedCompletionAt` when it sends one, else estimated from the progress rate) and whether it stalled.
 * While the job runs, its ETA text is refreshed once a second, by one timer shared with every other
 * running job's (so all rows refresh in one render); none is left once no job runs.
 */
export function useJobProgress(
  jobId: string | undefined,
  { stallAfterMs = 120_000 }: JobProgressOptions = {},
): JobProgress {
  const { locale, messages, t } = useJobsConfig('useJobProgress');
  const query = useJob(jobId);
  const job = query.data;
  const active = job !== undefined && isActive(job.status);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const now = Date.now();
  const tracking = useRef<Tracking>(freshTracking(jobId, now));
  if (tracking.current.jobId !== jobId) tracking.current = freshTracking(jobId, now);
  const track = tracking.current;

  if (job !== undefined && (job.progress !== track.lastProgress || job.info !== track.lastInfo)) {
    if (job.progress !== undefined && job.progress !== track.lastProgress) {
      track.eta = addEtaSample(track.eta, { at: now, progress: job.progress });
    }
    track.lastProgress = job.progress;
    track.lastInfo = job.info;
    track.lastChangeAt = now;
  }

  // One clock for all the running jobs shown: their ETAs are refreshed together, in one render.
  useEffect(() => (active ? everySecond(refresh) : undefined), [active]);

  const estimate = active ? estimateRemaining(track.eta, now, job?.estimatedCompletionAt) : undefined;
  if (active) track.display = nextEtaDisplay(track.display, estimate, now);
  const eta = active ? track.display.shownMs : undefined;
  const etaText = active ? formatEta(eta, locale, messages) : '';
  const progress = job?.status === 'complete' ? 100 : job?.progress;
  // Nothing done yet (Flatfile's handlers acknowledge with 0 %) reads as work starting, not as an empty bar.
  const indeterminate = progress === undefined || (active && progress === 0);
  const quietForMs = active ? Math.max(0, now - track.lastChangeAt) : 0;
  const percent =
    progress === undefined || indeterminate ? messages['progress.indeterminate'] : formatPercent(progress, locale);
  return {
    job,
    progress,
    indeterminate,
    info: job?.info,
    eta,
    etaText,
    valueText: active ? t('progress.valueText', { percent, eta: formatEta(eta, locale, messages, 'inline') }) : percent,
    stalled: active && quietForMs >= stallAfterMs,
    quietForMs,
    error: query.error,
    failureCount: query.failureCount,
  };
}
