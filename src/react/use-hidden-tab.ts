import { useEffect } from 'react';
import { failureMessage, type Job } from '../core';
import { HiddenTab } from '../store';
import { type JobsConfigContextValue, useJobsStore, withMessages } from './context';

export type { JobNotificationsOptions, JobNotificationsProp } from './context';

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

const HIDDEN_TAB = Symbol('hidden-tab');

/**
 * Tells the ends of the user's jobs while the tab is hidden (`HiddenTab`: the title, and a system
 * notification when the host opted in), from the moment the first component that tells ends mounts until
 * the provider goes: once per provider, however many components ask. Hooked on the store's routing of
 * ends, so that an end a notification tells is not announced in the live region as well.
 */
export function useHiddenTab(hook = 'useHiddenTab'): void {
  const { store, slots, latestConfig } = useJobsStore(hook);
  useEffect(() => {
    if (typeof document === 'undefined') return;
    slots.start(HIDDEN_TAB, () => {
      const words = (): Words => withMessages(latestConfig());
      const tab = new HiddenTab(document, {
        title: (count, text, base) =>
          words().t(base === '' ? 'hidden.titleAlone' : 'hidden.title', { count, heading: text, title: base }),
        heading: (job) => heading(job, words()),
        body: (job) => body(job, words()),
        optedIn: () => Boolean(latestConfig().notifications()),
        open: (job) => {
          const options = latestConfig().notifications();
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
    });
  }, [store, slots, latestConfig]);
}
