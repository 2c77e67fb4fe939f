import { useEffect } from 'react';
import { failureMessage, type Job } from '../core';
import { endsOf, HiddenTab } from '../store';
import { type JobsConfigContextValue, useJobsConfig, useJobsStore } from './context';

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
 * notification when the host opted in), from the moment the first component that starts or reports jobs
 * mounts until the provider goes: once per provider, however many components ask. Hooked on the store's
 * routing of ends, so that an end a notification tells is not announced in the live region as well.
 */
export function useHiddenTab(hook = 'useHiddenTab'): { asked: boolean } {
  const { store, slots } = useJobsStore(hook);
  // The words and opt-in as last rendered, whichever component rendered them (all read one provider).
  const config = useJobsConfig(hook);
  // `asked`: permission was asked for already (`useRunAction`), once per provider.
  const latest = slots.get(HIDDEN_TAB, () => ({ config, asked: false }));
  latest.config = config;
  useEffect(() => {
    if (typeof document === 'undefined') return;
    slots.start(HIDDEN_TAB, () => {
      const tab = new HiddenTab(document, {
        title: (count, text, base) =>
          latest.config.t(base === '' ? 'hidden.titleAlone' : 'hidden.title', { count, heading: text, title: base }),
        heading: (job) => heading(job, latest.config),
        body: (job) => body(job, latest.config),
        optedIn: () => Boolean(latest.config.notifications()),
        open: (job) => {
          const options = latest.config.notifications();
          if (typeof options === 'object') options.onOpenOutcome?.(job.id);
        },
      });
      const stop = tab.start();
      const ends = endsOf(store);
      const release = ends.claimSystemNotices((job, started) => tab.notifies(job, started));
      const off = ends.on((end) => tab.ended(end));
      return () => {
        off();
        release();
        stop();
      };
    });
  }, [store, slots, latest]);
  return latest;
}
