import { useEffect, useRef } from 'react';
import { failureMessage, type Job } from '../core';
import type { JobsStore } from '../store';
import type { JobsConfigContextValue } from './context';
import { HiddenTab } from '../store';

/** The provider's `notifications` prop in full: what a click on a notification opens. */
export interface JobNotificationsOptions {
  /**
   * Opens the outcome of the job whose notification was clicked (the Jobs Panel's `onOpenOutcome`, a
   * route...). Without it, a click focuses the tab, where an outcome that pops up is already shown.
   */
  onOpenOutcome?(jobId: string): void;
}

export type JobNotificationsProp = boolean | JobNotificationsOptions;

type Words = Pick<JobsConfigContextValue, 't' | 'translate' | 'jobLabel'>;

function heading(job: Job, { t, translate, jobLabel }: Words): string {
  const own = job.outcome?.heading;
  if (own !== undefined && own.trim() !== '') return translate(own);
  const label = jobLabel(job);
  if (job.status === 'failed') return t('outcome.heading.failed', { label });
  if (job.status === 'canceled') return t('hidden.canceled', { label });
  return t('outcome.heading.complete', { label });
}

function body(job: Job, { translate }: Words): string | undefined {
  const text = job.status === 'failed' ? failureMessage(job) : job.outcome?.message;
  return text === undefined || text.trim() === '' ? undefined : translate(text);
}

/**
 * Tells the ends of the user's jobs while the tab is hidden (`HiddenTab`): hooked on the store's routing
 * of ends, so that an end a notification tells is not announced in the live region as well.
 */
export function useHiddenTab(store: JobsStore, config: Words, notifications: JobNotificationsProp | undefined): void {
  const latest = useRef({ config, notifications });
  latest.current = { config, notifications };
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const tab = new HiddenTab(document, {
      title: (count, text, base) =>
        latest.current.config.t(base === '' ? 'hidden.titleAlone' : 'hidden.title', {
          count,
          heading: text,
          title: base,
        }),
      heading: (job) => heading(job, latest.current.config),
      body: (job) => body(job, latest.current.config),
      optedIn: () => Boolean(latest.current.notifications),
      open: (job) => {
        const options = latest.current.notifications;
        if (typeof options === 'object') options.onOpenOutcome?.(job.id);
      },
    });
    const stop = tab.start();
    const release = store.ends.claimSystemNotices((job, started) => tab.notifies(job, started));
    const off = store.onJobEnd((end) => tab.ended(end));
    return () => {
      off();
      release();
      stop();
    };
  }, [store]);
}
