import { useCallback, useEffect, useRef, useState } from 'react';
import {
  devWarn,
  hasNextButton,
  isKnownNext,
  type Job,
  type JobOutcome,
  type JobOutcomeNext,
  type MessageKey,
  type NextResult,
  nextLabel as labelOf,
  outcomeKey,
  performNext,
} from '../core';
import { type DownloadTarget, useJobsConfig, useJobsStore } from './context';
import { useAcknowledgeOutcome } from './use-acknowledge-outcome';
import { useJob } from './use-job';
import { useRetryJob } from './use-retry-job';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Follows a link the way a click on it would: the only DOM the kit's outcome actions touch. */
function clickLink(href: string, attributes: { target?: string; download?: string }): void {
  const link = document.createElement('a');
  link.href = href;
  if (attributes.target !== undefined) {
    link.target = attributes.target;
    link.rel = 'noopener noreferrer';
  }
  if (attributes.download !== undefined) link.setAttribute('download', attributes.download);
  link.hidden = true;
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}

/**
 * The default download: a link with a `download` attribute. A browser ignores `download` on another
 * origin and opens the file instead, so such a link opens in a new tab and never replaces the app.
 */
function saveFile({ url, fileName }: DownloadTarget): void {
  const crossOrigin = new URL(url, window.location.href).origin !== window.location.origin;
  clickLink(url, { download: fileName ?? '', ...(crossOrigin ? { target: '_blank' } : {}) });
}

/**
 * Carries out a job's outcome `next` action (see `useOutcome` for each variant). Never throws: a refused
 * link resolves `blocked`, anything that went wrong `failed`, with the text to show.
 */
export function useNextRunner(): (job: Job) => Promise<NextResult> {
  const config = useJobsConfig('useOutcome');
  const { mutateAsync: retry } = useRetryJob();
  const latest = useRef({ config, retry });
  latest.current = { config, retry };
  return useCallback(async (job: Job) => {
    const next = job.outcome?.next;
    if (!isKnownNext(next)) return { status: 'done' };
    const { config: c, retry: retryJob } = latest.current;
    try {
      return await performNext(job.id, next, {
        t: (key) => c.t(key),
        navigate: c.navigate,
        assign: (path) => window.location.assign(path),
        openInNewTab: (url) => clickLink(url, { target: '_blank' }),
        download: c.download ?? saveFile,
        resolveFileUrl: c.resolveFileUrl,
        retry: retryJob,
        handlers: c.outcomeHandlers,
      });
    } catch (error) {
      const label = labelOf(next, c.t, c.translate) ?? next.type;
      return { status: 'failed', message: c.t('outcome.nextFailed', { label, error: messageOf(error) }) };
    }
  }, []);
}

/**
 * Records that the user saw a job's outcome, once per outcome: a call while one for the same outcome is
 * in flight joins it, and an outcome already acknowledged is not sent again. Rejects when the client
 * fails; calling again then retries.
 */
export function useAcknowledger(): (job: Job) => Promise<void> {
  const { store } = useJobsStore('useOutcome');
  const { mutateAsync } = useAcknowledgeOutcome();
  const latest = useRef(mutateAsync);
  latest.current = mutateAsync;
  return useCallback(
    (job: Job) => {
      const key = outcomeKey(job);
      const cached = store.peek(job.id) ?? job;
      if (
        job.outcomeAcknowledgedAt !== undefined ||
        (cached.outcomeAcknowledgedAt !== undefined && outcomeKey(cached) === key)
      )
        return Promise.resolve();
      // Acknowledgements in flight in this provider: two views of one outcome send one request.
      const calls = store.outcomes.acknowledging;
      const running = calls.get(key);
      if (running !== undefined) return running;
      // Settled calls leave the map: by then the cache holds the acknowledged job (or a retry may go).
      const call = latest.current(job.id).then(
        () => {
          calls.delete(key);
        },
        (error: unknown) => {
          calls.delete(key);
          throw error;
        },
      );
      calls.set(key, call);
      return call;
    },
    [store],
  );
}

export interface OutcomeView {
  job: Job | undefined;
  outcome: JobOutcome | undefined;
  /** The dialog's title: the outcome's heading, else the job's name and how it ended. */
  heading: string;
  message: string | undefined;
  /** The default button's text: `buttonText`, else "Close". */
  buttonText: string;
  /** False with `hideDefaultButton`, unless nothing else could close the dialog. */
  showDefaultButton: boolean;
  /** A `next` the kit can carry out; unknown or malformed variants are left out (with a dev warning). */
  next: JobOutcomeNext | undefined;
  /** The `next` button's text; undefined when there is no such button (`wait` has none). */
  nextLabel: string | undefined;
  acknowledged: boolean;
  /** Acknowledges the outcome (once); resolves true when it is acknowledged. */
  acknowledge(): Promise<boolean>;
  /** Carries out `next`, then acknowledges; resolves true when both went through. */
  runNext(): Promise<boolean>;
  /** An acknowledgement or a `next` action is in flight. */
  pending: boolean;
  /** Why the last acknowledgement or action failed; the same button tries again. */
  error: string | undefined;
  /** A link of the outcome was refused as unsafe; nothing was opened. */
  blocked: string | undefined;
}

interface Attempt {
  key: string;
  pending: boolean;
  error?: string;
  blocked?: string;
}

/**
 * The outcome of one job, ready to show and act on: what a dialog needs, for hosts that draw their own.
 *
 * `runNext()` by variant: `id` calls the provider's `navigate({ id, path, query })`, or without one goes
 * to the relative path `space/<id>/<path>?<query>` with `window.location.assign`; `url` opens in a new tab
 * (`rel="noopener noreferrer"`), or in the current tab with `window.location.assign` when `replace` is true; `download` goes through the provider's `download({ url, fileName })` or
 * a link with a `download` attribute; `files` resolves each file id with `resolveFileUrl`, then downloads
 * it (refused without a resolver); `retry` retries the job (its outcome is then replaced, so it is not
 * acknowledged); `wait` only closes; `snapshot`, `view` and `clearFilters` call the provider's handlers
 * (a missing handler warns in development and closes). Every URL goes through `safeUrl` first.
 */
export function useOutcome(jobId: string | undefined): OutcomeView {
  const { t, translate, jobLabel } = useJobsConfig('useOutcome');
  const { data: job } = useJob(jobId);
  const run = useNextRunner();
  const acknowledgeJob = useAcknowledger();
  const outcome = job?.outcome;
  const key = job === undefined ? '' : outcomeKey(job);
  const [attempt, setAttempt] = useState<Attempt>({ key, pending: false });
  const current: Attempt = attempt.key === key ? attempt : { key, pending: false };
  const busy = useRef<Promise<boolean> | null>(null);
  const latest = useRef(job);
  latest.current = job;

  const rawNext = outcome?.next;
  const next = isKnownNext(rawNext) ? rawNext : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per outcome
  useEffect(() => {
    if (rawNext !== undefined && next === undefined)
      devWarn(`outcome of job ${jobId}: unknown or malformed next action ignored`, rawNext);
  }, [key]);

  const update = useCallback(
    (forKey: string, change: Omit<Attempt, 'key'>) => setAttempt({ key: forKey, ...change }),
    [],
  );

  const acknowledgeNow = useCallback(
    async (target: Job, forKey: string): Promise<boolean> => {
      try {
        await acknowledgeJob(target);
        update(forKey, { pending: false });
        return true;
      } catch (error) {
        update(forKey, { pending: false, error: t('outcome.ackFailed', { error: messageOf(error) }) });
        return false;
      }
    },
    [acknowledgeJob, update, t],
  );

  const exclusive = useCallback(
    (work: (target: Job, forKey: string) => Promise<boolean>): Promise<boolean> => {
      const target = latest.current;
      if (target === undefined) return Promise.resolve(false);
      if (busy.current !== null) return busy.current;
      const forKey = outcomeKey(target);
      update(forKey, { pending: true });
      const promise = work(target, forKey).finally(() => {
        busy.current = null;
      });
      busy.current = promise;
      return promise;
    },
    [update],
  );

  const acknowledge = useCallback(() => {
    if (latest.current?.outcomeAcknowledgedAt !== undefined) return Promise.resolve(true);
    return exclusive(acknowledgeNow);
  }, [exclusive, acknowledgeNow]);

  const runNext = useCallback(
    () =>
      exclusive(async (target, forKey) => {
        const result = await run(target);
        if (result.status === 'blocked') update(forKey, { pending: false, blocked: result.message });
        else if (result.status === 'failed') update(forKey, { pending: false, error: result.message });
        if (result.status !== 'done') return false;
        if (target.outcome?.next?.type === 'retry') {
          update(forKey, { pending: false });
          return true;
        }
        return acknowledgeNow(target, forKey);
      }),
    [exclusive, run, update, acknowledgeNow],
  );

  const label = job === undefined ? '' : jobLabel(job);
  const headingKey: MessageKey | undefined =
    job?.status === 'complete'
      ? 'outcome.heading.complete'
      : job?.status === 'failed'
        ? 'outcome.heading.failed'
        : undefined;
  const heading = outcome?.heading?.trim()
    ? translate(outcome.heading)
    : headingKey === undefined
      ? label
      : t(headingKey, { label });
  const buttonLabel = labelOf(next, t, translate);
  return {
    job,
    outcome,
    heading,
    message: outcome?.message?.trim() ? translate(outcome.message) : undefined,
    buttonText: outcome?.buttonText?.trim() ? translate(outcome.buttonText) : t('outcome.close'),
    showDefaultButton: outcome?.hideDefaultButton !== true || !hasNextButton(next),
    next,
    nextLabel: buttonLabel,
    acknowledged: job?.outcomeAcknowledgedAt !== undefined,
    acknowledge,
    runNext,
    pending: current.pending,
    error: current.error,
    blocked: current.blocked,
  };
}
